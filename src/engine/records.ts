import type { OptimizerValues, WeightValues } from '../core/inspection';
import type { Model } from './model';
import { OptimizerStateError, type OptimizerName, type OptimizerState } from './optimizers';
import { tf, type Tensor } from './tf';

/**
 * Plain data the engine hands out: typed arrays with shapes, never a tf.Tensor, so it
 * can cross a worker boundary (and be transferred) without touching the engine's memory.
 * Their types are core's (`LayerValues`, `WeightValues`): the worker, the store, the panels
 * and the checkpoint file all speak of the same records.
 */

/**
 * A tensor's values as a fresh Float32Array. The CPU backend hands out its own storage
 * from `data()`; copying keeps a transferred or edited array from corrupting the tensor.
 */
export async function readValues(tensor: Tensor): Promise<Float32Array> {
  const values = await tensor.data();
  return values instanceof Float32Array ? values.slice() : Float32Array.from(values);
}

/** Every weight of the model (state included) as plain records, layer by layer. */
export async function readWeights(model: Model): Promise<WeightValues[]> {
  const records: WeightValues[] = [];
  for (const layer of model.layers) {
    for (const spec of layer.specs) {
      const w = layer.weights[spec.role];
      if (!w) continue;
      records.push({
        layerIndex: layer.index,
        name: layer.name,
        role: spec.role,
        shape: [...w.shape],
        data: await readValues(w),
      });
    }
  }
  return records;
}

/**
 * Loads weights into a model, matching records by layer name and role. Throws, changing
 * nothing, when a record's shape does not fit or the model has a weight with no record.
 */
export function writeWeights(model: Model, records: readonly WeightValues[]): void {
  const byKey = new Map(records.map((r) => [`${r.name}/${r.role}`, r]));
  const updates: { variable: tf.Variable; record: WeightValues }[] = [];
  for (const layer of model.layers) {
    for (const spec of layer.specs) {
      const variable = layer.weights[spec.role];
      const record = byKey.get(`${layer.name}/${spec.role}`);
      if (!variable) continue;
      if (!record) {
        throw new RangeError(`The weights have no ${spec.role} for layer ${layer.name}.`);
      }
      const expected = variable.shape.join('×');
      if (record.shape.join('×') !== expected || record.data.length !== variable.size) {
        throw new RangeError(
          `Layer ${layer.name}'s ${spec.role} is ${expected} here but ${record.shape.join('×')} in the weights.`,
        );
      }
      updates.push({ variable, record });
    }
  }
  for (const { variable, record } of updates) {
    tf.tidy(() => variable.assign(tf.tensor(record.data, variable.shape)));
  }
}

/** Each trainable weight's layer, name and role, in the model's (and the optimiser's) order. */
function trainableIdentities(model: Model): Omit<WeightValues, 'data'>[] {
  const byVariable = new Map<tf.Variable, Omit<WeightValues, 'data'>>();
  for (const layer of model.layers) {
    for (const spec of layer.specs) {
      const w = layer.weights[spec.role];
      if (w)
        byVariable.set(w, {
          layerIndex: layer.index,
          name: layer.name,
          role: spec.role,
          shape: [...w.shape],
        });
    }
  }
  return model.trainableWeights.map((w) => {
    const identity = byVariable.get(w);
    if (!identity) throw new Error('A trainable weight belongs to no layer.');
    return identity;
  });
}

/** The optimiser's state as records named like the weights they belong to. */
export function optimizerValuesOf(model: Model, state: OptimizerState): OptimizerValues {
  const identities = trainableIdentities(model);
  return {
    name: state.name,
    iterations: state.iterations,
    slots: state.slots.map((own, i) =>
      own.map((data) => ({ ...(identities[i] as Omit<WeightValues, 'data'>), data })),
    ),
  };
}

/**
 * The optimiser's state for the model's trainable weights, its records matched by layer name
 * and role; throws an OptimizerStateError when a weight has no record or a shape differs.
 */
export function optimizerStateOf(model: Model, values: OptimizerValues): OptimizerState {
  const byKey = new Map<string, readonly WeightValues[]>();
  for (const own of values.slots) {
    const first = own[0];
    if (first) byKey.set(`${first.name}/${first.role}`, own);
  }
  const slots = trainableIdentities(model).map((identity) => {
    const own = byKey.get(`${identity.name}/${identity.role}`) ?? [];
    for (const slot of own) {
      if (slot.shape.join('×') !== identity.shape.join('×')) {
        throw new OptimizerStateError(
          `Layer ${identity.name}'s ${identity.role} is ${identity.shape.join('×')} here but its optimiser state is ${slot.shape.join('×')}.`,
        );
      }
    }
    return own.map((slot) => slot.data);
  });
  // The count of slots per weight (none for a missing record) is checked by importState.
  return { name: values.name as OptimizerName, iterations: values.iterations, slots };
}
