import { useRef, useState, type PointerEvent } from 'react';
import { inkFromAlpha, preprocessDrawing, MNIST_SIDE } from '../../data/drawing';
import { useLabStore } from '../../state/store';
import { ImageCanvas } from '../shared/ImageCanvas';

const PAD = 280;
const STROKE = 20;

/**
 * A pad for drawing a digit with mouse, finger or stylus. Each finished stroke is
 * prepared the way MNIST was made (fitted into 20×20, centred by centre of mass
 * in 28×28) and becomes the selected input.
 */
export function DrawingPad({ noun }: { readonly noun: string }) {
  const padRef = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [result, setResult] = useState<Uint8Array | null>(null);
  const [message, setMessage] = useState(`Draw a ${noun} in the box.`);
  const selectOwnImage = useLabStore((s) => s.selectOwnImage);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) * PAD) / rect.width,
      y: ((e.clientY - rect.top) * PAD) / rect.height,
    };
  };
  const line = (from: { x: number; y: number }, to: { x: number; y: number }) => {
    const context = padRef.current?.getContext('2d');
    if (!context) return;
    context.strokeStyle = '#000';
    context.lineWidth = STROKE;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
  };
  const finish = () => {
    if (!last.current) return;
    last.current = null;
    const context = padRef.current?.getContext('2d');
    if (!context) return;
    const drawn = preprocessDrawing(
      inkFromAlpha(context.getImageData(0, 0, PAD, PAD).data),
      PAD,
      PAD,
    );
    if (!drawn.ok) {
      setMessage(drawn.message);
      return;
    }
    setResult(drawn.image);
    setMessage('This is what the network receives; it is now the selected input.');
    selectOwnImage({ height: MNIST_SIDE, width: MNIST_SIDE, channels: 1, pixels: drawn.image });
  };
  const clear = () => {
    padRef.current?.getContext('2d')?.clearRect(0, 0, PAD, PAD);
    setResult(null);
    setMessage(`Draw a ${noun} in the box.`);
  };
  return (
    <section className="card drawing-pad" aria-labelledby="pad-heading">
      <h2 id="pad-heading">Draw your own {noun}</h2>
      <div className="side-by-side">
        <canvas
          ref={padRef}
          width={PAD}
          height={PAD}
          className="pad"
          data-testid="drawing-pad"
          aria-label={`Drawing pad: draw a ${noun} with the mouse, a finger or a stylus`}
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            last.current = point(e);
            line(last.current, last.current);
          }}
          onPointerMove={(e) => {
            if (!last.current) return;
            const next = point(e);
            line(last.current, next);
            last.current = next;
          }}
          onPointerUp={finish}
          onPointerCancel={finish}
        />
        <figure>
          {result ? (
            <ImageCanvas
              values={result}
              shape={{ height: 28, width: 28, channels: 1 }}
              size={168}
              label={`Your ${noun} as 28×28 pixels`}
            />
          ) : (
            <div className="pad-placeholder" aria-hidden="true" />
          )}
          <figcaption role="status">{message}</figcaption>
        </figure>
      </div>
      <button type="button" onClick={clear}>
        Clear the pad
      </button>
    </section>
  );
}
