import { describe, expect, test } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { kerasModel } from '../../../src/core/export/keras';
import { pytorchModule } from '../../../src/core/export/pytorch';
import type { NetworkDocument } from '../../../src/core/network';
import { readNetworkDocument } from '../../../src/core/networkSchema';
import { networkCodec } from '../../../src/state/networkCodec';

/** LeNet-like: conv (frozen) → pool → batch norm (frozen) → flatten → dense head. */
const NETWORK: NetworkDocument = {
  input: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 6, kernel: 5, activation: 'relu', frozen: true },
    { type: 'maxpool2d', size: 2 },
    { type: 'batchnorm', frozen: true },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

describe('the frozen field', () => {
  test('parses to true, defaults to false, and counts the frozen parameters', () => {
    const report = analyzeNetwork(NETWORK);
    expect(report.ok).toBe(true);
    expect(report.layers.map((l) => l.params?.frozen)).toEqual([
      true,
      undefined,
      true,
      undefined,
      false,
    ]);
    // conv 5·5·1·6 + 6 = 156, batch norm γ, β of 6 channels = 12; dense 12·12·6·10 + 10 = 8,650.
    expect(report.frozenParams).toBe(156 + 12);
    expect(report.totalParams).toBe(156 + 12 + 8650);
  });

  test('a value that is not true or false is an error on that layer, in words', () => {
    const broken = { ...NETWORK, layers: [{ ...NETWORK.layers[0], frozen: 'yes' }] };
    const report = analyzeNetwork(broken);
    expect(report.errors[0]?.message).toBe('frozen must be true or false; got "yes".');
    const read = readNetworkDocument(broken);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.problem).toBe('layer 1 (conv2d): frozen must be true or false; got "yes".');
  });

  test('layers without weights have no frozen field', () => {
    const read = readNetworkDocument({ ...NETWORK, layers: [{ type: 'flatten', frozen: true }] });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(/no field "frozen" in a flatten layer/);
  });

  test('survives the schema and a link round trip', () => {
    expect(readNetworkDocument(NETWORK)).toEqual({ ok: true, network: NETWORK });
    const decoded = networkCodec.decode(networkCodec.encode(NETWORK));
    expect(decoded).toEqual({ ok: true, value: NETWORK });
  });

  test('the PyTorch module stops the gradients of frozen layers and keeps the batch norm in eval mode', () => {
    const code = pytorchModule(NETWORK);
    expect(code).toContain('self.conv2d_1.requires_grad_(False)');
    expect(code).toContain('self.batchnorm_1.requires_grad_(False)');
    expect(code).not.toContain('self.dense_1.requires_grad_(False)');
    expect(code).toContain('        self.batchnorm_1.eval()');
    expect(
      pytorchModule({ ...NETWORK, layers: NETWORK.layers.map(({ frozen: _, ...l }) => l) }),
    ).not.toContain('requires_grad_');
  });

  test('the Keras model marks frozen layers trainable=False', () => {
    const code = kerasModel(NETWORK, { l1: 0, l2: 0, init: 'glorot' });
    const line = (name: string) => code.split('\n').find((l) => l.includes(`name="${name}"`)) ?? '';
    expect(line('conv2d_1')).toContain('trainable=False');
    expect(line('batchnorm_1')).toContain('trainable=False');
    expect(line('dense_1')).not.toContain('trainable=False');
  });
});
