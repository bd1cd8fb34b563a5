import { contours, interpolateViridis, scaleLinear } from 'd3';
import type { Domain2, Point2 } from '../../core/descent/functions';

/**
 * The contour picture of a 2-D surface: filled bands between levels of f sampled on a grid
 * (d3-contour's marching squares), axes, and a mapping between the plane and the picture
 * both ways (to draw a path, and to turn a click into a start point).
 */

/** Values of f on a grid over a domain: row 0 is the top (largest y), sample (i, j) at cell centres. */
export interface SurfaceGrid {
  readonly columns: number;
  readonly rows: number;
  /** Row-major, top row first: values[j·columns + i]. */
  readonly values: Float64Array;
  /** The rectangle the grid's cells tile. */
  readonly domain: Domain2;
}

/**
 * f sampled at the centres of a columns × rows tiling of the domain, top row first, which is
 * where d3-contour places value (i, j): at (i + ½, j + ½) in grid units.
 */
export function sampleSurface(
  f: (p: Point2) => number,
  domain: Domain2,
  columns: number,
  rows: number,
): SurfaceGrid {
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  const values = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++) {
    const y = y1 - ((j + 0.5) / rows) * (y1 - y0);
    for (let i = 0; i < columns; i++)
      values[j * columns + i] = f([x0 + ((i + 0.5) / columns) * (x1 - x0), y]);
  }
  return { columns, rows, values, domain };
}

/**
 * The network's grid as a SurfaceGrid: its losses come bottom row first (β ascending) at the
 * coordinates themselves, so the rows are flipped and the domain reaches half a step past the
 * outer coordinates, which puts every value at its cell's centre.
 */
export function gridOfLandscape(
  losses: ArrayLike<number>,
  alphas: ArrayLike<number>,
  betas: ArrayLike<number>,
): SurfaceGrid {
  const columns = alphas.length;
  const rows = betas.length;
  const half = (v: ArrayLike<number>) => (v.length > 1 ? ((v[1] ?? 0) - (v[0] ?? 0)) / 2 : 0.5);
  const values = new Float64Array(columns * rows);
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < columns; i++)
      values[j * columns + i] = losses[(rows - 1 - j) * columns + i] ?? NaN;
  const hx = half(alphas);
  const hy = half(betas);
  return {
    columns,
    rows,
    values,
    domain: {
      x: [(alphas[0] ?? 0) - hx, (alphas[columns - 1] ?? 0) + hx],
      y: [(betas[0] ?? 0) - hy, (betas[rows - 1] ?? 0) + hy],
    },
  };
}

/**
 * Contour levels at quantiles q_k = (k/(n+1))² of the finite values: squared, so the levels
 * crowd towards the low values where the paths end, and quantiles, so a surface that spans
 * 0 to 10⁴ (Rosenbrock's) shows its valley as clearly as a bowl. Repeated levels are dropped.
 */
export function contourLevels(values: ArrayLike<number>, count: number): number[] {
  const finite = Array.from(values)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  if (finite.length === 0) return [];
  const levels: number[] = [];
  for (let k = 1; k <= count; k++) {
    const q = (k / (count + 1)) ** 2;
    // The 1e-9: (k/(n+1))²·N lands a hair below a whole index in floating point (0.49·100).
    const v = finite[Math.min(finite.length - 1, Math.floor(q * finite.length + 1e-9))] ?? 0;
    if (levels.length === 0 || v > (levels[levels.length - 1] ?? -Infinity)) levels.push(v);
  }
  return levels;
}

export interface PlotBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Tick {
  readonly label: string;
  readonly at: number;
}

export interface ContourBand {
  /** The SVG path of the region where f ≥ level. */
  readonly d: string;
  readonly level: number;
  readonly colour: string;
}

export interface ContourLayout {
  readonly plot: PlotBox;
  readonly bands: ContourBand[];
  /** The colour under every band: the region below the lowest level. */
  readonly baseColour: string;
  readonly xTicks: Tick[];
  readonly yTicks: Tick[];
  /** The lowest and highest finite value on the grid, for the legend. */
  readonly range: readonly [number, number];
  toPixel(p: Point2): Point2;
  /** The point of the plane under a picture position (viewBox units). */
  fromPixel(px: number, py: number): Point2;
}

