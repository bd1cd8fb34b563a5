import { tf, type Tensor, type Variable } from './tf';

/**
 * An optimiser's per-weight state ("slots": momentum's v, Adam's m and v) kept as one flat
 * vector per slot over all the weights it updates, so an update is a dozen element-wise
 * kernels over one long vector instead of a dozen per weight. A step on the WASM backend
 * costs about 13 µs of dispatch per kernel whatever its size: for LeNet-5's 10 weights,
 * per-weight Adam was 140 kernels and 1.5 ms of a 14 ms step.
 *
 * The element-wise formulas are unchanged, so each value comes out as it did per weight.
 * When the weights updated change (a layer frozen or unfrozen), the vectors are laid out
 * again; a weight left out keeps its values aside until it is updated again.
 */
export interface FlatSlots {
  /**
   * The slots laid out over these weights in this order: `count` vectors of Σ sizes
   * values, weight i's values at the offset of the sizes before it. A weight never
   * updated starts from zeros.
   */
  over(weights: readonly Variable[]): readonly Variable[];
  /** Each weight's values of every slot, or undefined for a weight without any yet. */
  valuesOf(weights: readonly Variable[]): Promise<(Float32Array[] | undefined)[]>;
  /** Replaces every value with these (each array as long as its weight); frees the old. */
  replace(values: ReadonlyMap<Variable, readonly Float32Array[]>): void;
  dispose(): void;
}

export function createFlatSlots(count: number): FlatSlots {
  /** The weights the flat vectors are laid out over, in order. */
  let layout: Variable[] = [];
  let flat: Variable[] = [];
  /** Weights outside the layout: their slots, each a kept [size] tensor. */
  const aside = new Map<Variable, Tensor[]>();

  const freeAside = (w: Variable) => {
    aside.get(w)?.forEach((t) => t.dispose());
    aside.delete(w);
  };
  const setAside = () => {
    if (layout.length === 0) return;
    const sizes = layout.map((w) => w.size);
    // Kept: this runs inside the optimiser's tidy, which would free them at its end.
    const pieces = flat.map((slot) => tf.split(slot, sizes).map((t) => tf.keep(t)));
    layout.forEach((w, i) => {
      freeAside(w);
      aside.set(
        w,
        pieces.map((p) => p[i] as Tensor),
      );
    });
    flat.forEach((v) => v.dispose());
    flat = [];
    layout = [];
  };
  const disposeAll = () => {
    flat.forEach((v) => v.dispose());
    flat = [];
    layout = [];
    [...aside.keys()].forEach(freeAside);
  };
  const sameLayout = (weights: readonly Variable[]) =>
    weights.length === layout.length && weights.every((w, i) => w === layout[i]);

  return {
    over(weights) {
      if (sameLayout(weights)) return flat;
      setAside();
      flat = Array.from({ length: count }, (_, k) => {
        const joined = tf.tidy(() =>
          tf.concat(weights.map((w) => aside.get(w)?.[k] ?? tf.zeros([w.size]))),
        );
        // The variable shares the joined tensor's data, so the tensor itself can go.
        const slot = tf.variable(joined, false);
        joined.dispose();
        return slot;
      });
      weights.forEach(freeAside);
      layout = [...weights];
      return flat;
    },
    async valuesOf(weights) {
      const all = await Promise.all(flat.map((slot) => slot.data() as Promise<Float32Array>));
      const offsets = new Map<Variable, number>();
      layout.reduce((offset, w) => (offsets.set(w, offset), offset + w.size), 0);
      return Promise.all(
        weights.map(async (w) => {
          const offset = offsets.get(w);
          if (offset !== undefined) return all.map((a) => a.slice(offset, offset + w.size));
          const held = aside.get(w);
          if (!held) return undefined;
          return Promise.all(held.map(async (t) => Float32Array.from(await t.data())));
        }),
      );
    },
    replace(values) {
      disposeAll();
      values.forEach((own, w) => {
        aside.set(
          w,
          own.map((data) => tf.keep(tf.tensor1d(data, 'float32'))),
        );
      });
    },
    dispose: disposeAll,
  };
}
