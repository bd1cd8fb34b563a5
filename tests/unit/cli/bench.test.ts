import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE, type Options } from '../../../src/cli/benchArgs';
import { table, type FailedSpeedRow, type SpeedRow } from '../../../src/cli/benchResult';

const options = (args: string[]): Options => {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

describe('the benchmark command line', () => {
  it('times wasm and cpu on every network by default, batch 32, 4 s warm-up, 12 s measured', () => {
    const o = options([]);
    expect(o.backends).toEqual(['wasm', 'cpu']);
    expect(o.networks).toEqual(['mlp', 'lenet5', 'vgg-mini-32']);
    expect([o.batch, o.warmupS, o.measureS, o.build, o.json, o.accuracy]).toEqual([
      32,
      4,
      12,
      true,
      false,
      false,
    ]);
  });

  it('reads lists and numbers, and --accuracy-cifar implies --accuracy', () => {
    const o = options(['--backends', 'webgl', '--networks', 'mlp,lenet5', '--batch', '64']);
    expect([o.backends, o.networks, o.batch]).toEqual([['webgl'], ['mlp', 'lenet5'], 64]);
    const a = options(['--accuracy-cifar', '--no-build', '--epochs', '3']);
    expect([a.accuracy, a.accuracyCifar, a.build, a.epochs]).toEqual([true, true, false, 3]);
    expect([a.cifarEpochs, a.cifarAugment]).toEqual([8, false]);
    const augmented = options(['--accuracy-cifar', '--cifar-augment', '--cifar-epochs', '15']);
    expect([augmented.cifarEpochs, augmented.cifarAugment]).toEqual([15, true]);
  });

  it('answers --help with the usage and says what was wrong otherwise', () => {
    expect(parseArgs(['--help'])).toBe(USAGE);
    expect(parseArgs(['--fast'])).toBe(`unknown option --fast\n${USAGE}`);
    expect(parseArgs(['--backends', 'metal'])).toMatch(/^unknown metal; choose from wasm, cpu/);
    expect(parseArgs(['--measure', '0'])).toMatch(/^--measure needs a number ≥ 1/);
  });
});

describe('the benchmark table', () => {
  const timed = {
    backend: 'wasm',
    network: 'lenet5',
    dataset: 'mnist',
    batchSize: 32,
    trainSamplesPerSecond: 1858,
    inferenceSamplesPerSecond: 5200.5,
    fps: 60,
    longestTaskMs: 0,
    maxFrameGapMs: 33.4,
    otherCpuCores: 0.02,
    software: false,
  } as SpeedRow;
  const failed: FailedSpeedRow = {
    backend: 'webgpu',
    network: 'vgg-mini-32',
    dataset: 'cifar10',
    batchSize: 32,
    trainSamplesPerSecond: null,
    inferenceSamplesPerSecond: null,
    fps: null,
    longestTaskMs: null,
    software: true,
    error: 'page error: no adapter',
  };

  it('lines the columns up and shows what failed', () => {
    const lines = table([timed, failed]).split('\n');
    expect(lines).toHaveLength(3);
    const [header, first, second] = lines as [string, string, string];
    // The widest backend cell, two spaces, then the next column.
    expect(header.indexOf('network')).toBe('webgpu (software)'.length + 2);
    expect(first.indexOf('lenet5')).toBe(header.indexOf('network'));
    expect(second.indexOf('vgg-mini-32')).toBe(header.indexOf('network'));
    expect(first.indexOf('1858')).toBe(header.indexOf('train img/s'));
    expect(second).toContain('webgpu (software)');
    expect(second).toContain('error: page error: no adapter');
    expect(second.slice(header.indexOf('fps')).startsWith('—')).toBe(true);
  });
});

describe('the benchmark and ConvNetJS', () => {
  it('times ConvNetJS unless --no-convnetjs says not to', () => {
    expect(options([]).convnetjs).toBe(true);
    expect(options(['--no-convnetjs']).convnetjs).toBe(false);
    expect(USAGE).toContain('--no-convnetjs');
  });
});
