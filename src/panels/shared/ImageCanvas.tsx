import { useEffect, useRef } from 'react';
import { drawImage, type ImageShape, type ValueRange } from '../../viz/images';

interface Props {
  readonly values: ArrayLike<number>;
  readonly shape: ImageShape;
  /** Displayed size in CSS pixels (the canvas keeps the image's own resolution). */
  readonly size: number;
  readonly range?: ValueRange;
  readonly diverging?: boolean;
  /** Text alternative; empty for decorative thumbnails inside a labelled button. */
  readonly label: string;
  readonly className?: string;
}

/** An image drawn pixel for pixel and scaled up crisply. */
export function ImageCanvas({ values, shape, size, range, diverging, label, className }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current)
      drawImage(ref.current, values, shape, {
        ...(range ? { range } : {}),
        diverging: Boolean(diverging),
      });
  }, [values, shape, range, diverging]);
  return (
    <canvas
      ref={ref}
      className={`pixel-canvas ${className ?? ''}`}
      style={{ width: size, height: size }}
      role={label ? 'img' : undefined}
      aria-label={label || undefined}
      aria-hidden={label ? undefined : true}
    />
  );
}
