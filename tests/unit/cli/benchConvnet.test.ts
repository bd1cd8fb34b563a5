import convnetjs from 'convnetjs';
import { describe, expect, it } from 'vitest';
import {
  convnetParamCount,
  convnetVolume,
  createConvnetLenet5,
  ratioToConvnet,
  type ConvnetRow,
} from '../../../src/cli/benchConvnet';
import { TRAINABLE_NETWORKS } from '../../../src/core/catalogue/trainable';
import type { ImageSet } from '../../../src/data/types';

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
    const volumes = Array.from({ length: set.count }, (_, i) => convnetVolume(set, i));
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

  it('puts the image’s pixels into the volume scaled to 0–1, row by row', () => {
    const set = squares();
    const v = convnetVolume(set, 3);
    expect(v).toBeInstanceOf(convnetjs.Vol);
    expect([v.sx, v.sy, v.depth]).toEqual([28, 28, 1]);
    // Image 3 (class 3) has its square at rows and columns 14–23.
    expect(v.w[14 * 28 + 14]).toBeCloseTo(203 / 255);
    expect(v.w[2 * 28 + 2]).toBe(0);
  });

  it('gives the ratio lab / ConvNetJS, or null when ConvNetJS failed', () => {
    const row = { mode: 'convnetjs', trainSamplesPerSecond: 400 } as ConvnetRow;
    expect(ratioToConvnet(3000, row)).toBe(7.5);
    expect(ratioToConvnet(null, row)).toBeNull();
    expect(ratioToConvnet(3000, { mode: 'convnetjs', error: 'no MNIST' })).toBeNull();
  });
});
