import { useMemo } from 'react';
import type { AttackOutcome } from '../../../core/adversarial';
import { maxPerturbation } from '../../../core/adversarial';
import { perturbationMap } from '../../../viz/adversarial/adversarialLayout';
import { ImageFigure } from '../../shared/ImageFigure';
import { PredictionList } from './PredictionList';

const SIZE = 140;

/**
 * The clean image, the perturbation amplified (a diverging map from −ε to +ε, so a change
 * of one grey level shows as clearly as one of a hundred), the adversarial image, and the
 * network's answer for each.
 */
export function AttackView({
  outcome,
  classNames,
}: {
  readonly outcome: AttackOutcome;
  readonly classNames: readonly string[];
}) {
  const { shape, original, adversarial, request } = outcome;
  const perturbation = useMemo(
    () => perturbationMap(adversarial, original, shape.channels),
    [adversarial, original, shape.channels],
  );
  const largest = maxPerturbation(adversarial, original);
  // A range of ±ε (not the largest change) keeps the colours comparable as ε moves.
  const spread = Math.max(request.epsilon, 1e-6);
  const before = outcome.before.indexOf(Math.max(...outcome.before));
  const after = outcome.after.indexOf(Math.max(...outcome.after));
  const name = (k: number) => classNames[k] ?? String(k);
  const flipped = before !== after;
  return (
    <>
      <div className="adv-images">
        <ImageFigure
          values={original}
          shape={shape}
          range={[0, 1]}
          size={SIZE}
          label={`The image, predicted ${name(before)}`}
          caption="Original"
        />
        <ImageFigure
          values={perturbation}
          shape={{ ...shape, channels: 1 }}
          range={[-spread, spread]}
          diverging
          size={SIZE}
          label="The perturbation, amplified: red raises a pixel, blue lowers it"
          caption={
            <>
              {request.epsilon === 0
                ? 'Perturbation (none at ε = 0)'
                : `Perturbation, amplified × ${(0.5 / spread).toPrecision(2)}`}
              {shape.channels > 1 ? ' (mean of the channels)' : ''}
            </>
          }
          note={<span className="small muted">largest change {largest.toFixed(3)}</span>}
        />
        <ImageFigure
          values={adversarial}
          shape={shape}
          range={[0, 1]}
          size={SIZE}
          label={`The adversarial image, predicted ${name(after)}`}
          caption="Adversarial"
        />
      </div>
      <p
        className={flipped ? 'adv-verdict flipped' : 'adv-verdict'}
        role="status"
        data-testid="adv-verdict"
        data-flipped={flipped}
        data-epsilon={request.epsilon}
        data-method={request.method}
      >
        {flipped
          ? `The prediction flipped: ${name(before)} became ${name(after)}.`
          : `Still ${name(after)}.`}{' '}
        <span className="muted adv-detail">
          (loss taken against class {name(outcome.label)}; network at step {outcome.step})
        </span>
      </p>
      <div className="adv-predictions">
        <PredictionList
          title="Before"
          probabilities={outcome.before}
          classNames={classNames}
          testId="adv-before"
        />
        <PredictionList
          title="After"
          probabilities={outcome.after}
          classNames={classNames}
          testId="adv-after"
        />
      </div>
    </>
  );
}
