import { createRandom, type Random } from './random';

/**
 * Two-class toy datasets on the plane, for the neuron playground. Points live in
 * roughly [−1, 1]²; every dataset has exactly half of its points in each class, so
 * accuracy 0.5 is what a coin (or a network that learned nothing) would score.
 */
export const TOY_DATASETS = ['xor', 'circles', 'spirals', 'linear'] as const;
export type ToyDatasetId = (typeof TOY_DATASETS)[number];

export const TOY_DATASET_LABELS: Readonly<Record<ToyDatasetId, string>> = {
  xor: 'XOR (four quadrants)',
  circles: 'Circles (disc inside a ring)',
  spirals: 'Two spirals',
  linear: 'Linearly separable',
};

/** Largest noise the playground offers: the std of the Gaussian jitter, in plane units. */
export const MAX_TOY_NOISE = 0.5;

export interface ToyDataOptions {
  readonly dataset: ToyDatasetId;
  /** Number of points, rounded down to an even count (half per class). */
  readonly count: number;
  /** Std of the Gaussian jitter added to both coordinates, 0 to MAX_TOY_NOISE. */
  readonly noise: number;
  readonly seed: string | number;
}

export interface ToyData {
  readonly count: number;
  /** Coordinates, point k at (xy[2k], xy[2k + 1]). */
  readonly xy: Float64Array;
  /** Class of each point: 0 or 1. */
  readonly labels: Uint8Array;
}

/** True when `name` is one of the toy datasets. */
export function isToyDataset(name: unknown): name is ToyDatasetId {
  return typeof name === 'string' && (TOY_DATASETS as readonly string[]).includes(name);
}

type PointMaker = (label: 0 | 1, random: Random) => [number, number];

/** XOR: class 1 where x·y > 0 (quadrants I and III), class 0 elsewhere; a small gap off the axes. */
const xorPoint: PointMaker = (label, random) => {
  const gap = 0.08;
  const x = random.uniform(gap, 1) * (random.next() < 0.5 ? -1 : 1);
  const y = random.uniform(gap, 1) * Math.sign(x) * (label === 1 ? 1 : -1);
  return [x, y];
};

/** Circles: class 1 in the disc r < 0.45, class 0 in the ring 0.7 ≤ r < 1 (uniform in area). */
const circlePoint: PointMaker = (label, random) => {
  const [lo, hi] = label === 1 ? [0, 0.45] : [0.7, 1];
  const r = Math.sqrt(random.uniform(lo * lo, hi * hi));
  const angle = random.uniform(0, 2 * Math.PI);
  return [r * Math.cos(angle), r * Math.sin(angle)];
};

/** Spirals: r = 0.05 + 0.9t, angle = 3.5πt (+π for class 0), t uniform in [0, 1]. */
const spiralPoint: PointMaker = (label, random) => {
  const t = random.next();
  const r = 0.05 + 0.9 * t;
  const angle = 3.5 * Math.PI * t + (label === 1 ? 0 : Math.PI);
  return [r * Math.cos(angle), r * Math.sin(angle)];
};

/** Linearly separable: two Gaussian blobs (std 0.2) centred at ±(0.45, 0.45). */
const linearPoint: PointMaker = (label, random) => {
  const c = label === 1 ? 0.45 : -0.45;
  return [random.normal(c, 0.2), random.normal(c, 0.2)];
};

const MAKERS: Readonly<Record<ToyDatasetId, PointMaker>> = {
  xor: xorPoint,
  circles: circlePoint,
  spirals: spiralPoint,
  linear: linearPoint,
};

/** The dataset for these options; the same options always give the same points. */
export function createToyData(options: ToyDataOptions): ToyData {
  const half = Math.max(1, Math.floor(options.count / 2));
  const count = half * 2;
  const noise = Math.max(0, Math.min(MAX_TOY_NOISE, options.noise));
  const root = createRandom(`toy/${options.dataset}/${options.seed}`);
  const shapes = root.fork('shape');
  const jitter = root.fork('noise');
  const xy = new Float64Array(count * 2);
  const labels = new Uint8Array(count);
  const make = MAKERS[options.dataset];
  for (let k = 0; k < count; k++) {
    // Alternate the classes so any prefix of the data is balanced too.
    const label: 0 | 1 = k % 2 === 0 ? 1 : 0;
    const [x, y] = make(label, shapes);
    xy[2 * k] = x + (noise > 0 ? jitter.normal(0, noise) : 0);
    xy[2 * k + 1] = y + (noise > 0 ? jitter.normal(0, noise) : 0);
    labels[k] = label;
  }
  return { count, xy, labels };
}