/** The band colour of level k of n: viridis from dark (low) to yellow (high). */
export function levelColour(k: number, n: number): string {
  return interpolateViridis(n > 1 ? 0.1 + (0.9 * k) / (n - 1) : 0.5);
}

const rounded = (v: number) => Math.round(v * 100) / 100;

/**
 * The grid with a border of one cell copying its edge values. Marching squares closes a band
 * at the grid's edge half a cell in, cutting the corners diagonally: on a coarse grid (the
 * network's 11 × 11) those cuts show as notches. With the border they fall outside the plot,
 * which is clipped to the grid's own cells.
 */
function paddedValues(grid: SurfaceGrid): number[] {
  const { columns, rows, values } = grid;
  const out: number[] = [];
  for (let j = -1; j <= rows; j++) {
    const jj = Math.min(rows - 1, Math.max(0, j));
    for (let i = -1; i <= columns; i++)
      out.push(values[jj * columns + Math.min(columns - 1, Math.max(0, i))] ?? NaN);
  }
  return out;
}

/** Bands, axes and the plane ↔ picture mapping for a grid drawn in a width × height viewBox. */
export function contourLayout(
  grid: SurfaceGrid,
  size: { width: number; height: number },
  levelCount = 14,
): ContourLayout {
  const plot: PlotBox = { left: 44, right: size.width - 10, top: 10, bottom: size.height - 30 };
  const { x: dx, y: dy } = grid.domain;
  const sx = scaleLinear()
    .domain([...dx])
    .range([plot.left, plot.right]);
  const sy = scaleLinear()
    .domain([...dy])
    .range([plot.bottom, plot.top]);
  // Units of the padded grid (its first cell is the border added below) to the picture.
  const gx = (u: number) => plot.left + ((u - 1) / grid.columns) * (plot.right - plot.left);
  const gy = (v: number) => plot.top + ((v - 1) / grid.rows) * (plot.bottom - plot.top);
  const levels = contourLevels(grid.values, levelCount);
  const generator = contours()
    .size([grid.columns + 2, grid.rows + 2])
    .thresholds(levels);
  const bands = generator(paddedValues(grid)).map((c, k) => ({
    d: c.coordinates
      .flatMap((polygon) =>
        polygon.map(
          (ring) =>
            ring
              .map(
                ([u, v], n) =>
                  `${n === 0 ? 'M' : 'L'}${rounded(gx(u ?? 0))},${rounded(gy(v ?? 0))}`,
              )
              .join('') + 'Z',
        ),
      )
      .join(''),
    level: c.value,
    // The base, below the lowest level, takes colour 0; band k the next.
    colour: levelColour(k + 1, levels.length + 1),
  }));
  const finite = Array.from(grid.values).filter(Number.isFinite);
  const tickOf = (scale: typeof sx, n: number) =>
    scale.ticks(n).map((t) => ({ label: scale.tickFormat(n)(t), at: scale(t) }));
  return {
    plot,
    bands,
    baseColour: levelColour(0, levels.length + 1),
    xTicks: tickOf(sx, 5),
    yTicks: tickOf(sy, 5),
    range: finite.length ? [Math.min(...finite), Math.max(...finite)] : [NaN, NaN],
    toPixel: ([x, y]) => [sx(x), sy(y)],
    fromPixel: (px, py) => [sx.invert(px), sy.invert(py)],
  };
}

/**
 * A path through the plane as an SVG path in the picture. Points far outside are pulled in to
 * a few plot widths beyond the edge (the picture clips there anyway), so a diverging run does
 * not hand the renderer coordinates of 10³⁰⁰.
 */
export function trajectoryPath(path: ArrayLike<number>, layout: ContourLayout): string {
  const { plot } = layout;
  const w = plot.right - plot.left;
  const h = plot.bottom - plot.top;
  const bound = (v: number, lo: number, span: number) =>
    Math.max(lo - 4 * span, Math.min(lo + 5 * span, v));
  let d = '';
  for (let k = 0; 2 * k + 1 < path.length; k++) {
    const [px, py] = layout.toPixel([path[2 * k] ?? 0, path[2 * k + 1] ?? 0]);
    if (!Number.isFinite(px) || !Number.isFinite(py)) break;
    d += `${k === 0 ? 'M' : 'L'}${rounded(bound(px, plot.left, w))},${rounded(bound(py, plot.top, h))}`;
  }
  return d;
}
