import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  keyLabelOf,
  labActions,
  performAction,
  subscribeActions,
} from '../../state/actions/registry';
import type { PassStage } from '../../state/passStage';
import { useLabStore } from '../../state/store';
import { SPEEDS, stageCount, stageIndex, stepStage } from '../../viz/network/stages';

interface Props {
  readonly stage: PassStage;
  readonly layers: number;
  onStage(stage: PassStage): void;
}

/**
 * Play, pause and step through the forward and backward passes, with a speed. The buttons and
 * the keys run the same registered actions (`pass.*`, registered by the shell).
 */
export function PassControls({ stage, layers, onStage }: Props) {
  const playing = useLabStore((s) => s.passPlaying);
  const setPlaying = useLabStore((s) => s.setPassPlaying);
  const [speed, setSpeed] = useState(1);
  const actions = useSyncExternalStore(subscribeActions, labActions, labActions);
  const keys = actions.filter((a) => a.key && a.panels?.includes('network'));
  const delay = SPEEDS[speed]?.ms ?? 1200;
  const index = stageIndex(stage, layers);
  const last = stageCount(layers) - 1;

  useEffect(() => {
    if (!playing) return;
    const next = stepStage(stage, layers, 1);
    if (!next) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => onStage(next), delay);
    return () => clearTimeout(timer);
  }, [playing, stage, layers, delay, onStage, setPlaying]);

  // Leaving the view stops the animation, as it did when playing was this component's own state.
  useEffect(() => () => setPlaying(false), [setPlaying]);

  return (
    <div className="pass-controls" role="group" aria-label="Pass animation">
      <button type="button" onClick={() => performAction('pass.start')} disabled={index === 0}>
        |◀ Start
      </button>
      <button
        type="button"
        onClick={() => performAction('pass.back')}
        disabled={index === 0}
        data-testid="pass-back"
        aria-keyshortcuts="ArrowLeft"
      >
        ◀ Step back
      </button>
      <button
        type="button"
        onClick={() => performAction('pass.play')}
        aria-pressed={playing}
        data-testid="pass-play"
        aria-keyshortcuts="P"
      >
        {playing ? '⏸ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        onClick={() => performAction('pass.forward')}
        disabled={index >= last}
        data-testid="pass-forward"
        aria-keyshortcuts="ArrowRight"
      >
        Step forward ▶
      </button>
      <button type="button" onClick={() => performAction('pass.backward')} aria-keyshortcuts="B">
        Backward pass ⤺
      </button>
      <label className="field">
        Speed{' '}
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s, i) => (
            <option key={s.label} value={i}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      <span className="muted small" data-testid="stage-position">
        Stage {index + 1} of {last + 1}
      </span>
      <p className="muted small pass-keys">
        Keys:{' '}
        {keys
          .map(
            (a) => `${[keyLabelOf(a), ...(a.altKeys ?? [])].join(' / ')} ${a.label.toLowerCase()}`,
          )
          .join(' · ')}
        .
      </p>
    </div>
  );
}
