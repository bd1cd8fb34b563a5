import { describe, expect, it } from 'vitest';
import {
  fieldOfUnit,
  INPUT_FIELD,
  largestField,
  receptiveFieldAfterWindow,
  wholeInputField,
  type ReceptiveField,
} from '../../../src/core/receptiveField';
import { analyze, analyzeCatalogue, fieldSizes, layerAt, layerNamed } from './helpers';

const conv = (kernel: number | number[], extra: object = {}) => ({
  type: 'conv2d',
  filters: 2,
  kernel,
  ...extra,
});

describe('dilated convolutions (Yu and Koltun): fields 3, 7, 15', () => {
  it('the dilated-stack catalogue entry grows 3, 7, 15 with jump 1', () => {
    const report = analyzeCatalogue('dilated-stack');
    expect(fieldSizes(report)).toEqual([3, 7, 15]);
    expect(report.layers.map((l) => l.receptiveField?.jump)).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    // 'same' padding keeps 32×32 throughout.
    expect(report.outputShape).toEqual([32, 32, 8]);
  });

  it('dilation changes the field but not the parameter count', () => {
    const report = analyzeCatalogue('dilated-stack');
    expect(layerAt(report, 1).paramCount).toBe(layerAt(report, 2).paramCount);
    expect(layerAt(report, 1).paramCount).toBe(3 * 3 * 8 * 8 + 8);
  });

  it('a hand-built stack with dilations 1, 2, 4 and no padding', () => {
    const report = analyze(
      [32, 32, 1],
      [conv(3, { dilation: 1 }), conv(3, { dilation: 2 }), conv(3, { dilation: 4 })],
    );
    expect(fieldSizes(report)).toEqual([3, 7, 15]);
    // Effective kernels 3, 5, 9 shrink the map by 2, 4 and 8.
    expect(report.layers.map((l) => l.outputShape)).toEqual([
      [30, 30, 2],
      [26, 26, 2],
      [18, 18, 2],
    ]);
  });

  it('dilation 8 next doubles the growth again: 31', () => {
    const report = analyze(
      [64, 64, 1],
      [1, 2, 4, 8].map((d) => conv(3, { dilation: d, padding: 'same' })),
    );
    expect(fieldSizes(report)).toEqual([3, 7, 15, 31]);
  });
});

describe('growth of the receptive field', () => {
  it('grows linearly, by 2 per layer, for a stride-1 stack of 3×3 convolutions', () => {
    const report = analyze(
      [64, 64, 1],
      Array.from({ length: 8 }, () => conv(3, { padding: 1 })),
    );
    expect(fieldSizes(report)).toEqual([3, 5, 7, 9, 11, 13, 15, 17]);
  });

  it('grows by (k − 1) × jump: strides multiply the jump', () => {
    const report = analyze(
      [128, 128, 1],
      [conv(3, { stride: 2 }), conv(3, { stride: 2 }), conv(3, { stride: 2 }), conv(3)],
    );
    expect(report.layers.map((l) => l.receptiveField?.jump[0])).toEqual([2, 4, 8, 8]);
    // 3, 3 + 2·2, 7 + 2·4, 15 + 2·8
    expect(fieldSizes(report)).toEqual([3, 7, 15, 31]);
  });

  it('a 1×1 convolution adds nothing to the field', () => {
    const report = analyze([16, 16, 3], [conv(5), conv(1), conv(1)]);
    expect(fieldSizes(report)).toEqual([5, 5, 5]);
  });

  it('activation, batch norm and dropout pass the field through unchanged', () => {
    const report = analyze(
      [16, 16, 3],
      [
        conv(3, { stride: 2 }),
        { type: 'batchnorm' },
        { type: 'activation', fn: 'relu' },
        { type: 'dropout', rate: 0.2 },
      ],
    );
    const first = layerAt(report, 0).receptiveField;
    for (const layer of report.layers) expect(layer.receptiveField, layer.name).toEqual(first);
  });

  it('VGG-16 has the well-known fields 3, 5, 6, 10, …, 196, 212', () => {
    const report = analyzeCatalogue('vgg16');
    expect(fieldSizes(report).slice(0, 18)).toEqual([
      3, 5, 6, 10, 14, 16, 24, 32, 40, 44, 60, 76, 92, 100, 132, 164, 196, 212,
    ]);
    expect(layerAt(report, 17).receptiveField?.jump).toEqual([32, 32]);
  });

  it('AlexNet’s last pooling layer sees 195 pixels, ResNet-18’s last block 435', () => {
    const alexnet = analyzeCatalogue('alexnet');
    const lastPool = alexnet.layers.filter((l) => l.type === 'maxpool2d').at(-1);
    expect(lastPool?.receptiveField?.size).toEqual([195, 195]);
    const resnet = analyzeCatalogue('resnet18');
    expect(layerNamed(resnet, 's4b2_out').receptiveField?.size).toEqual([435, 435]);
    expect(layerNamed(resnet, 's4b2_out').receptiveField?.jump).toEqual([32, 32]);
  });

  it('a [height, width] kernel gives a rectangular field', () => {
    const report = analyze([20, 20, 1], [conv([3, 5]), conv([1, 3])]);
    expect(layerAt(report, 1).receptiveField?.size).toEqual([3, 7]);
  });
});

