import type { ComponentProps, ReactNode } from 'react';
import { ImageCanvas } from './ImageCanvas';
import { RangeLegend } from './RangeLegend';

/**
 * An image with its caption and colour key under it; `note` follows the key. Without a
 * `range` the image is bytes, so the key reads 0 to 255.
 */
export function ImageFigure({
  caption,
  note,
  ...image
}: ComponentProps<typeof ImageCanvas> & {
  readonly caption: ReactNode;
  readonly note?: ReactNode;
}) {
  return (
    <figure>
      <ImageCanvas {...image} />
      <figcaption>
        {caption}
        <RangeLegend range={image.range ?? [0, 255]} diverging={image.diverging} />
        {note}
      </figcaption>
    </figure>
  );
}
