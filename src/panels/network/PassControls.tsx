import { useEffect, useState } from 'react';
import type { PassStage } from '../../state/passStage';
import { SPEEDS, stageAt, stageCount, stageIndex, stepStage } from '../../viz/network/stages';

interface Props {
  readonly stage: PassStage;
  readonly layers: number;
  onStage(stage: PassStage): void;
}

const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/** Play, pause and step through the forward and backward passes, with a speed and shortcuts. */
export function PassControls({ stage, layers, onStage }: Props) {
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const delay = SPEEDS[speed]?.ms ?? 1200;
  const index = stageIndex(stage, layers);
  const last = stageCount(layers) - 1;
  const step = (delta: 1 | -1) => {
    const next = stepStage(stage, layers, delta);
    if (next) onStage(next);
  };
  const togglePlay = () => {
    if (!playing && index >= last) onStage(stageAt(0, layers));
    setPlaying(!playing);
  };

  useEffect(() => {
    if (!playing) return;
    const next = stepStage(stage, layers, 1);
    if (!next) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => onStage(next), delay);
    return () => clearTimeout(timer);
  }, [playing, stage, layers, delay, onStage]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      const go = (s: PassStage | null) => {
        e.preventDefault();
        setPlaying(false);
        if (s) onStage(s);
      };
      if (e.key === 'ArrowRight' || e.key === '.') go(stepStage(stage, layers, 1));
      else if (e.key === 'ArrowLeft' || e.key === ',') go(stepStage(stage, layers, -1));
      else if (e.key === 'Home') go(stageAt(0, layers));
      else if (e.key === 'End') go(stageAt(last, layers));
      else if (e.key === 'b' || e.key === 'B') go(stageAt(layers, layers));
      else if (e.key === 'p' || e.key === 'P') {
        e.preventDefault();
        togglePlay();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div className="pass-controls" role="group" aria-label="Pass animation">
      <button type="button" onClick={() => onStage(stageAt(0, layers))} disabled={index === 0}>
        |◀ Start
      </button>
      <button
        type="button"
        onClick={() => step(-1)}
        disabled={index === 0}
        data-testid="pass-back"
        aria-keyshortcuts="ArrowLeft"
      >
        ◀ Step back
      </button>
      <button
        type="button"
        onClick={togglePlay}
        aria-pressed={playing}
        data-testid="pass-play"
        aria-keyshortcuts="P"
      >
        {playing ? '⏸ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        onClick={() => step(1)}
        disabled={index >= last}
        data-testid="pass-forward"
        aria-keyshortcuts="ArrowRight"
      >
        Step forward ▶
      </button>
      <button type="button" onClick={() => onStage(stageAt(layers, layers))} aria-keyshortcuts="B">
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
        Keys: ← / → step, P play or pause, Home / End first or last stage, B start of the backward
        pass.
      </p>
    </div>
  );
}
