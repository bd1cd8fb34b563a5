import { useEffect, useMemo, useState } from 'react';
import { registerPanelStepper } from '../../state/panelStepper';
import {
  TINY_NET_DEFAULTS,
  TINY_NET_PARAMS,
  type TinyNetParamName,
  type TinyNetParams,
} from '../../core/tinyNet';
import { tinyNetSteps } from '../../viz/maths/tinyNetSteps';
import { Tex } from './Tex';
import { TinyNetDiagram } from './TinyNetDiagram';

const FIELDS: readonly TinyNetParamName[] = TINY_NET_PARAMS;

const subscript = (name: string) => (
  <>
    {name[0]}
    <sub>{name.slice(1)}</sub>
  </>
);

/**
 * The lecture's 2-2-1 tanh network with squared error, one computation at a time: the
 * forward values, then every δ and gradient, with inputs and weights the person can edit.
 */
export function TinyNetCard() {
  const [texts, setTexts] = useState<Record<TinyNetParamName, string>>(
    () =>
      Object.fromEntries(FIELDS.map((k) => [k, String(TINY_NET_DEFAULTS[k])])) as Record<
        TinyNetParamName,
        string
      >,
  );
  const [shown, setShown] = useState(1);
  const params: TinyNetParams = useMemo(() => {
    const out: Record<string, number> = { ...TINY_NET_DEFAULTS };
    for (const k of FIELDS) {
      const v = Number(texts[k]);
      if (texts[k].trim() !== '' && Number.isFinite(v)) out[k] = v;
    }
    return out as unknown as TinyNetParams;
  }, [texts]);
  const steps = useMemo(() => tinyNetSteps(params), [params]);
  const count = Math.min(shown, steps.length);
  const known = Object.assign({}, ...steps.slice(0, count).map((s) => s.values)) as Record<
    string,
    number
  >;
  const current = steps[count - 1];
  // Presenter mode's PageDown / PageUp and the presenter window walk the same steps.
  const total = steps.length;
  useEffect(
    () =>
      registerPanelStepper('maths', {
        next: () => setShown((n) => Math.min(total, n + 1)),
        previous: () => setShown((n) => Math.max(1, Math.min(total, n) - 1)),
      }),
    [total],
  );
  return (
    <section className="card maths-card" aria-labelledby="maths-tiny-title">
      <h2 id="maths-tiny-title">Backpropagation step by step: a 2-2-1 tanh network</h2>
      <p className="hint">
        Two inputs, two hidden units with tanh, one output without an activation, and the squared
        error E = ½(f − y)². The forward pass computes each value from the ones before it; the
        backward pass then reuses them, from the error back to the first weights. Change any number
        and every step is worked out again.
      </p>
      <fieldset className="tiny-net-params">
        <legend>Inputs, target, weights and biases</legend>
        {FIELDS.map((k) => {
          const invalid = texts[k].trim() === '' || !Number.isFinite(Number(texts[k]));
          return (
            <label key={k} className="tiny-net-field">
              <span>{subscript(k)}</span>
              <input
                type="text"
                inputMode="decimal"
                value={texts[k]}
                aria-label={k}
                aria-invalid={invalid}
                size={6}
                onChange={(e) => setTexts((t) => ({ ...t, [k]: e.target.value }))}
              />
            </label>
          );
        })}
        <button
          type="button"
          onClick={() =>
            setTexts(
              Object.fromEntries(FIELDS.map((k) => [k, String(TINY_NET_DEFAULTS[k])])) as Record<
                TinyNetParamName,
                string
              >,
            )
          }
        >
          Reset the numbers
        </button>
      </fieldset>
      <div className="button-row" role="group" aria-label="Walk through the steps">
        <button type="button" onClick={() => setShown(1)} disabled={count <= 1}>
          First
        </button>
        <button
          type="button"
          onClick={() => setShown(Math.max(1, count - 1))}
          disabled={count <= 1}
        >
          ◀ Back
        </button>
        <button
          type="button"
          onClick={() => setShown(Math.min(steps.length, count + 1))}
          disabled={count >= steps.length}
        >
          Next ▶
        </button>
        <button
          type="button"
          onClick={() => setShown(steps.length)}
          disabled={count >= steps.length}
        >
          All steps
        </button>
        <span className="muted" aria-live="polite" data-testid="tiny-step">
          Step {count} of {steps.length}: {current?.pass === 'forward' ? 'forward' : 'backward'}{' '}
          pass
        </span>
      </div>
      <TinyNetDiagram params={params} known={known} />
      <ol className="tiny-net-steps" data-testid="tiny-steps">
        {steps.slice(0, count).map((s, k) => (
          <li
            key={k}
            className={`tiny-net-step tiny-net-${s.pass}${k === count - 1 ? ' tiny-net-current' : ''}`}
            aria-current={k === count - 1 ? 'step' : undefined}
          >
            <span className="tiny-net-title">{s.title}</span>
            <Tex display tex={s.tex} />
          </li>
        ))}
      </ol>
    </section>
  );
}
