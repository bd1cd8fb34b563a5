/**
 * The neuron playground's decision plane in words: the accuracy and which parts of the
 * plane each class's region holds, read off the output grid the canvas paints. Pure, so
 * the sentence is unit-tested; the plane's host sets it as its text alternative.
 */

/** The plane cut into 3×3 parts, row by row from the top left, as a person names them. */
const PARTS = [
  'top left',
  'top',
  'top right',
  'left',
  'centre',
  'right',
  'bottom left',
  'bottom',
  'bottom right',
] as const;

/** A part belongs to a class when this share of its cells or more lies on that class's side. */
const MAJORITY = 0.7;

/** How the parts of the plane divide: each class's parts, and the parts the boundary splits. */
export interface PlaneRegions {
  /** Share of the whole plane where p(class 1) > 0.5, 0 to 1. */
  readonly share1: number;
  readonly class0: readonly string[];
  readonly class1: readonly string[];
  readonly split: readonly string[];
}

/**
 * Divides a resolution×resolution grid of p(class 1) (row-major, top row first) into 3×3
 * parts and gives each the class that holds at least 70 % of its cells, else "split".
 */
export function planeRegions(output: ArrayLike<number>, resolution: number): PlaneRegions {
  const ones = new Array<number>(9).fill(0);
  const cells = new Array<number>(9).fill(0);
  let total1 = 0;
  for (let row = 0; row < resolution; row++)
    for (let col = 0; col < resolution; col++) {
      const part =
        Math.min(2, Math.floor((3 * row) / resolution)) * 3 +
        Math.min(2, Math.floor((3 * col) / resolution));
      const isOne = (output[row * resolution + col] ?? 0) > 0.5 ? 1 : 0;
      ones[part] = (ones[part] ?? 0) + isOne;
      cells[part] = (cells[part] ?? 0) + 1;
      total1 += isOne;
    }
  const class0: string[] = [];
  const class1: string[] = [];
  const split: string[] = [];
  PARTS.forEach((name, k) => {
    const share = (ones[k] ?? 0) / Math.max(1, cells[k] ?? 0);
    if (share >= MAJORITY) class1.push(name);
    else if (share <= 1 - MAJORITY) class0.push(name);
    else split.push(name);
  });
  return { share1: total1 / Math.max(1, resolution * resolution), class0, class1, split };
}

/** "a, b and c" */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** One class's part of the sentence: "class 1 (squares, purple) holds 38% of the plane: the top and the centre". */
function classPart(name: string, share: number, parts: readonly string[]): string {
  const pct = `${Math.round(share * 100)}%`;
  if (parts.length === 9) return `${name} holds the whole plane`;
  if (parts.length === 0) return `${name} holds ${pct} of the plane, no part of it outright`;
  return `${name} holds ${pct} of the plane: ${listInWords(parts.map((p) => `the ${p}`))}`;
}

/**
 * The decision plane's text alternative, e.g. "Decision regions, training accuracy 94.5%:
 * class 1 (squares, purple) holds 38% of the plane: the top and the centre; class 0
 * (circles, orange) holds 62% of the plane: …; the boundary splits the left. 200 points;
 * point 5 (class 0) is selected."
 */
export function describePlane({
  output,
  resolution,
  accuracy,
  count,
  point,
  pointClass,
}: {
  readonly output: ArrayLike<number>;
  readonly resolution: number;
  /** Training accuracy, 0 to 1. */
  readonly accuracy: number;
  readonly count: number;
  /** The selected point's index, from 0. */
  readonly point: number;
  readonly pointClass: number;
}): string {
  const r = planeRegions(output, resolution);
  const parts = [
    classPart('class 1 (squares, purple)', r.share1, r.class1),
    classPart('class 0 (circles, orange)', 1 - r.share1, r.class0),
  ];
  if (r.split.length > 0)
    parts.push(`the boundary splits ${listInWords(r.split.map((p) => `the ${p}`))}`);
  return `Decision regions, training accuracy ${(accuracy * 100).toFixed(1)}%: ${parts.join('; ')}. ${count} points; point ${point + 1} (class ${pointClass}) is selected. Click a point to choose it.`;
}
