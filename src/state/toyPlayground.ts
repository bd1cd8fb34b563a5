import {
  HIDDEN_ACTIVATIONS,
  MAX_HIDDEN_LAYERS,
  MAX_HIDDEN_UNITS,
  OUTPUT_KINDS,
  type HiddenActivation,
  type OutputKind,
} from '../core/smallMlp';
import { isToyDataset, MAX_TOY_NOISE, type ToyDatasetId } from '../core/toyData';
import type { Codec } from './codecs';

/** The neuron playground's settings, kept in the store and in a link under `toy`. */
export interface ToySettings {
  readonly dataset: ToyDatasetId;
  readonly noise: number;
  readonly hidden: readonly number[];
  readonly activation: HiddenActivation;
  readonly output: OutputKind;
  readonly learningRate: number;
  readonly seed: number;
}

export const DEFAULT_TOY_SETTINGS: ToySettings = {
  dataset: 'xor',
  noise: 0.05,
  hidden: [4],
  activation: 'tanh',
  output: 'sigmoid',
  learningRate: 0.1,
  seed: 1,
};

/**
 * `xor_4-4_tanh_sigmoid_0.1_0.05_1`: dataset, hidden units per layer (`0` for none),
 * activation, output, learning rate, noise and seed, joined by underscores.
 */
export const toySettingsCodec: Codec<ToySettings> = {
  encode: (t) =>
    [
      t.dataset,
      t.hidden.length ? t.hidden.join('-') : '0',
      t.activation,
      t.output,
      t.learningRate,
      t.noise,
      t.seed,
    ].join('_'),
  decode: (text) => {
    const fail = (why: string) => ({
      ok: false as const,
      reason: `the playground setting ${JSON.stringify(text.slice(0, 40))} is not valid: ${why}`,
    });
    const [dataset, hidden, activation, output, rate, noise, seed, ...rest] = text.split('_');
    if (rest.length > 0 || seed === undefined) return fail('it needs seven parts');
    if (!isToyDataset(dataset)) return fail(`unknown dataset ${JSON.stringify(dataset)}`);
    const units = hidden === '0' ? [] : (hidden ?? '').split('-').map(Number);
    if (
      units.length > MAX_HIDDEN_LAYERS ||
      !units.every((u) => Number.isInteger(u) && u >= 1 && u <= MAX_HIDDEN_UNITS)
    )
      return fail(`at most ${MAX_HIDDEN_LAYERS} hidden layers of 1 to ${MAX_HIDDEN_UNITS} units`);
    const act = HIDDEN_ACTIVATIONS.find((a) => a === activation);
    const out = OUTPUT_KINDS.find((o) => o === output);
    if (!act || !out) return fail('unknown activation or output');
    const numbers = [rate, noise, seed].map((s) =>
      /^\d+(\.\d+)?(e-?\d+)?$/.test(s ?? '') ? Number(s) : NaN,
    );
    const [learningRate = NaN, noiseStd = NaN, seedValue = NaN] = numbers;
    if (!(learningRate > 0 && learningRate <= 10))
      return fail('the learning rate must be in (0, 10]');
    if (!(noiseStd >= 0 && noiseStd <= MAX_TOY_NOISE))
      return fail(`the noise must be from 0 to ${MAX_TOY_NOISE}`);
    if (!(Number.isInteger(seedValue) && seedValue <= 9999))
      return fail('the seed must be 0 to 9999');
    return {
      ok: true,
      value: {
        dataset,
        hidden: units,
        activation: act,
        output: out,
        learningRate,
        noise: noiseStd,
        seed: seedValue,
      },
    };
  },
};
