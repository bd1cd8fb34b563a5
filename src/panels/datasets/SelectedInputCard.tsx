import { useMemo } from 'react';
import type { DatasetStats } from '../../data/stats';
import { normalisePixels, NORMALISATIONS } from '../../data/normalise';
import { selectInputImage } from '../../state/selectedInput';
import { useLabStore } from '../../state/store';
import { rangeOf, symmetricRange } from '../../core/range';
import { ImageFigure } from '../shared/ImageFigure';

/** The selected input as a person sees it and as the network receives it after normalisation. */
export function SelectedInputCard({
  classNames,
  stats,
}: {
  readonly classNames: readonly string[];
  readonly stats: DatasetStats;
}) {
  const selected = useLabStore(selectInputImage);
  const mode = useLabStore((s) => s.normalisation);
  const normalised = useMemo(
    () =>
      selected.ok
        ? normalisePixels(selected.image.pixels, selected.image.channels, mode, stats)
        : null,
    [selected, mode, stats],
  );
  if (!selected.ok) {
    return (
      <section className="card selected-input" aria-labelledby="selected-heading">
        <h2 id="selected-heading">Selected input</h2>
        <p>{selected.reason}</p>
      </section>
    );
  }
  const { image } = selected;
  const shape = { height: image.height, width: image.width, channels: image.channels };
  const range = normalised ? rangeOf(normalised) : ([0, 1] as const);
  const signed = range[0] < 0;
  const shownRange = signed && image.channels === 1 ? symmetricRange(range) : range;
  return (
    <section
      className="card selected-input"
      aria-labelledby="selected-heading"
      data-testid="selected-input"
    >
      <h2 id="selected-heading">Selected input</h2>
      <p data-testid="selected-description">
        <strong>
          {image.label === null ? 'Your own image' : (classNames[image.label] ?? image.label)}
        </strong>{' '}
        <span className="muted">({image.description})</span>
      </p>
      <div className="side-by-side">
        <ImageFigure
          values={image.pixels}
          shape={shape}
          size={168}
          label={`The selected input, ${image.description}`}
          caption="As stored: bytes 0 to 255"
        />
        {normalised && (
          <ImageFigure
            values={normalised}
            shape={shape}
            size={168}
            range={shownRange}
            diverging={signed && image.channels === 1}
            label={`What the network receives after ${NORMALISATIONS[mode].label.toLowerCase()}`}
            caption={
              <>
                What the network receives: <code>{NORMALISATIONS[mode].formula}</code>
              </>
            }
            note={
              <span className="muted small" data-testid="normalised-range">
                values from {range[0].toFixed(3)} to {range[1].toFixed(3)}
              </span>
            }
          />
        )}
      </div>
    </section>
  );
}
