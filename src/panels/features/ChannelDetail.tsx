import { useState, type PointerEvent } from 'react';
import type { LayerValues } from '../../core/inspection';
import { rangeOf, symmetricRange } from '../../core/range';
import { describeFeatureMap } from '../../viz/describeMaps';
import { channelOf } from '../../viz/features';
import { ImageCanvas } from '../shared/ImageCanvas';
import { RangeLegend } from '../shared/RangeLegend';

const SIZE = 280;

/** The chosen channel enlarged, with the value under the pointer. */
export function ChannelDetail({
  record,
  channel,
}: {
  readonly record: LayerValues;
  readonly channel: number;
}) {
  const [at, setAt] = useState<{ row: number; col: number } | null>(null);
  const [h = 1, w = 1] = record.shape;
  const values = channelOf(record.data, record.shape, channel);
  const own = rangeOf(values, { constantPad: 1 });
  const signed = own[0] < 0;
  const range = signed ? symmetricRange(own) : own;
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - rect.left) / rect.width) * w);
    const row = Math.floor(((e.clientY - rect.top) / rect.height) * h);
    setAt(row >= 0 && row < h && col >= 0 && col < w ? { row, col } : null);
  };
  const value = at ? values[at.row * w + at.col] : undefined;
  return (
    <figure className="channel-detail">
      {/* A tap reads a unit too, and a finger lifting (which leaves) keeps the reading. */}
      <div
        onPointerMove={onMove}
        onPointerDown={onMove}
        onPointerLeave={(e) => e.pointerType === 'mouse' && setAt(null)}
      >
        <ImageCanvas
          values={values}
          shape={{ height: h, width: w, channels: 1 }}
          size={SIZE}
          range={range}
          diverging={signed}
          label={describeFeatureMap({
            layer: record.name,
            channel,
            channels: record.shape[2] ?? 1,
            height: h,
            width: w,
            values,
          })}
        />
      </div>
      <figcaption>
        {record.name}, channel {channel + 1} of {record.shape[2] ?? 1} ({h}×{w})
        <RangeLegend range={range} diverging={signed} />
        <span aria-live="polite" data-testid="channel-value">
          {at && value !== undefined
            ? `row ${at.row}, column ${at.col}: ${value.toFixed(4)}`
            : 'Point at or tap a unit to read its value.'}
        </span>
      </figcaption>
    </figure>
  );
}
