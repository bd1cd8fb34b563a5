import { createFlatSlots } from './flatSlots';
import { tf, type Tensor, type Variable } from './tf';

/**
 * Gradient-descent optimisers, written out rather than taken from tf.train so that the
 * formulas are the ones the lab shows, the learning rate can change mid-run without
 * losing momentum, and the state can be saved with a checkpoint.
 */
export type OptimizerName = 'sgd' | 'momentum' | 'adam';

export interface OptimizerConfig {
  readonly name: OptimizerName;
  /** η, the step size. */
  readonly learningRate: number;
  /** μ for SGD with momentum; default 0.9. */
  readonly momentum?: number;
  /** Adam's β₁, β₂ and ε; defaults 0.9, 0.999 and 1e-7 (Keras's ε). */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  /** L1 weight decay λ₁: adds λ₁ Σ|w| over the kernels to the loss. */
  readonly l1?: number;
  /** L2 weight decay λ₂: adds (λ₂ / 2) Σ w² over the kernels to the loss. */
  readonly l2?: number;
}

/** How many state tensors ("slots") the optimiser keeps per weight: none, v, or m and v. */
export function slotCountOf(name: OptimizerName): number {
  return name === 'sgd' ? 0 : name === 'momentum' ? 1 : 2;
}

/**
 * The optimiser's state as plain values, so a resumed run takes the same path as one never
 * stopped: per weight (in the order of the weights given), its slots, each shaped like it.
 */
export interface OptimizerState {
  readonly name: OptimizerName;
  /** Updates applied so far: Adam's t, which its bias correction 1 − βᵗ needs. */
  readonly iterations: number;
  readonly slots: readonly (readonly Float32Array[])[];
}

/** An optimiser state that does not fit the optimiser or its weights; nothing was changed. */
export class OptimizerStateError extends RangeError {
  override readonly name = 'OptimizerStateError';
}

export interface Optimizer {
  readonly config: OptimizerConfig;
  /** Number of updates applied so far (Adam's t). */
  readonly iterations: number;
  /** Changes the hyper-parameters, keeping the state (velocities, moments). */
  configure(config: OptimizerConfig): void;
  /**
   * Applies one update to each weight from its gradient (a weight without one is left as
   * it is); `decayed` says which weights L1 and L2 act on.
   */
  apply(
    weights: readonly Variable[],
    gradients: readonly (Tensor | null)[],
    decayed: ReadonlySet<Variable>,
  ): void;
  /** The state of these weights' slots (zeros for a weight not updated yet). */
  exportState(weights: readonly Variable[]): Promise<OptimizerState>;
  /**
   * Replaces the state with one exported for these weights; throws an OptimizerStateError,
   * changing nothing, when its name, slot count or a shape does not fit.
   */
  importState(weights: readonly Variable[], state: OptimizerState): void;
  dispose(): void;
}

/**
 * The regularised gradient g + λ₁ sign(w) + λ₂ w: the gradient of
 * L + λ₁ Σ|w| + (λ₂/2) Σ w², added here rather than differentiated so sign(0) is 0.
 */
export function decayedGradient(w: Tensor, g: Tensor, l1: number, l2: number): Tensor {
  let out = g;
  if (l1 > 0) out = tf.add(out, tf.mul(tf.sign(w), l1));
  if (l2 > 0) out = tf.add(out, tf.mul(w, l2));
  return out;
}

/** The decay part of the loss, λ₁ Σ|w| + (λ₂/2) Σ w², over the given weights. */
export function decayPenalty(weights: readonly Tensor[], l1: number, l2: number): Tensor {
  return tf.tidy(() => {
    let total: Tensor = tf.scalar(0);
    for (const w of weights) {
      if (l1 > 0) total = tf.add(total, tf.mul(tf.sum(tf.abs(w)), l1));
      if (l2 > 0) total = tf.add(total, tf.mul(tf.sum(tf.square(w)), l2 / 2));
    }
    return total;
  });
}

