import type { ReactNode } from 'react';
import { remOf } from '../../viz/typeScale';

/** What one cell shows: its number, an optional small line above it, and classes for its marks. */
export interface GridCell {
  readonly text: string;
  /** The exact value, for tests and tools (data-value). */
  readonly value?: number;
  /** A small second line, e.g. the two factors of a product. */
  readonly detail?: string;
  readonly className?: string;
}

interface Props {
  readonly rows: number;
  readonly cols: number;
  /** Side of one cell in CSS pixels at the design type size (it grows with large type). */
  readonly cellSize: number;
  readonly cell: (row: number, col: number) => GridCell;
  /** The grid's text alternative (it is one image to a screen reader; the numbers are in the text beside it). */
  readonly label: string;
  readonly testId?: string;
  /** Row and column numbers drawn outside the grid; null leaves that index unlabelled. */
  readonly axisLabel?: (index: number) => string | null;
  /** Extra shapes drawn over the cells, in the grid's own pixel coordinates. */
  readonly children?: ReactNode;
  readonly onCellClick?: (row: number, col: number) => void;
  readonly className?: string;
}

const MARGIN = 18;

/**
 * Cell side in pixels for a grid of n×n cells: large (52 px up to 8 cells), but a larger grid
 * stays under ~460 px.
 */
export const cellSizeFor = (n: number): number => Math.max(30, Math.min(52, Math.round(460 / n)));

/** The largest font size up to `preferred` at which `text` fits in `width` pixels (digits are about 0.6 em wide). */
const fitted = (text: string, width: number, preferred: number): number =>
  Math.max(9, Math.min(preferred, Math.floor(width / (0.6 * Math.max(1, text.length)))));

/**
 * A grid of numbers drawn in SVG, large enough to read when projected. Its measures are
 * design-size pixels in the viewBox; its box is in rem, so with large type the cells, the
 * numbers and the axis labels all grow with the page's text.
 */
export function NumberGrid({
  rows,
  cols,
  cellSize,
  cell,
  label,
  testId,
  axisLabel,
  children,
  onCellClick,
  className,
}: Props) {
  const margin = axisLabel ? MARGIN : 1;
  const width = cols * cellSize + margin + 1;
  const height = rows * cellSize + margin + 1;
  const fontSize = Math.max(12, Math.round(cellSize * 0.38));
  const cells: ReactNode[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const content = cell(r, c);
      const x = margin + c * cellSize;
      const y = margin + r * cellSize;
      cells.push(
        <g
          key={`${r}-${c}`}
          className={`grid-cell ${content.className ?? ''}`}
          data-row={r}
          data-col={c}
          data-value={content.value}
          onClick={onCellClick ? () => onCellClick(r, c) : undefined}
        >
          <rect x={x} y={y} width={cellSize} height={cellSize} />
          {content.detail && (
            <text
              className="cell-detail"
              x={x + cellSize / 2}
              y={y + cellSize * 0.27}
              fontSize={fitted(
                content.detail,
                cellSize - 4,
                Math.max(10, Math.round(cellSize * 0.22)),
              )}
            >
              {content.detail}
            </text>
          )}
          <text
            x={x + cellSize / 2}
            y={y + cellSize * (content.detail ? 0.66 : 0.52)}
            fontSize={fitted(content.text, cellSize - 6, fontSize)}
          >
            {content.text}
          </text>
        </g>,
      );
    }
  }
  const labels: ReactNode[] = [];
  if (axisLabel) {
    for (let i = 0; i < Math.max(rows, cols); i++) {
      const text = axisLabel(i);
      if (text === null) continue;
      if (i < cols)
        labels.push(
          <text key={`c${i}`} x={margin + (i + 0.5) * cellSize} y={margin / 2}>
            {text}
          </text>,
        );
      if (i < rows)
        labels.push(
          <text key={`r${i}`} x={margin / 2} y={margin + (i + 0.5) * cellSize}>
            {text}
          </text>,
        );
    }
  }
  return (
    <svg
      className={`number-grid ${className ?? ''}`}
      width={width}
      height={height}
      style={{ width: remOf(width) }}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      {labels.length > 0 && <g className="axis-labels">{labels}</g>}
      <g transform="translate(0.5 0.5)">{cells}</g>
      <g transform={`translate(${margin + 0.5} ${margin + 0.5})`} className="grid-overlay">
        {children}
      </g>
    </svg>
  );
}

/**
 * One captioned square grid for each of `count` channels or filters, as the explainers lay a
 * tensor out: grid k is `side`×`side` cells and its test id is `${testId}-${k}`.
 */
export function GridFigures({
  count,
  side,
  testId,
  label,
  cell,
  caption,
  overlay,
  cellSize = cellSizeFor(side),
  ...grid
}: Pick<Props, 'axisLabel' | 'className'> & {
  readonly count: number;
  readonly side: number;
  /** Side of one cell in CSS pixels; cellSizeFor(side) unless given. */
  readonly cellSize?: number;
  readonly testId: string;
  readonly label: (k: number) => string;
  readonly cell: (k: number, row: number, col: number) => GridCell;
  readonly caption: (k: number) => ReactNode;
  /** Shapes drawn over every grid (see NumberGrid's children). */
  readonly overlay?: ReactNode;
}) {
  return (
    <>
      {Array.from({ length: count }, (_, k) => (
        <figure key={k} className="conv-figure">
          <NumberGrid
            {...grid}
            rows={side}
            cols={side}
            cellSize={cellSize}
            testId={`${testId}-${k}`}
            label={label(k)}
            cell={(r, c) => cell(k, r, c)}
          >
            {overlay}
          </NumberGrid>
          <figcaption>{caption(k)}</figcaption>
        </figure>
      ))}
    </>
  );
}
