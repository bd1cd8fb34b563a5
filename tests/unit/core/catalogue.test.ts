import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { CATALOGUE, CATALOGUE_IDS, catalogueEntryOf } from '../../../src/core/catalogue';
import { analyzeCatalogue, layerAt, layerNamed } from './helpers';

describe('catalogue totals equal the published figures', () => {
  const published: [string, number][] = [
    ['vgg16', 138_357_544],
    ['resnet18', 11_689_512],
    ['alexnet', 61_100_840],
    ['googlenet', 6_624_904],
    ['densenet121', 7_978_856],
    ['lenet5', 61_706],
    ['mlp', 784 * 128 + 128 + (128 * 64 + 64) + (64 * 10 + 10)],
  ];

  it.each(published)('%s has %i parameters', (id, params) => {
    expect(analyzeCatalogue(id).totalParams).toBe(params);
  });

  it('the MLP figure is 109,386', () => {
    expect(analyzeCatalogue('mlp').totalParams).toBe(109_386);
  });

  it('every entry that cites a published figure reproduces it', () => {
    const cited = CATALOGUE.filter((e) => e.published);
    expect(cited.map((e) => e.id)).toEqual(
      expect.arrayContaining([
        'lenet5',
        'alexnet',
        'vgg16',
        'resnet18',
        'googlenet',
        'densenet121',
      ]),
    );
    for (const entry of cited) {
      expect(analyzeNetwork(entry.network).totalParams, entry.id).toBe(entry.published?.params);
    }
  });

  // torchvision lists "GFLOPS" that are really multiply-accumulates for one 224×224 image.
  it.each([
    ['vgg16', 15.47e9],
    ['resnet18', 1.81e9],
    ['alexnet', 0.71e9],
    ['googlenet', 1.5e9],
    ['densenet121', 2.83e9],
  ])('%s is within one percent of torchvision’s %d multiply-accumulates', (id, macs) => {
    const total = analyzeCatalogue(id).totalMacs;
    expect(Math.abs(total - macs) / macs).toBeLessThan(0.01);
  });
});

describe('LeNet-5 layer by layer', () => {
  const report = analyzeCatalogue('lenet5');

  it('has the textbook parameter counts per weighted layer', () => {
    const weighted = report.layers.filter((l) => l.paramCount > 0).map((l) => l.paramCount);
    expect(weighted).toEqual([156, 2416, 48120, 10164, 850]);
    expect(weighted.reduce((a, b) => a + b, 0)).toBe(61_706);
  });

  it('has the classic shapes 28×28×6 → 14×14×6 → 10×10×16 → 5×5×16 → 400 → 120 → 84 → 10', () => {
    expect(report.layers.map((l) => l.outputShape)).toEqual([
      [28, 28, 6],
      [14, 14, 6],
      [10, 10, 16],
      [5, 5, 16],
      [400],
      [120],
      [84],
      [10],
    ]);
  });

  it('counts multiply-accumulates as output positions × kernel volume × filters', () => {
    const conv1 = 28 * 28 * (5 * 5 * 1) * 6;
    const conv2 = 10 * 10 * (5 * 5 * 6) * 16;
    const dense = 400 * 120 + 120 * 84 + 84 * 10;
    expect(report.layers.map((l) => l.macs)).toEqual([
      conv1,
      0,
      conv2,
      0,
      0,
      400 * 120,
      120 * 84,
      84 * 10,
    ]);
    expect(report.totalMacs).toBe(conv1 + conv2 + dense);
  });
});

