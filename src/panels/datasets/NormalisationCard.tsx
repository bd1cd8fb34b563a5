import { NORMALISATION_MODES, NORMALISATIONS, type NormalisationMode } from '../../data/normalise';
import type { DatasetStats } from '../../data/stats';
import { useLabStore } from '../../state/store';
import { ImageFigure } from '../shared/ImageFigure';
import { RowTable } from '../shared/RowTable';

const CHANNEL_NAMES: Readonly<Record<number, readonly string[]>> = {
  1: ['grey'],
  3: ['red', 'green', 'blue'],
};

/** Input centring: the mean image, the per-channel means, and the normalisation the lab applies. */
export function NormalisationCard({
  stats,
  shape,
}: {
  readonly stats: DatasetStats;
  readonly shape: { height: number; width: number; channels: number };
}) {
  const mode = useLabStore((s) => s.normalisation);
  const setMode = useLabStore((s) => s.setNormalisation);
  const names = CHANNEL_NAMES[shape.channels] ?? stats.mean.map((_, i) => `channel ${i}`);
  return (
    <section className="card normalisation" aria-labelledby="norm-heading">
      <h2 id="norm-heading">Normalisation</h2>
      <div className="side-by-side">
        <ImageFigure
          values={stats.meanImage}
          shape={shape}
          size={120}
          range={[0, 1]}
          label="The mean training image"
          caption="The mean training image"
        />
        <div>
          <RowTable
            className="counts-table"
            rows={stats.mean}
            rowKey={(_, c) => c}
            columns={[
              { heading: 'Channel', cell: (_, c) => names[c] },
              { heading: 'Mean', cell: (m) => m.toFixed(4), className: 'num' },
              { heading: 'Std', cell: (_, c) => (stats.std[c] ?? 0).toFixed(4), className: 'num' },
            ]}
          />
          <p className="muted small">Over the training split, with bytes scaled to 0..1.</p>
        </div>
      </div>
      <fieldset className="norm-modes">
        <legend>Normalisation applied to every input</legend>
        {NORMALISATION_MODES.map((m: NormalisationMode) => (
          <label key={m} className="norm-mode">
            <input
              type="radio"
              name="normalisation"
              value={m}
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            <span>
              <strong>{NORMALISATIONS[m].label}</strong> <code>{NORMALISATIONS[m].formula}</code>
              <span className="muted small"> {NORMALISATIONS[m].help}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