/** Creates an optimiser; its state is allocated on the first update of each weight. */
export function createOptimizer(initial: OptimizerConfig): Optimizer {
  let config = initial;
  let iterations = 0;
  let slots = createFlatSlots(slotCountOf(config.name));
  return {
    get config() {
      return config;
    },
    get iterations() {
      return iterations;
    },
    configure(next) {
      if (next.name !== config.name) {
        slots.dispose();
        slots = createFlatSlots(slotCountOf(next.name));
        iterations = 0;
      }
      config = next;
    },
    apply(weights, gradients, decayed) {
      iterations++;
      const t = iterations;
      const lr = config.learningRate;
      const updated = weights.filter((_, i) => gradients[i]);
      if (updated.length === 0) return;
      tf.tidy(() => {
        const gs = weights.flatMap((w, i) => {
          const raw = gradients[i];
          if (!raw) return [];
          return [decayed.has(w) ? decayedGradient(w, raw, config.l1 ?? 0, config.l2 ?? 0) : raw];
        });
        if (config.name === 'sgd') {
          // w ← w − η g
          updated.forEach((w, i) => w.assign(tf.sub(w, tf.mul(gs[i] as Tensor, lr))));
          return;
        }
        // Momentum and Adam run over all the weights' values as one vector (flatSlots.ts).
        const g = tf.concat(gs.map((x) => tf.reshape(x, [-1])));
        const state = slots.over(updated);
        let step: Tensor;
        if (config.name === 'momentum') {
          // v ← μ v + g;  w ← w − η v
          const [v] = state as [Variable];
          v.assign(tf.add(tf.mul(v, config.momentum ?? 0.9), g));
          step = tf.mul(v, lr);
        } else {
          // m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  w ← w − η m̂ / (√v̂ + ε)
          const b1 = config.beta1 ?? 0.9;
          const b2 = config.beta2 ?? 0.999;
          const [m, v] = state as [Variable, Variable];
          m.assign(tf.add(tf.mul(m, b1), tf.mul(g, 1 - b1)));
          v.assign(tf.add(tf.mul(v, b2), tf.mul(tf.square(g), 1 - b2)));
          const mHat = tf.div(m, 1 - b1 ** t);
          const vHat = tf.div(v, 1 - b2 ** t);
          step = tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), config.epsilon ?? 1e-7)), lr);
        }
        const pieces = tf.split(
          step,
          updated.map((w) => w.size),
        );
        updated.forEach((w, i) => w.assign(tf.sub(w, tf.reshape(pieces[i] as Tensor, w.shape))));
      });
    },
    async exportState(weights) {
      const count = slotCountOf(config.name);
      const held = await slots.valuesOf(weights);
      // A slot not allocated yet is the zeros it would start from.
      const values = weights.map(
        (w, i) => held[i] ?? Array.from({ length: count }, () => new Float32Array(w.size)),
      );
      return { name: config.name, iterations, slots: values };
    },
    importState(weights, state) {
      checkState(weights, state, config.name);
      const values = new Map<Variable, readonly Float32Array[]>();
      weights.forEach((w, i) => {
        const own = state.slots[i] ?? [];
        if (own.length > 0) values.set(w, own);
      });
      slots.replace(values);
      iterations = state.iterations;
    },
    dispose() {
      slots.dispose();
    },
  };
}

/** Throws an OptimizerStateError when a state does not fit an optimiser of `name` and these weights. */
function checkState(weights: readonly Variable[], state: OptimizerState, name: OptimizerName) {
  if (state.name !== name) {
    throw new OptimizerStateError(
      `The optimiser state is ${state.name}'s, but this run uses ${name}.`,
    );
  }
  if (!Number.isSafeInteger(state.iterations) || state.iterations < 0) {
    throw new OptimizerStateError(
      `The optimiser state's update count must be a whole number from 0, not ${state.iterations}.`,
    );
  }
  if (state.slots.length !== weights.length) {
    throw new OptimizerStateError(
      `The optimiser state has slots for ${state.slots.length} weights, but the network trains ${weights.length}.`,
    );
  }
  const count = slotCountOf(name);
  weights.forEach((w, i) => {
    const own = state.slots[i] ?? [];
    if (own.length !== count) {
      throw new OptimizerStateError(
        `${name} keeps ${count} values per weight, but the state has ${own.length} for weight ${i + 1}.`,
      );
    }
    for (const data of own) {
      if (data.length !== w.size) {
        throw new OptimizerStateError(
          `Weight ${i + 1} has ${w.size} values (${w.shape.join('×')}), but its optimiser state has ${data.length}.`,
        );
      }
    }
  });
}