describe('reference networks in detail', () => {
  it('VGG-16: 1,792 parameters in its first layer, 102,764,544 in its first dense layer', () => {
    const report = analyzeCatalogue('vgg16');
    expect(layerAt(report, 0).paramCount).toBe(3 * 3 * 3 * 64 + 64);
    expect(layerAt(report, 0).paramCount).toBe(1792);
    const flatten = report.layers.find((l) => l.type === 'flatten');
    expect(flatten?.outputShape).toEqual([7 * 7 * 512]);
    const firstDense = report.layers.find((l) => l.type === 'dense');
    expect(firstDense?.paramCount).toBe(102_764_544);
    expect(report.outputShape).toEqual([1000]);
  });

  it('VGG-16 uses only 3×3 convolutions', () => {
    const report = analyzeCatalogue('vgg16');
    const convs = report.layers.filter((l) => l.type === 'conv2d');
    expect(convs).toHaveLength(13);
    for (const conv of convs) expect(conv.params?.kernel).toEqual([3, 3]);
  });

  it('AlexNet: 55×55×64 after the 11×11 stride-4 layer, 6×6×256 before the dense layers', () => {
    const report = analyzeCatalogue('alexnet');
    expect(layerAt(report, 0).outputShape).toEqual([55, 55, 64]);
    expect(layerAt(report, 0).paramCount).toBe(11 * 11 * 3 * 64 + 64);
    const flatten = report.layers.find((l) => l.type === 'flatten');
    expect(flatten?.outputShape).toEqual([9216]);
    expect(report.outputShape).toEqual([1000]);
  });

  it('ResNet-18: 7×7×512 before global pooling, batch-norm statistics kept out of the parameters', () => {
    const report = analyzeCatalogue('resnet18');
    expect(layerNamed(report, 's4b2_out').outputShape).toEqual([7, 7, 512]);
    expect(layerNamed(report, 'gap').outputShape).toEqual([512]);
    expect(layerNamed(report, 'fc').paramCount).toBe(512 * 1000 + 1000);
    // Running mean and variance of 4,800 batch-norm channels, as in torchvision's buffers.
    expect(report.totalState).toBe(9600);
    const bnParams = report.layers
      .filter((l) => l.type === 'batchnorm')
      .reduce((sum, l) => sum + l.paramCount, 0);
    expect(bnParams).toBe(9600);
  });

  it('ResNet-18 has eight add layers, each combining two equal shapes', () => {
    const report = analyzeCatalogue('resnet18');
    const adds = report.layers.filter((l) => l.type === 'add');
    expect(adds).toHaveLength(8);
    for (const a of adds) expect(a.inputNames).toHaveLength(2);
  });

  it('GoogLeNet: 28×28×256 after inception 3a, 7×7×1024 after 5b, batch norm after each of its 57 convolutions', () => {
    const report = analyzeCatalogue('googlenet');
    expect(layerNamed(report, 'inc3a').outputShape).toEqual([28, 28, 256]);
    expect(layerNamed(report, 'inc4e').outputShape).toEqual([14, 14, 832]);
    expect(layerNamed(report, 'inc5b').outputShape).toEqual([7, 7, 1024]);
    expect(layerNamed(report, 'fc').paramCount).toBe(1024 * 1000 + 1000);
    const convs = report.layers.filter((l) => l.type === 'conv2d');
    expect(convs).toHaveLength(57);
    expect(report.layers.filter((l) => l.type === 'batchnorm')).toHaveLength(57);
    // torchvision's "5×5" branch is 3×3: inception 3a's is 16 → 32 channels, 3·3·16·32 weights.
    expect(layerNamed(report, 'inc3a_b3b_conv').paramCount).toBe(3 * 3 * 16 * 32);
    expect(report.layers.filter((l) => l.type === 'concat')).toHaveLength(9);
  });

  it('DenseNet-121: 121 weighted layers, blocks ending at 256, 512, 1024 and 1024 channels, a 25-input concat', () => {
    const report = analyzeCatalogue('densenet121');
    const weighted = report.layers.filter((l) => l.type === 'conv2d' || l.type === 'dense');
    expect(weighted).toHaveLength(121);
    expect(
      ['d1_out', 'd2_out', 'd3_out', 'd4_out'].map((id) => layerNamed(report, id).outputShape),
    ).toEqual([
      [56, 56, 256],
      [28, 28, 512],
      [14, 14, 1024],
      [7, 7, 1024],
    ]);
    expect(layerNamed(report, 'd3_out').inputNames).toHaveLength(25);
    expect(layerNamed(report, 'fc').paramCount).toBe(1024 * 1000 + 1000);
    // Every batch norm's running statistics are state: 2 values per channel, as torchvision's buffers.
    const bn = report.layers.filter((l) => l.type === 'batchnorm');
    const bnChannels = bn.reduce((sum, l) => sum + (l.outputShape?.at(-1) ?? 0), 0);
    expect(report.totalState).toBe(2 * bnChannels);
    expect(bn.reduce((sum, l) => sum + l.paramCount, 0)).toBe(2 * bnChannels);
  });

  it('the full-size references take 224×224×3 images and are not trainable in the tab', () => {
    for (const id of ['alexnet', 'vgg16', 'resnet18', 'googlenet', 'densenet121']) {
      const entry = catalogueEntryOf(id);
      expect(entry?.trainable, id).toBe(false);
      expect(entry?.network.input, id).toEqual([224, 224, 3]);
    }
  });
});

describe('the catalogue as a whole', () => {
  it('every id is unique and can be looked up', () => {
    expect(new Set(CATALOGUE_IDS).size).toBe(CATALOGUE.length);
    for (const entry of CATALOGUE) expect(catalogueEntryOf(entry.id)).toBe(entry);
    expect(catalogueEntryOf('no-such-network')).toBeUndefined();
  });

  it('holds the networks the issue asks for', () => {
    expect(CATALOGUE_IDS).toEqual(
      expect.arrayContaining(['mlp', 'lenet5', 'alexnet', 'vgg16', 'resnet18']),
    );
    const smallVggInputs = CATALOGUE.filter((e) => e.trainable && e.id.includes('vgg')).map(
      (e) => e.network.input,
    );
    expect(smallVggInputs).toEqual(
      expect.arrayContaining([
        [28, 28, 1],
        [32, 32, 3],
      ]),
    );
  });

  it.each(CATALOGUE.map((e) => [e.id]))('%s analyses with no errors', (id) => {
    const report = analyzeCatalogue(id);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.outputShape).not.toBeNull();
    for (const layer of report.layers) expect(layer.outputShape, layer.name).not.toBeNull();
  });

  it('trainable classifiers end in ten classes', () => {
    for (const entry of CATALOGUE.filter((e) => e.trainable)) {
      expect(analyzeNetwork(entry.network).outputShape, entry.id).toEqual([10]);
    }
  });
});
