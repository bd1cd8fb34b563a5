import { useEffect, useMemo, useState } from 'react';
import { selectInputImage } from '../../state/selectedInput';
import { useLabStore } from '../../state/store';
import { rangeOf, symmetricRange } from '../../viz/images';
import { gradientPerPixel, gradientShares } from '../../viz/receptive/effective';
import { RangeLegend } from '../shared/RangeLegend';
import { FieldMapView } from './FieldMapView';
import type { FieldSelection } from './useFieldSelection';

type Outcome =
  | { readonly state: 'waiting'; readonly message: string }
  | { readonly state: 'ready'; readonly values: Float32Array }
  | { readonly state: 'failed'; readonly message: string };

const pct = (v: number) => `${Math.round(v * 100)}%`;

/**
 * The effective receptive field: ∂(chosen unit)/∂(input pixel) for the selected input
 * with the current weights, as a heat map centred on zero, with the theoretical field
 * outlined. The engine computes it in its worker; a newer request supersedes an older one.
 */
export function EffectiveField({ sel }: { readonly sel: FieldSelection }) {
  const probes = useLabStore((s) => s.probes);
  const inspection = useLabStore((s) => s.inspection);
  const runMessage = useLabStore((s) => s.run.message);
  const selected = useLabStore(selectInputImage);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'waiting', message: '' });
  const layerIndex = sel.layer?.index ?? -1;
  const { row, col } = sel.unit;
  const channel = sel.channel;
  const input = sel.inputMap;
  useEffect(() => {
    if (!probes) {
      setOutcome({ state: 'waiting', message: runMessage ?? 'Starting the engine…' });
      return;
    }
    if (layerIndex < 0) return;
    let current = true;
    setOutcome((o) => (o.state === 'ready' ? o : { state: 'waiting', message: 'Computing…' }));
    probes
      .unitInputGradient(layerIndex, { row, col, channel })
      .then((gradient) => {
        if (!current) return;
        setOutcome(
          gradient
            ? { state: 'ready', values: gradient }
            : {
                state: 'waiting',
                message: 'Waiting for the selected input (the dataset is loading).',
              },
        );
      })
      .catch((error: unknown) => {
        if (!current) return;
        const message = error instanceof Error ? error.message : String(error);
        setOutcome({ state: 'failed', message });
      });
    return () => {
      current = false;
    };
    // The inspection changes when the weights or the selected input do: then ask again.
  }, [probes, layerIndex, row, col, channel, inspection, selected, runMessage]);

  const heat = useMemo(() => {
    if (outcome.state !== 'ready' || !input) return null;
    const [h, w] = input.size;
    const channels = Math.round(outcome.values.length / (h * w));
    if (channels < 1 || channels * h * w !== outcome.values.length) return null;
    const values = gradientPerPixel(outcome.values, h, w, channels);
    const range = symmetricRange(rangeOf(values));
    const shares = gradientShares(values, h, w, input.rect);
    return { values, range, shares, shape: { height: h, width: w, channels: 1 } };
  }, [outcome, input]);

  return (
    <figure className="effective-field" data-testid="effective-field" aria-busy={!heat}>
      <figcaption>
        <strong>Effective receptive field</strong>: how much each input pixel moves this unit
      </figcaption>
      {heat && input ? (
        <>
          <FieldMapView
            size={input.size}
            view={input.view}
            rect={input.rect}
            padding={input.padding}
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
          <RangeLegend range={heat.range} diverging />
          <p className="small">
            {heat.shares.total === 0
              ? 'The gradient is zero everywhere: this unit is switched off (ReLU) for this input, so no pixel moves it. Try another unit or channel.'
              : `${pct(heat.shares.inCentre)} of the gradient’s weight (Σ|g|) lies in the central quarter of the theoretical field, which is ${pct(heat.shares.centreArea)} of its area; ${pct(heat.shares.inField)} lies inside the field.`}
          </p>
        </>
      ) : (
        <p className="effective-status" role="status">
          {outcome.state === 'failed'
            ? `The engine could not compute the gradient: ${outcome.message}`
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
