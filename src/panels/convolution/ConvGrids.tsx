import type { RefTensor } from '../../core/reference';
import type { ConvHyper, ConvStep } from '../../viz/convolution/convSteps';
import { formatCell } from '../../viz/convolution/format';
import { inputCellMarks, outputCellState } from '../../viz/convolution/highlight';
import { describeConvOutput } from '../../viz/describeMaps';
import { cellSizeFor, GridFigures } from './NumberGrid';

const channelName = (c: number, channels: number) => (channels > 1 ? `, channel ${c + 1}` : '');

/** The padded input, one grid per channel, with the current window, padding and unread cells marked. */
export function InputGrids({
  hyper,
  input,
  out,
  step,
}: {
  readonly hyper: ConvHyper;
  readonly input: RefTensor;
  readonly out: number;
  readonly step: ConvStep;
}) {
  const padded = hyper.inputSize + 2 * hyper.padding;
  const marks = inputCellMarks(hyper, out, step);
  const size = cellSizeFor(padded);
  const anyUnread = marks.some((row) => row.some((m) => m.unread));
  const span = ((hyper.kernelSize - 1) * hyper.dilation + 1) * size;
  const axisLabel = (i: number) => {
    const at = i - hyper.padding;
    return at >= 0 && at < hyper.inputSize ? String(at + 1) : null;
  };
  return (
    <GridFigures
      count={hyper.channels}
      side={padded}
      cellSize={size}
      testId="conv-input"
      axisLabel={axisLabel}
      label={(c) =>
        `Input${channelName(c, hyper.channels)}: ${hyper.inputSize}×${hyper.inputSize} with ${hyper.padding} rows and columns of zero padding; the window starts at padded row ${step.oy * hyper.stride + 1}, column ${step.ox * hyper.stride + 1}.`
      }
      cell={(c, r, col) => {
        const m = marks[r]?.[col];
        const value = m?.padding
          ? 0
          : (input.data[
              ((r - hyper.padding) * hyper.inputSize + col - hyper.padding) * hyper.channels + c
            ] ?? 0);
        const classes = [
          m?.padding ? 'pad' : '',
          m?.span ? 'span' : '',
          m?.tap ? 'tap' : '',
          m?.unread ? 'unread' : '',
        ];
        return { text: formatCell(value), value, className: classes.join(' ') };
      }}
      overlay={
        <rect
          className="window-outline"
          x={step.ox * hyper.stride * size}
          y={step.oy * hyper.stride * size}
          width={span}
          height={span}
        />
      }
      caption={(c) => (
        <>
          Input{channelName(c, hyper.channels)}
          {hyper.padding > 0 && <span className="muted"> (grey: zero padding)</span>}
          {anyUnread && <span className="muted"> (pink, dashed: never read by any window)</span>}
        </>
      )}
    />
  );
}

/** The current filter's weights, one F×F grid per input channel, and its bias. */
export function KernelGrids({
  hyper,
  kernel,
  bias,
  filter,
}: {
  readonly hyper: ConvHyper;
  readonly kernel: RefTensor;
  readonly bias: number;
  readonly filter: number;
}) {
  const F = hyper.kernelSize;
  return (
    <>
      <GridFigures
        count={hyper.channels}
        side={F}
        testId="conv-kernel"
        className="kernel-grid"
        label={(c) => `Weights of filter ${filter + 1}${channelName(c, hyper.channels)}.`}
        cell={(c, i, j) => {
          const value =
            kernel.data[((i * F + j) * hyper.channels + c) * hyper.filters + filter] ?? 0;
          return { text: formatCell(value), value, className: 'weight' };
        }}
        caption={(c) => (
          <>
            Filter {filter + 1}
            {channelName(c, hyper.channels)}
          </>
        )}
      />
      <p className="bias-line">
        Bias b<sub>{filter + 1}</sub> ={' '}
        <strong data-testid="conv-bias" data-value={bias}>
          {formatCell(bias)}
        </strong>
      </p>
    </>
  );
}

/** One output map per filter, filled in up to the current step. */
export function OutputMaps({
  hyper,
  output,
  out,
  step,
}: {
  readonly hyper: ConvHyper;
  readonly output: RefTensor;
  readonly out: number;
  readonly step: ConvStep;
}) {
  return (
    <GridFigures
      count={hyper.filters}
      side={out}
      testId="conv-output"
      axisLabel={(i) => String(i + 1)}
      label={(f) => {
        let done = 0;
        let current = null;
        for (let r = 0; r < out; r++)
          for (let c = 0; c < out; c++) {
            const state = outputCellState(out, f, r, c, step.index);
            if (state === 'done') done++;
            if (state === 'current')
              current = {
                row: r + 1,
                col: c + 1,
                value: output.data[(r * out + c) * hyper.filters + f] ?? 0,
              };
          }
        return describeConvOutput({ filter: f, side: out, done, current });
      }}
      cell={(f, r, c) => {
        const state = outputCellState(out, f, r, c, step.index);
        const value = output.data[(r * out + c) * hyper.filters + f] ?? 0;
        return state === 'pending'
          ? { text: '', className: 'pending' }
          : { text: formatCell(value), value, className: state };
      }}
      caption={(f) => <>Output, filter {f + 1}</>}
    />
  );
}
