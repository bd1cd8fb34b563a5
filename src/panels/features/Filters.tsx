import type { WeightValues } from '../../core/inspection';
import { rangeOf, symmetricRange } from '../../core/range';
import { kernelImage, kernelSlice } from '../../viz/features';
import { ImageCanvas } from '../shared/ImageCanvas';
import { RangeLegend } from '../shared/RangeLegend';

const MAX_FILTERS = 64;

/**
 * A convolution's learned filters. For colour input each filter is a small colour
 * picture (each scaled to its own range); otherwise each filter, or each input channel
 * of the chosen filter, is drawn with the diverging map: red excites, blue inhibits.
 */
export function Filters({
  kernel,
  channel,
  first,
}: {
  readonly kernel: WeightValues;
  readonly channel: number;
  readonly first: boolean;
}) {
  const [kh = 1, kw = 1, cin = 1, cout = 1] = kernel.shape;
  const range = symmetricRange(rangeOf(kernel.data, { constantPad: 1 }));
  const size = Math.max(36, Math.min(72, kh * 12));
  if (first) {
    return (
      <div>
        <p className="muted small">
          {cout} filters of {kh}×{kw}×{cin}. They change as the network trains: watch edge and blob
          detectors form.
        </p>
        <div className="channel-grid" data-testid="filters">
          {Array.from({ length: Math.min(cout, MAX_FILTERS) }, (_, f) => {
            const image =
              cin === 3
                ? kernelImage(kernel.data, kernel.shape, f)
                : kernelSlice(kernel.data, kernel.shape, f, 0);
            const own = rangeOf(image, { constantPad: 1 });
            return (
              <ImageCanvas
                key={f}
                values={image}
                shape={{ height: kh, width: kw, channels: cin === 3 ? 3 : 1 }}
                size={size}
                range={cin === 3 ? own : range}
                diverging={cin !== 3}
                label={`Filter ${f + 1}`}
                className={f === channel ? 'chosen-filter' : ''}
              />
            );
          })}
        </div>
        {cin !== 3 && <RangeLegend range={range} diverging />}
      </div>
    );
  }
  const out = Math.min(channel, cout - 1);
  return (
    <div>
      <p className="muted small">
        Filter {out + 1} of {cout}: one {kh}×{kw} slice for each of its {cin} input channels, summed
        to make output channel {out + 1}.
      </p>
      <div className="channel-grid" data-testid="filters">
        {Array.from({ length: Math.min(cin, MAX_FILTERS) }, (_, i) => (
          <ImageCanvas
            key={i}
            values={kernelSlice(kernel.data, kernel.shape, out, i)}
            shape={{ height: kh, width: kw, channels: 1 }}
            size={size}
            range={range}
            diverging
            label={`Filter ${out + 1}, input channel ${i + 1}`}
          />
        ))}
      </div>
      <RangeLegend range={range} diverging />
    </div>
  );
}