describe('where the field starts: padding moves it off the image', () => {
  it('a 3×3 convolution with padding 1 starts at −1', () => {
    const report = analyze([8, 8, 1], [conv(3, { padding: 1 })]);
    expect(layerAt(report, 0).receptiveField?.start).toEqual([-1, -1]);
  });

  it('without padding it starts at 0', () => {
    const report = analyze([8, 8, 1], [conv(3)]);
    expect(layerAt(report, 0).receptiveField?.start).toEqual([0, 0]);
  });

  it('padding after a stride-2 pool counts in input pixels: −1 × jump 2 = −2', () => {
    const report = analyze([16, 16, 1], [{ type: 'maxpool2d', size: 2 }, conv(3, { padding: 1 })]);
    expect(layerAt(report, 1).receptiveField).toEqual({
      size: [2 + 2 * 2, 2 + 2 * 2],
      jump: [2, 2],
      start: [-2, -2],
    });
  });

  it('two padded 3×3 layers start at −2', () => {
    const report = analyze([8, 8, 1], [conv(3, { padding: 1 }), conv(3, { padding: 1 })]);
    expect(layerAt(report, 1).receptiveField?.start).toEqual([-2, -2]);
  });

  it('a [top/bottom, left/right] padding pair shifts each axis separately', () => {
    const report = analyze([8, 8, 1], [conv(3, { padding: [0, 1] })]);
    expect(layerAt(report, 0).receptiveField?.start).toEqual([0, -1]);
    expect(report.outputShape).toEqual([6, 8, 2]);
  });

  it("'same' padding splits evenly, the odd row going after", () => {
    // stride 1, kernel 5: 2 before and 2 after.
    const five = analyze([8, 8, 1], [conv(5, { padding: 'same' })]);
    expect(layerAt(five, 0).window?.height).toMatchObject({ padBefore: 2, padAfter: 2, out: 8 });
    expect(layerAt(five, 0).receptiveField?.start).toEqual([-2, -2]);
    // stride 1, kernel 4: 3 rows in all, 1 before and 2 after.
    const four = analyze([8, 8, 1], [conv(4, { padding: 'same' })]);
    expect(layerAt(four, 0).window?.height).toMatchObject({ padBefore: 1, padAfter: 2, out: 8 });
    expect(layerAt(four, 0).receptiveField?.start).toEqual([-1, -1]);
    // stride 2, kernel 3 on 28: output 14 needs 1 extra row, which goes after.
    const strided = analyze([28, 28, 1], [conv(3, { padding: 'same', stride: 2 })]);
    expect(layerAt(strided, 0).window?.height).toMatchObject({
      padBefore: 0,
      padAfter: 1,
      out: 14,
    });
    expect(layerAt(strided, 0).receptiveField?.start).toEqual([0, 0]);
  });
});

describe('fieldOfUnit: the input rectangle one unit sees', () => {
  const padded: ReceptiveField = { size: [3, 3], jump: [1, 1], start: [-1, -1] };

  it('unit (0, 0) of a padded 3×3 convolution covers rows and columns −1 to 1', () => {
    expect(fieldOfUnit(padded, 0, 0)).toEqual({ top: -1, left: -1, bottom: 1, right: 1 });
  });

  it('moves by one jump per unit, separately along each axis', () => {
    const field: ReceptiveField = { size: [5, 3], jump: [4, 2], start: [-2, 0] };
    expect(fieldOfUnit(field, 2, 3)).toEqual({ top: 6, left: 6, bottom: 10, right: 8 });
  });

  it('the last unit of a stride-2 padded layer ends inside the padded image', () => {
    const report = analyze([8, 8, 1], [conv(3, { stride: 2, padding: 1 })]);
    const layer = layerAt(report, 0);
    expect(layer.outputShape).toEqual([4, 4, 2]);
    const field = layer.receptiveField as ReceptiveField;
    expect(fieldOfUnit(field, 3, 3)).toEqual({ top: 5, left: 5, bottom: 7, right: 7 });
  });

  it('every VGG-16 pool5 unit rectangle is 212 pixels wide, 32 apart', () => {
    const field = layerAt(analyzeCatalogue('vgg16'), 17).receptiveField as ReceptiveField;
    const a = fieldOfUnit(field, 0, 0);
    const b = fieldOfUnit(field, 0, 1);
    expect(a.right - a.left + 1).toBe(212);
    expect(b.left - a.left).toBe(32);
  });
});

