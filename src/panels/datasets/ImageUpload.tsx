import { useState } from 'react';
import { centreCropResize } from '../../data/upload';
import { useLabStore } from '../../state/store';

const MAX_SIDE = 1024;
const MAX_BYTES = 20_000_000;

/** Reads an image file into RGBA pixels, shrunk so its longer side is at most 1024. */
async function readPixels(
  file: File,
): Promise<{ rgba: Uint8ClampedArray; width: number; height: number }> {
  const bitmap = await createImageBitmap(file);
  const shrink = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * shrink));
  const height = Math.max(1, Math.round(bitmap.height * shrink));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw images into a canvas.');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { rgba: context.getImageData(0, 0, width, height).data, width, height };
}

/** A photo of your own (file or camera), centre-cropped and shrunk to 32×32 like CIFAR-10. */
export function ImageUpload() {
  const selectOwnImage = useLabStore((s) => s.selectOwnImage);
  const [message, setMessage] = useState(
    'Choose a photo; its centre square becomes a 32×32 input.',
  );
  const take = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setMessage(`${file.name} is over 20 MB; choose a smaller photo.`);
      return;
    }
    try {
      const { rgba, width, height } = await readPixels(file);
      selectOwnImage({
        height: 32,
        width: 32,
        channels: 3,
        pixels: centreCropResize(rgba, width, height, 32),
      });
      setMessage(`${file.name}, centre-cropped to 32×32, is now the selected input.`);
    } catch {
      setMessage(`${file.name} could not be read as an image. Try a PNG or JPEG.`);
    }
  };
  return (
    <section className="card image-upload" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Your own photo</h2>
      <div className="button-row">
        <label className="file-button">
          Choose a photo
          <input
            type="file"
            accept="image/*"
            onChange={(e) => void take(e.target.files?.[0])}
            data-testid="upload-input"
          />
        </label>
        <label className="file-button">
          Use the camera
          <input
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => void take(e.target.files?.[0])}
          />
        </label>
      </div>
      <p role="status">{message}</p>
    </section>
  );
}
