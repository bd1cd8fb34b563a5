import { useEffect, useRef } from 'react';
import { drawImage, type ImageShape, type ValueRange } from '../../viz/images';

interface Props {
  readonly values: ArrayLike<number>;
  readonly shape: ImageShape;
  /** Displayed width in CSS pixels; the height follows the image's aspect ratio. */
  readonly width: number;
  /** Displayed height; by default it follows the image's aspect ratio. */
  readonly height?: number;
  readonly range: ValueRange;
  readonly diverging: boolean;
  /** Text alternative; empty for a picture that a nearby caption describes. */
  readonly label: string;
  /** Cells to outline (1 = marked), one per pixel, e.g. max-pooling winners or closed ReLUs. */
  readonly mask?: Uint8Array | null;
  readonly maskColor?: string;
}

/** Values drawn pixel for pixel and scaled up crisply, with an optional outline of marked cells. */
export function MapCanvas(props: Props) {
  const { values, shape, width, range, diverging, label, mask, maskColor } = props;
  const height = props.height ?? Math.round((width * shape.height) / shape.width);
  const ref = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const scale = Math.max(1, Math.floor(width / shape.width));
  useEffect(() => {
    if (ref.current) drawImage(ref.current, values, shape, { range, diverging });
    const o = overlay.current;
    if (!o) return;
    o.width = shape.width * scale;
    o.height = shape.height * scale;
    const g = o.getContext('2d');
    if (!g) return;
    g.clearRect(0, 0, o.width, o.height);
    if (!mask) return;
    g.strokeStyle = maskColor ?? '#e69f00';
    g.lineWidth = Math.max(1, scale / 6);
    for (let p = 0; p < shape.width * shape.height; p++) {
      if (!mask[p]) continue;
      const x = (p % shape.width) * scale;
      const y = Math.floor(p / shape.width) * scale;
      g.strokeRect(
        x + g.lineWidth / 2,
        y + g.lineWidth / 2,
        scale - g.lineWidth,
        scale - g.lineWidth,
      );
    }
  }, [values, shape, range, diverging, mask, maskColor, scale]);
  return (
    <span className="map-canvas" style={{ width, height }}>
      <canvas
        ref={ref}
        className="pixel-canvas"
        style={{ width, height }}
        role={label ? 'img' : undefined}
        aria-label={label || undefined}
        aria-hidden={label ? undefined : true}
      />
      {mask && (
        <canvas
          ref={overlay}
          className="map-overlay"
          style={{ width, height }}
          aria-hidden="true"
        />
      )}
    </span>
  );
}
