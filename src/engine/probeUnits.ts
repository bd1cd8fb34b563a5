import type { ChannelResponse } from '../core/inspection';
import type { BatchOptions } from '../data/batches';
import { gatherBatch, splitIntoBatches } from '../data/batches';
import type { ImageSet } from '../data/types';
import { forward, type Model } from './model';
import { readValues } from './records';
import { tf } from './tf';
import { inputTensor } from './train';

/**
 * The `count` images of a set that excite one channel of one layer most (Zeiler and
 * Fergus's idea): each image's largest activation in that channel, in test mode.
 */
export async function topActivations(
  model: Model,
  set: ImageSet,
  layerIndex: number,
  channel: number,
  count: number,
  options: BatchOptions & { signal?: AbortSignal },
): Promise<ChannelResponse[]> {
  const shape = model.layers[layerIndex]?.report.outputShape;
  if (!shape) throw new RangeError(`The network has no layer ${layerIndex}.`);
  const channels = shape[shape.length - 1] ?? 1;
  if (channel < 0 || channel >= channels)
    throw new RangeError(`Layer ${layerIndex} has ${channels} channels, not ${channel + 1}.`);
  const [h, w] = shape.length === 3 ? [shape[0] ?? 1, shape[1] ?? 1] : [1, 1];
  const best: ChannelResponse[] = [];
  const order = Uint32Array.from({ length: set.count }, (_, i) => i);
  for (const indices of splitIntoBatches(order, 128)) {
    options.signal?.throwIfAborted();
    const batch = gatherBatch(set, indices, options);
    const maps = tf.tidy(() => {
      const out = forward(model, inputTensor(model, batch.images, batch.count), { training: false })
        .outputs[layerIndex];
      if (!out) throw new RangeError(`The network has no layer ${layerIndex}.`);
      return tf.reshape(tf.gather(tf.reshape(out, [batch.count, h * w, channels]), [channel], 2), [
        batch.count,
        h * w,
      ]);
    });
    const values = await readValues(maps);
    maps.dispose();
    for (let b = 0; b < batch.count; b++) {
      let at = 0;
      for (let p = 1; p < h * w; p++)
        if ((values[b * h * w + p] ?? -Infinity) > (values[b * h * w + at] ?? -Infinity)) at = p;
      best.push({
        index: indices[b] ?? 0,
        value: values[b * h * w + at] ?? 0,
        row: Math.floor(at / w),
        col: at % w,
      });
    }
    best.sort((a, b) => b.value - a.value);
    best.length = Math.min(best.length, count);
  }
  return best;
}

/**
 * The effective receptive field of one unit: ∂(its activation)/∂(input) for one image,
 * shape [h, w, c] of the input. Where it is zero, the unit ignores that pixel.
 */
export async function unitInputGradient(
  model: Model,
  image: Float32Array,
  layerIndex: number,
  unit: { row: number; col: number; channel: number },
): Promise<Float32Array> {
  const gradient = tf.tidy(() => {
    const x = inputTensor(model, image, 1);
    const g = tf.grad((input: tf.Tensor) => {
      const out = forward(model, input, { training: false }).outputs[layerIndex];
      if (!out) throw new RangeError(`The network has no layer ${layerIndex}.`);
      const flat = tf.reshape(out, [-1]);
      const shape = out.shape.slice(1);
      const position =
        shape.length === 3
          ? (unit.row * (shape[1] ?? 1) + unit.col) * (shape[2] ?? 1) + unit.channel
          : unit.channel;
      return tf.sum(tf.slice(flat, [position], [1]));
    });
    return g(x);
  });
  const values = await readValues(gradient);
  gradient.dispose();
  return values;
}
