import { runInNewContext } from 'node:vm';
import convnetjs from 'convnetjs';
import { describe, expect, it } from 'vitest';
import {
  convnetLenet5Layers,
  convnetTrainerOptions,
  ratioToConvnet,
  type ConvnetRow,
} from '../../../src/cli/benchConvnet';
import {
  convnetPageScript,
  convnetRow,
  convnetSetup,
  type ConvnetPageResult,
} from '../../../src/cli/benchConvnetPage';
import { TRAINABLE_NETWORKS } from '../../../src/core/catalogue/trainable';
import type { ImageSet } from '../../../src/data/types';

/** The bench's LeNet-5 and trainer, built in Node as the page script builds them. */
function createConvnetLenet5(batch: number) {
  const net = new convnetjs.Net();
  net.makeLayers(convnetLenet5Layers());
  return { net, trainer: new convnetjs.Trainer(net, convnetTrainerOptions(batch)) };
}

/** Σ over the network's layers of their own weight and bias arrays' lengths. */
const convnetParamCount = (net: convnetjs.Net): number =>
  net.getParamsAndGrads().reduce((sum, pg) => sum + pg.params.length, 0);

/** Eight 28×28 images, each a bright square whose place is its class, so they can be learnt. */
function squares(): ImageSet {
  const count = 8;
  const images = new Uint8Array(count * 28 * 28);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    labels[n] = n % 4;
    const top = 2 + 12 * Math.floor((n % 4) / 2);
    const left = 2 + 12 * (n % 2);
    for (let y = top; y < top + 10; y++)
      for (let x = left; x < left + 10; x++) images[n * 784 + y * 28 + x] = 200 + n;
  }
  return { count, height: 28, width: 28, channels: 1, classCount: 10, labels, images };
}

describe('ConvNetJS LeNet-5 in the benchmark', () => {
  it('has the catalogue LeNet-5 parameter count, summed over ConvNetJS’s own layers', () => {
    const { net } = createConvnetLenet5(32);
    const lenet = TRAINABLE_NETWORKS.find((n) => n.id === 'lenet5');
    expect(convnetParamCount(net)).toBe(lenet?.published?.params);
    expect(convnetParamCount(net)).toBe(61_706);
    // The shapes after each stage are the lab's: 28×28×6, 14×14×6, 10×10×16, 5×5×16.
    const shapes = net.layers
      .filter((l) => l.layer_type === 'conv' || l.layer_type === 'pool')
      .map((l) => [l.out_sx, l.out_sy, l.out_depth]);
    expect(shapes).toEqual([
      [28, 28, 6],
      [14, 14, 6],
      [10, 10, 16],
      [5, 5, 16],
    ]);
  });

  it('lowers its loss on a batch after a few training steps', () => {
    const set = squares();
    const { net, trainer } = createConvnetLenet5(set.count);
    const volumes = Array.from({ length: set.count }, (_, i) => {
      const v = new convnetjs.Vol(28, 28, 1, 0);
      for (let k = 0; k < 784; k++) v.w[k] = (set.images[i * 784 + k] ?? 0) / 255;
      return v;
    });
    const loss = () => {
      let sum = 0;
      volumes.forEach((v, i) => {
        const p = net.forward(v, false).w[set.labels[i] ?? 0] ?? 0;
        sum -= Math.log(Math.max(p, 1e-12));
      });
      return sum / set.count;
    };
    const before = loss();
    for (let step = 0; step < 15; step++)
      volumes.forEach((v, i) => trainer.train(v, set.labels[i] ?? 0));
    expect(loss()).toBeLessThan(before * 0.8);
  });

  it('hands the page the images’ bytes and labels as they are', () => {
    const set = squares();
    const setup = convnetSetup(set, 32, 4, 12);
    expect(Uint8Array.from(Buffer.from(setup.pixels, 'base64'))).toEqual(set.images);
    expect(setup.labels).toEqual(Array.from(set.labels));
    expect([setup.height, setup.width, setup.channels]).toEqual([28, 28, 1]);
    expect([setup.warmupMs, setup.measureMs, setup.batch]).toEqual([4000, 12000, 32]);
  });

  it('the page script trains the lab’s LeNet-5 in whole batches and reports it', () => {
    // Run as the page runs it, with the package's global and the page's atob and clock.
    const result = runInNewContext(convnetPageScript(convnetSetup(squares(), 4, 0, 0.3)), {
      window: { convnetjs },
      atob,
      performance,
    }) as ConvnetPageResult;
    expect(result.samples).toBeGreaterThan(0);
    expect(result.samples % 4).toBe(0);
    expect(result.paramCount).toBe(61_706);
    // Cross-entropy over ten classes: positive, and near ln 10 ≈ 2.3 this early.
    const mean = result.lossSum / result.samples;
    expect(mean).toBeGreaterThan(0);
    expect(mean).toBeLessThan(5);
    expect(result.seconds).toBeGreaterThanOrEqual(0.3);
  });

  it('turns the page’s counts into samples per second and a mean loss', () => {
    const result = { samples: 640, seconds: 2, lossSum: 320, paramCount: 61_706 };
    const row = convnetRow(result, 32, 'Chromium 156', 0.01);
    expect(row.trainSamplesPerSecond).toBe(320);
    expect(row.meanLoss).toBe(0.5);
    expect(row.runtime).toBe('Chromium 156');
    expect(row.otherCpuCores).toBe(0.01);
  });

  it('gives the ratio lab / ConvNetJS, or null when ConvNetJS failed', () => {
    const row = { mode: 'convnetjs', trainSamplesPerSecond: 400 } as ConvnetRow;
    expect(ratioToConvnet(3000, row)).toBe(7.5);
    expect(ratioToConvnet(null, row)).toBeNull();
    expect(ratioToConvnet(3000, { mode: 'convnetjs', error: 'no MNIST' })).toBeNull();
  });
});
