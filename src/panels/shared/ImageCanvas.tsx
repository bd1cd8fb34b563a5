import { useEffect, useRef } from 'react';
import { drawImage, type ImageShape, type ValueRange } from '../../viz/images';
import './imageCanvas.css';

/** A thumbnail: a square of `size` CSS pixels (the canvas keeps the image's own resolution). */
interface ThumbnailSize {
  readonly size: number;
  readonly width?: never;
  readonly height?: never;
}

/** A map: `width` CSS pixels wide, as tall as `height` or as the image's aspect ratio gives. */
interface MapSize {
  readonly size?: never;
  readonly width: number;
  readonly height?: number;
}

type Props = (ThumbnailSize | MapSize) & {
  readonly values: ArrayLike<number>;
  readonly shape: ImageShape;
  readonly range?: ValueRange;
  readonly diverging?: boolean;
  /** Text alternative; empty for a picture a nearby caption or a labelled button describes. */
  readonly label: string;
  readonly className?: string;
  /** Cells to outline (1 = marked), one per pixel, e.g. max-pooling winners or closed ReLUs. */
  readonly mask?: Uint8Array | null;
  readonly maskColor?: string;
};

/** Outlines the marked cells of a `shape`-sized mask on an overlay `scale` times larger. */
function drawMask(
  overlay: HTMLCanvasElement,
  mask: Uint8Array,
  shape: ImageShape,
  scale: number,
  color: string,
): void {
  overlay.width = shape.width * scale;
  overlay.height = shape.height * scale;
  const g = overlay.getContext('2d');
  if (!g) return;
  g.clearRect(0, 0, overlay.width, overlay.height);
  g.strokeStyle = color;
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
}

/**
 * An image or a map of values drawn pixel for pixel and scaled up crisply. A map (sized by
 * `width`) sits in a frame that can carry an outline of marked cells on top.
 */
export function ImageCanvas(props: Props) {
  const { values, shape, range, diverging, label, className, mask, maskColor } = props;
  const isMap = props.width !== undefined;
  const width = props.width ?? props.size;
  const height = props.size ?? props.height ?? Math.round((width * shape.height) / shape.width);
  const ref = useRef<HTMLCanvasElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const scale = Math.max(1, Math.floor(width / shape.width));
  useEffect(() => {
    if (ref.current)
      drawImage(ref.current, values, shape, {
        ...(range ? { range } : {}),
        diverging: Boolean(diverging),
      });
  }, [values, shape, range, diverging]);
  useEffect(() => {
    if (overlay.current && mask)
      drawMask(overlay.current, mask, shape, scale, maskColor ?? '#e69f00');
  }, [mask, shape, scale, maskColor]);
  const canvas = (
    <canvas
      ref={ref}
      className={isMap ? 'pixel-canvas' : `pixel-canvas ${className ?? ''}`}
      style={{ width, height }}
      role={label ? 'img' : undefined}
      aria-label={label || undefined}
      aria-hidden={label ? undefined : true}
    />
  );
  if (!isMap) return canvas;
  return (
    <span className={`map-canvas${className ? ` ${className}` : ''}`} style={{ width, height }}>
      {canvas}
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