describe('graphs, whole-image layers and vector inputs', () => {
  it('add takes the largest field of its inputs, whichever order they come in', () => {
    const layers = (order: string[]) => [
      conv(3, { id: 'short', padding: 1, inputs: ['input'] }),
      conv(3, { id: 'long1', padding: 1, inputs: ['input'] }),
      conv(3, { id: 'long2', padding: 1 }),
      conv(3, { id: 'long3', padding: 1 }),
      { type: 'add', id: 'sum', inputs: order },
    ];
    for (const order of [
      ['short', 'long3'],
      ['long3', 'short'],
    ]) {
      const report = analyze([16, 16, 1], layers(order));
      expect(report.errors).toEqual([]);
      expect(layerNamed(report, 'sum').receptiveField?.size).toEqual([7, 7]);
    }
  });

  it('concat takes the largest field of its inputs', () => {
    const report = analyze(
      [16, 16, 1],
      [
        conv(1, { id: 'a', inputs: ['input'] }),
        conv(5, { id: 'b', padding: 2, inputs: ['input'] }),
        conv(3, { id: 'c', padding: 1, inputs: ['input'] }),
        { type: 'concat', inputs: ['a', 'b', 'c'] },
      ],
    );
    expect(layerAt(report, 3).receptiveField?.size).toEqual([5, 5]);
  });

  it('a skip straight from the input keeps the deeper path’s field', () => {
    const report = analyze(
      [8, 8, 2],
      [conv(3, { filters: 2, padding: 1 }), { type: 'add', inputs: ['input', 'conv2d_1'] }],
    );
    expect(layerAt(report, 1).receptiveField?.size).toEqual([3, 3]);
  });

  it('flatten, dense and global average pooling see the whole input', () => {
    const report = analyze(
      [20, 30, 3],
      [
        conv(3),
        { type: 'globalavgpool2d', id: 'gap' },
        { type: 'dense', units: 4, inputs: ['gap'] },
        { type: 'flatten', inputs: ['conv2d_1'] },
      ],
    );
    expect(layerAt(report, 1).receptiveField?.size).toEqual([20, 30]);
    expect(layerAt(report, 2).receptiveField?.size).toEqual([20, 30]);
    expect(layerAt(report, 3).receptiveField?.size).toEqual([20, 30]);
    expect(layerAt(report, 3).receptiveField?.start).toEqual([0, 0]);
  });

  it('a vector input gives no fields at all', () => {
    const report = analyze(
      [784],
      [
        { type: 'dense', units: 32 },
        { type: 'dropout', rate: 0.1 },
        { type: 'dense', units: 10 },
      ],
    );
    expect(report.ok).toBe(true);
    expect(report.layers.map((l) => l.receptiveField)).toEqual([null, null, null]);
  });
});

describe('the recursion functions themselves', () => {
  it('the input sees one pixel with jump 1', () => {
    expect(INPUT_FIELD).toEqual({ size: [1, 1], jump: [1, 1], start: [0, 0] });
  });

  it('r_out = r_in + (k − 1)·j_in, j_out = j_in·s, start_out = start_in − p·j_in', () => {
    const field: ReceptiveField = { size: [6, 6], jump: [2, 4], start: [-1, 0] };
    expect(receptiveFieldAfterWindow(field, [3, 5], [2, 1], [1, 2])).toEqual({
      size: [6 + 2 * 2, 6 + 4 * 4],
      jump: [4, 4],
      start: [-1 - 2, 0 - 8],
    });
  });

  it('wholeInputField covers the image from its corner', () => {
    expect(wholeInputField([28, 32])).toEqual({ size: [28, 32], jump: [28, 32], start: [0, 0] });
  });

  it('largestField picks by area and is null for no fields', () => {
    const tall: ReceptiveField = { size: [9, 1], jump: [1, 1], start: [0, 0] };
    const square: ReceptiveField = { size: [4, 4], jump: [1, 1], start: [0, 0] };
    expect(largestField([tall, square])).toBe(square);
    expect(largestField([square, tall])).toBe(square);
    expect(largestField([])).toBeNull();
  });
});
