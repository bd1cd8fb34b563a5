import { useMemo } from 'react';
import { rangeOf, symmetricRange } from '../../core/range';
import { gradientPerPixel, gradientShares } from '../../viz/receptive/effective';
import { RangeLegend } from '../shared/RangeLegend';
import { FieldMapView } from './FieldMapView';
import type { FieldSelection } from './useFieldSelection';
import { useUnitGradient } from './useUnitGradient';

const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The effective receptive field: ∂(chosen unit)/∂(input pixel) for the selected input
 * with the current weights, as a heat map centred on zero, with the theoretical field
 * outlined. The engine computes it in its worker; a newer request supersedes an older one.
 */
export function EffectiveField({ sel }: { readonly sel: FieldSelection }) {
  const input = sel.inputMap;
  const report = sel.report;
  const channels = report.input?.[2] ?? 1;
  const expectedLength = input ? input.size[0] * input.size[1] * channels : 0;
  const outcome = useUnitGradient(sel.layer?.index ?? -1, sel.unit, sel.channel, expectedLength);

  const heat = useMemo(() => {
    if (outcome.state !== 'ready' || !input) return null;
    const [h, w] = input.size;
    if (outcome.values.length !== h * w * channels) return null;
    const values = gradientPerPixel(outcome.values, h, w, channels);
    const range = symmetricRange(rangeOf(values));
    const shares = gradientShares(values, h, w, input.rect);
    return { values, range, shares, shape: { height: h, width: w, channels: 1 } };
  }, [outcome, input, channels]);

  return (
    <figure className="effective-field" data-testid="effective-field" aria-busy={!heat}>
      <figcaption>
        <strong>Effective receptive field</strong>: how much each input pixel moves this unit
      </figcaption>
      {heat && input ? (
        <>
          <FieldMapView
            area={input}
            displaySize={300}
            underlay={{
              values: heat.values,
              shape: heat.shape,
              range: heat.range,
              diverging: true,
            }}
            outlineOnly
            label={`Gradient of the chosen unit with respect to each input pixel, red positive and blue negative, with the theoretical field outlined; ${pct(heat.shares.inField)} of its weight lies inside the field.`}
            testId="effective-heatmap"
          />
          {heat.shares.total > 0 && <RangeLegend range={heat.range} diverging />}
          <p className="small">
            {heat.shares.total === 0
              ? 'The gradient is zero everywhere: this unit is switched off (its ReLU outputs 0) for this input, so a small change to any pixel leaves it at 0. Try another unit or channel.'
              : `${pct(heat.shares.inCentre)} of the gradient’s weight (Σ|g|) lies in the central quarter of the theoretical field, which is ${pct(heat.shares.centreArea)} of its area; ${pct(heat.shares.inField)} lies inside the field.`}
          </p>
        </>
      ) : (
        <p className="effective-status" role="status">
          {outcome.state === 'failed'
            ? `No effective field: ${outcome.message}`
            : (outcome.state === 'waiting' && outcome.message) || 'Computing…'}
        </p>
      )}
      <p className="explain">
        The outline is the theoretical field: pixels outside it cannot reach the unit at all. Inside
        it the influence is far from even. Central pixels reach the unit along many more paths
        through the layers than pixels near the border, so the effective field is concentrated in
        the middle and fades towards the edges.
      </p>
    </figure>
  );
}
