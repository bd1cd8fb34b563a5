import { beforeAll, describe, expect, test } from 'vitest';
import { filterNorms, isDirectionRole } from '../../../src/core/descent/landscape';
import { createRandom } from '../../../src/core/random';
import { createLandscapePlane } from '../../../src/engine/lossLandscape';
import { forward } from '../../../src/engine/model';
import { readWeights, writeWeights } from '../../../src/engine/records';
import { tf } from '../../../src/engine/tf';
import { softmaxCrossEntropy } from '../../../src/engine/train';
import { randomModel, randomValues, useCpu } from './helpers';

beforeAll(useCpu);

const network = {
  input: [6, 6, 1],
  layers: [
    { type: 'conv2d', filters: 3, kernel: 3, activation: 'relu' },
    { type: 'batchnorm' },
    { type: 'flatten' },
    { type: 'dense', units: 4, activation: 'softmax' },
  ],
};

function batchOf(count: number, seed: string) {
  const random = createRandom(seed);
  return {
    count,
    images: randomValues(count * 36, random),
    labels: Array.from({ length: count }, () => random.int(4)),
  };
}

/** The mean test-mode cross-entropy of whatever weights the model holds now, computed here. */
async function lossOf(
  model: Awaited<ReturnType<typeof randomModel>>,
  batch: ReturnType<typeof batchOf>,
) {
  const loss = tf.tidy(() => {
    const x = tf.tensor(batch.images, [batch.count, 6, 6, 1]);
    const oneHot = tf.cast(tf.oneHot(tf.tensor1d(batch.labels, 'int32'), 4), 'float32');
    return softmaxCrossEntropy(forward(model, x, { training: false }).logits, oneHot);
  });
  const value = (await loss.data())[0] ?? NaN;
  loss.dispose();
  return value;
}

describe('the loss plane through the network’s weights', () => {
  test('each kernel filter of each direction has the norm of the same filter of the weights; biases and batch norm stay put', async () => {
    const model = await randomModel(network, 'plane-norms');
    const plane = await createLandscapePlane(model, batchOf(5, 'b'), createRandom('dirs'));
    const { delta, eta } = await plane.directions();
    const records = await readWeights(model);
    const trainable = records.filter((r) => r.role !== 'movingMean' && r.role !== 'movingVariance');
    expect(delta).toHaveLength(trainable.length);
    trainable.forEach((record, k) => {
      for (const direction of [delta[k], eta[k]]) {
        if (!direction) throw new Error('missing direction');
        if (!isDirectionRole(record.role)) {
          expect(direction.every((v) => v === 0)).toBe(true);
          continue;
        }
        const want = filterNorms(record.data, record.shape);
        const got = filterNorms(direction, record.shape);
        expect(got.length).toBe(record.shape[record.shape.length - 1]);
        got.forEach((n, f) => expect(n).toBeCloseTo(want[f] ?? NaN, 5));
      }
      // Two independent draws, not one direction twice.
      if (isDirectionRole(record.role))
        expect(Array.from(delta[k] ?? [])).not.toEqual(Array.from(eta[k] ?? []));
    });
    plane.dispose();
    model.dispose();
  });

  test('a grid point’s loss is the loss of θ + αδ + βη set by hand; the centre is the plain loss; the weights come back bit for bit', async () => {
    const model = await randomModel(network, 'plane-points');
    const batch = batchOf(12, 'points');
    const before = await readWeights(model);
    const plane = await createLandscapePlane(model, batch, createRandom('dirs-2'));
    const { delta, eta } = await plane.directions();
    const row = await plane.row([-0.5, 0, 0.75], 0.25);
    const centre = await plane.row([0], 0);
    const plain = await plane.plainLoss();
    const after = await readWeights(model);
    after.forEach((r, i) => expect(Array.from(r.data)).toEqual(Array.from(before[i]?.data ?? [])));
    expect(centre[0]).toBe(plain);
    expect(plain).toBeCloseTo(await lossOf(model, batch), 6);

    // The same point built independently: the records moved in float64, written, measured.
    const trainable = before.filter((r) => r.role !== 'movingMean' && r.role !== 'movingVariance');
    const moved = before.map((r) => {
      const k = trainable.indexOf(r);
      if (k < 0) return r;
      const d = delta[k] ?? new Float32Array(0);
      const e = eta[k] ?? new Float32Array(0);
      return { ...r, data: r.data.map((w, i) => w + 0.75 * (d[i] ?? 0) + 0.25 * (e[i] ?? 0)) };
    });
    writeWeights(model, moved);
    expect(row[2]).toBeCloseTo(await lossOf(model, batch), 5);
    expect(row[2]).not.toBeCloseTo(plain, 3);
    writeWeights(model, before);
    plane.dispose();
    model.dispose();
  });
});
