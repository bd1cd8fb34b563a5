import type { KeyboardEvent, ReactNode } from 'react';
import type { RefTensor } from '../../core/reference';
import type { PoolExplainerParams } from '../../state/explainerSettings';
import { formatCell } from '../../viz/convolution/format';
import type { PoolView } from '../../viz/convolution/poolView';
import { NumberGrid } from './NumberGrid';

type ReadyView = Extract<PoolView, { ok: true }>;

interface GridProps {
  readonly params: PoolExplainerParams;
  readonly input: RefTensor;
  readonly view: ReadyView;
  /** The chosen output cell, oy·out + ox. */
  readonly selected: number;
  readonly onSelect: (output: number) => void;
  readonly onKey: (e: KeyboardEvent) => void;
}

/** What each grid figure of a pooling view is given besides the view: its ids and its caption. */
interface FigureProps {
  readonly testId: string;
  readonly label: string;
  readonly caption: ReactNode;
}

const CELL = 48;
const where = (o: number, out: number) => `row ${Math.floor(o / out) + 1}, column ${(o % out) + 1}`;

/**
 * The windows on an input grid, the chosen one drawn strongest. Overlapping windows (stride
 * smaller than the window) would turn into a lattice, so then only the chosen one is drawn.
 */
function WindowOutlines({
  params,
  view,
  selected,
}: Pick<GridProps, 'params' | 'view' | 'selected'>) {
  const side = params.size * CELL;
  const overlapping = params.stride < params.size;
  return (
    <>
      {view.windows.cells.map((_, o) => {
        if (overlapping && o !== selected) return null;
        const oy = Math.floor(o / view.out);
        const ox = o % view.out;
        return (
          <rect
            key={o}
            className={`pool-window ${o === selected ? 'chosen' : ''}`}
            x={ox * params.stride * CELL + 3}
            y={oy * params.stride * CELL + 3}
            width={side - 6}
            height={side - 6}
          />
        );
      })}
    </>
  );
}

/**
 * An input-sized grid with the windows drawn on it and the chosen window's cells marked;
 * `valueAt` gives each cell's number and `markOf` its one further mark ('' for none).
 */
function WindowedInput({
  params,
  view,
  selected,
  testId,
  label,
  valueAt,
  markOf,
  caption,
}: Pick<GridProps, 'params' | 'view' | 'selected'> &
  FigureProps & {
    readonly valueAt: (p: number) => number;
    readonly markOf: (p: number, value: number) => string;
  }) {
  const N = params.inputSize;
  const chosenCells = new Set(view.windows.cells[selected] ?? []);
  return (
    <figure className="conv-figure">
      <NumberGrid
        rows={N}
        cols={N}
        cellSize={CELL}
        testId={testId}
        axisLabel={(i) => String(i + 1)}
        label={label}
        cell={(r, c) => {
          const p = r * N + c;
          const value = valueAt(p);
          const marks = [chosenCells.has(p) ? 'in-window' : '', markOf(p, value)];
          return { text: formatCell(value), value, className: marks.join(' ') };
        }}
      >
        <WindowOutlines params={params} view={view} selected={selected} />
      </NumberGrid>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** A figure of an output grid the person chooses a window on, by click or by arrow keys. */
function ChoosableOutput({
  view,
  selected,
  onSelect,
  onKey,
  testId,
  label,
  cell,
  caption,
}: Pick<GridProps, 'view' | 'selected' | 'onSelect' | 'onKey'> &
  FigureProps & {
    readonly cell: (o: number) => {
      text: string;
      value: number;
      detail?: string;
      className?: string;
    };
  }) {
  return (
    <figure className="conv-figure">
      <div
        className="choosable"
        tabIndex={0}
        role="group"
        aria-label={`${label}. Arrow keys choose an output; chosen: ${where(selected, view.out)}.`}
        onKeyDown={onKey}
      >
        <NumberGrid
          rows={view.out}
          cols={view.out}
          cellSize={CELL + 8}
          testId={testId}
          label={label}
          axisLabel={(i) => String(i + 1)}
          onCellClick={(r, c) => onSelect(r * view.out + c)}
          cell={(r, c) => {
            const o = r * view.out + c;
            const content = cell(o);
            return {
              ...content,
              className: `${content.className ?? ''} ${o === selected ? 'chosen' : ''}`,
            };
          }}
        />
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** The input with its windows and winners, and the pooled output (compared with before the shift). */
export function PoolForward({
  comparison,
  ...props
}: GridProps & {
  readonly comparison: { readonly before: Float64Array; readonly same: readonly boolean[] } | null;
}) {
  const { params, input, view, selected } = props;
  const N = params.inputSize;
  const winners = new Set(view.winners.filter((w) => w >= 0));
  return (
    <div className="conv-stage">
      <WindowedInput
        {...props}
        testId="pool-input"
        label={`Input ${N}×${N} with the pooling windows drawn on it; the chosen window is the one of output ${where(selected, view.out)}.`}
        valueAt={(p) => input.data[p] ?? 0}
        markOf={(p) => (winners.has(p) ? 'winner' : '')}
        caption={
          <>
            Input
            {params.stride < params.size && (
              <span className="muted"> (the windows overlap; only the chosen one is drawn)</span>
            )}
            {params.op === 'max' && (
              <span className="muted"> (bold, underlined: the winner of a window)</span>
            )}
          </>
        }
      />
      <ChoosableOutput
        {...props}
        testId="pool-output"
        label={`Output of ${params.op} pooling, ${view.out}×${view.out}`}
        cell={(o) => {
          const value = view.output[o] ?? 0;
          if (!comparison) return { text: formatCell(value), value };
          const same = comparison.same[o] ?? false;
          return {
            text: formatCell(value),
            value,
            detail: same ? '=' : `was ${formatCell(comparison.before[o] ?? 0)}`,
            className: same ? 'same' : 'changed',
          };
        }}
        caption="Output (click a cell or use the arrow keys to choose its window)"
      />
    </div>
  );
}

/** The gradient at each output and where it lands in the input, the chosen output's route marked. */
export function PoolBackward(props: GridProps) {
  const { params, view, selected } = props;
  const N = params.inputSize;
  const cells = view.windows.cells[selected] ?? [];
  const shares = view.shares[selected] ?? [];
  const g = view.outputGradient[selected] ?? 0;
  const route = cells
    .map((p, k) => ({ p, part: g * (shares[k] ?? 0) }))
    .filter(({ part }) => part !== 0)
    .map(
      ({ p, part }) => `${formatCell(part)} to row ${Math.floor(p / N) + 1}, column ${(p % N) + 1}`,
    );
  return (
    <>
      <div className="conv-stage">
        <ChoosableOutput
          {...props}
          testId="pool-output-gradient"
          label="Gradient arriving at each output"
          cell={(o) => ({
            text: formatCell(view.outputGradient[o] ?? 0),
            value: view.outputGradient[o] ?? 0,
          })}
          caption="Gradient at the outputs"
        />
        <WindowedInput
          {...props}
          testId="pool-input-gradient"
          label="Gradient reaching each input cell, the chosen output's window marked"
          valueAt={(p) => view.inputGradient[p] ?? 0}
          markOf={(_, value) => (value === 0 ? 'zero' : '')}
          caption="Gradient at the inputs (overlapping windows add up)"
        />
      </div>
      <p data-testid="pool-route">
        Output {where(selected, view.out)} receives {formatCell(g)} and sends{' '}
        {route.length > 0 ? route.join(', ') : 'nothing (its window is all zeros)'}.
      </p>
    </>
  );
}
