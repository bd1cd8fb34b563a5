import { useMemo, useState, type KeyboardEvent } from 'react';
import type { PoolOp } from '../../core/reference';
import { POOL_LIMITS, POOL_OPS } from '../../state/explainerSettings';
import { useLabStore } from '../../state/store';
import { formatCell } from '../../viz/convolution/format';
import {
  poolInputOf,
  poolSceneOf,
  poolViewOf,
  shiftComparisonOf,
  type GradientPattern,
} from '../../viz/convolution/poolView';
import { choicesOf, type Choice } from '../shared/choices';
import { RadioField } from '../shared/RadioField';
import { SelectField } from '../shared/SelectField';
import { PoolBackward, PoolForward } from './PoolGrids';

export const POOL_LABELS: Readonly<Record<PoolOp, string>> = {
  max: 'Max',
  avg: 'Average',
  l2: 'L2',
};

const RULES: Readonly<Record<PoolOp, string>> = {
  max: 'Max pooling keeps the largest value of each window. Backwards, the whole gradient of an output goes to the cell that won its window; the other cells get nothing.',
  avg: 'Average pooling keeps the mean of each window. Backwards, an output’s gradient is split equally: each of the n cells of its window gets 1/n of it.',
  l2: 'L2 pooling keeps the length √(Σ x²) of each window. Backwards, each cell gets the output’s gradient times x / ‖x‖: the larger a cell, the larger its share.',
};

const range = ([lo, hi]: readonly [number, number]) =>
  Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);

/** The three sizes, each a list of its allowed values; a window and an input are squares. */
const SIZE_FIELDS = [
  { key: 'size', label: 'Window', square: true },
  { key: 'stride', label: 'Stride', square: false },
  { key: 'inputSize', label: 'Input size', square: true },
] as const;

const GRADIENT_CHOICES: readonly Choice<GradientPattern>[] = [
  { value: 'ones', label: 'All ones' },
  { value: 'random', label: 'Whole numbers 1–4' },
];

/** Max, average and L2 pooling over a small grid: windows, winners, a one-pixel shift and the way back. */
export function PoolingExplainer() {
  const params = useLabStore((s) => s.poolParams);
  const setPoolParams = useLabStore((s) => s.setPoolParams);
  const seed = useLabStore((s) => s.seed);
  const [shifted, setShifted] = useState(false);
  const [pattern, setPattern] = useState<GradientPattern>('ones');
  const [chosen, setChosen] = useState(0);
  const scene = useMemo(() => poolSceneOf(seed, params.inputSize), [seed, params.inputSize]);
  const input = useMemo(
    () => poolInputOf(scene, params.inputSize, shifted),
    [scene, params.inputSize, shifted],
  );
  const view = useMemo(
    () => poolViewOf(params, input, pattern, seed),
    [params, input, pattern, seed],
  );
  const comparison = useMemo(() => shiftComparisonOf(params, scene), [params, scene]);
  const out = view.ok ? view.out : 0;
  const selected = Math.min(chosen, Math.max(0, out * out - 1));
  const onKey = (e: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
    };
    const move = moves[e.key];
    if (!move || out === 0) return;
    e.preventDefault();
    const row = Math.max(0, Math.min(out - 1, Math.floor(selected / out) + move[0]));
    const col = Math.max(0, Math.min(out - 1, (selected % out) + move[1]));
    setChosen(row * out + col);
  };
  // Forward and backward show the same view and share one chosen output cell.
  const grid = view.ok ? { params, input, view, selected, onSelect: setChosen, onKey } : null;
  return (
    <section className="card pool-explainer" aria-labelledby="pool-heading">
      <h2 id="pool-heading">Pooling</h2>
      <div className="toolbar-row">
        <RadioField
          legend="Pooling"
          name="pool-op"
          value={params.op}
          choices={choicesOf(POOL_OPS, (op) => POOL_LABELS[op])}
          onChange={(op) => setPoolParams({ op })}
        />
        {SIZE_FIELDS.map(({ key, label, square }) => (
          <SelectField
            key={key}
            label={label}
            value={params[key]}
            choices={choicesOf(range(POOL_LIMITS[key]), (v) => (square ? `${v}×${v}` : String(v)))}
            onChange={(v) => setPoolParams({ [key]: v })}
          />
        ))}
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={shifted}
            onChange={(e) => setShifted(e.target.checked)}
            data-testid="pool-shift"
          />
          Shift the input one pixel to the right
        </label>
      </div>
      <p className="explain">{RULES[params.op]}</p>
      {!view.ok && (
        <p role="alert" className="error-text">
          {view.message}
        </p>
      )}
      {grid && (
        <>
          <p>
            Output size (W − F)/S + 1 = ({params.inputSize} − {params.size})/{params.stride} + 1 ={' '}
            <strong data-testid="pool-output-size">
              {formatCell(grid.view.windows.rows.formulaValue)}
            </strong>
            {grid.view.windows.rows.leftover > 0 &&
              ` → ${out}: the last ${grid.view.windows.rows.leftover} row${grid.view.windows.rows.leftover > 1 ? 's' : ''} and column${grid.view.windows.rows.leftover > 1 ? 's' : ''} are never pooled`}
            . No parameters: pooling is a fixed function.
          </p>
          {shifted && (
            <p className="shift-summary" role="status" data-testid="pool-shift-summary">
              After moving the input one pixel right, <strong>{comparison.sameCount}</strong> of{' '}
              {out * out} outputs keep their value (marked =); the others show what they were
              before.{' '}
              {params.op === 'max'
                ? 'An output survives when its largest value moved but stayed inside its window; it changes when a value crossed a window border.'
                : 'Every value that crosses a window border changes two windows’ sums, so fewer outputs survive than with max pooling.'}
            </p>
          )}
          <PoolForward {...grid} comparison={shifted ? comparison : null} />
          <h3>Backwards: where each output’s gradient goes</h3>
          <RadioField
            legend="Gradient arriving at the outputs"
            name="pool-grad"
            value={pattern}
            choices={GRADIENT_CHOICES}
            onChange={setPattern}
          />
          <PoolBackward {...grid} />
        </>
      )}
    </section>
  );
}
