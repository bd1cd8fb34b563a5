import { MAX_TRAINABLE_PARAMS } from '../core/limits';
import { analyzeNetwork, type NetworkReport } from '../core/analyze';
import { isFrozen } from '../core/layers/frozen';
import { initialValuesOf, type InitScheme } from '../core/initialisation';
import { parseNetwork } from '../core/parse';
import { createRandom } from '../core/random';
import { endsInSoftmax, finalActivationOf } from '../core/reference/network';
import type { Shape } from '../core/shape';
import { weightSpecsOf, type WeightRole, type WeightSpec } from '../core/weights';
import { applyLayer, applyLayerActivated, type LayerMode, type LayerRun } from './layers';
import { tf, type Tensor, type Variable } from './tf';

/**
 * A network built from the lab's JSON document as tfjs variables and a forward function
 * (no tfjs-layers): every weight is a `tf.Variable` whose starting values are drawn from
 * the lab's seeded stream, so a seed gives the same network on every backend.
 */

// The limit lives in the core, so what imports a network can check it before changing anything.
export { MAX_TRAINABLE_PARAMS } from '../core/limits';

export interface ModelLayer extends LayerRun {
  readonly index: number;
  /** Indices of the layers feeding this one; −1 is the network input. */
  readonly sources: readonly number[];
  readonly specs: readonly WeightSpec[];
}

export interface Model {
  readonly report: NetworkReport;
  readonly inputShape: Shape;
  readonly outputShape: Shape;
  readonly layers: readonly ModelLayer[];
  /** Every learned weight, layer by layer, in the order of each layer's specs. */
  readonly trainableWeights: readonly Variable[];
  /**
   * The learned weights a training step updates: `trainableWeights` less those of frozen
   * layers (`"frozen": true`), which keep their values (the optimiser state and checkpoints
   * still cover every trainable weight, so freezing a layer mid-run loses nothing).
   */
  readonly updatedWeights: readonly Variable[];
  /** The kernels L1 and L2 decay act on: not biases, γ or β, and not a frozen layer's. */
  readonly kernels: readonly Variable[];
  /** True when the last layer ends in a softmax, which the loss takes over (see `forward`). */
  readonly fusedSoftmax: boolean;
  dispose(): void;
}

export interface ModelOptions {
  readonly seed: string | number;
  readonly init: InitScheme;
  /** Refuse networks with more trainable parameters than this. */
  readonly maxParams?: number;
}

/** A network that cannot be built, with the reason in words. */
export class ModelError extends Error {
  override readonly name = 'ModelError';
}

/**
 * Builds a network: checks it with the core, then allocates each layer's weights with
 * values from the stream `seed/init/<layer name>/<role>` (so changing one layer leaves
 * the others' starting weights alone).
 */
export function createModel(network: unknown, options: ModelOptions): Model {
  const report = analyzeNetwork(network);
  if (!report.ok || !report.input || !report.outputShape) {
    const first = report.errors[0]?.message ?? 'the network is incomplete.';
    throw new ModelError(`This network cannot be built: ${first}`);
  }
  const limit = options.maxParams ?? MAX_TRAINABLE_PARAMS;
  if (report.totalParams > limit) {
    throw new ModelError(
      `${report.name} has ${report.totalParams.toLocaleString('en-US')} parameters, more than the ${limit.toLocaleString('en-US')} the lab trains in a browser tab; it can be explored but not built.`,
    );
  }
  const input = report.input;
  const initRandom = createRandom(options.seed).fork('init');
  const parsed = parseNetwork(network);
  const layers: ModelLayer[] = parsed.layers.map((layer) => {
    const sources = layer.sources ?? [];
    const layerReport = report.layers[layer.index];
    if (!layer.params || !layerReport) throw new ModelError(`Layer ${layer.name} is incomplete.`);
    const shapes = sources.map((s) => (s < 0 ? input : (report.layers[s]?.outputShape ?? [])));
    const specs = weightSpecsOf(layer.type, layer.params, shapes);
    const weights: Partial<Record<WeightRole, Variable>> = {};
    for (const spec of specs) {
      const values = initialValuesOf(
        spec,
        options.init,
        initRandom.fork(layer.name).fork(spec.role),
      );
      weights[spec.role] = tf.tidy(() =>
        tf.variable(tf.tensor(values, [...spec.shape]), spec.trainable),
      );
    }
    return {
      index: layer.index,
      name: layer.name,
      type: layer.type,
      params: layer.params,
      report: layerReport,
      sources,
      specs,
      weights,
    };
  });
  const all = (roles: readonly WeightRole[], withFrozen = true) =>
    layers
      .filter((l) => withFrozen || !isFrozen(l.params))
      .flatMap((l) =>
        l.specs.filter((s) => roles.includes(s.role)).map((s) => l.weights[s.role] as Variable),
      );
  const last = parsed.layers[parsed.layers.length - 1];
  return {
    report,
    inputShape: input,
    outputShape: report.outputShape,
    layers,
    trainableWeights: all(['kernel', 'bias', 'gamma', 'beta']),
    updatedWeights: all(['kernel', 'bias', 'gamma', 'beta'], false),
    kernels: all(['kernel'], false),
    fusedSoftmax: last ? endsInSoftmax(last) : false,
    dispose() {
      for (const layer of layers) Object.values(layer.weights).forEach((w) => w.dispose());
    },
  };
}

/** Trainable parameters and state values a model holds, counted from its variables. */
export function countModelWeights(model: Model): { params: number; state: number }[] {
  return model.layers.map((l) => {
    let params = 0;
    let state = 0;
    for (const spec of l.specs) {
      const size = l.weights[spec.role]?.size ?? 0;
      if (spec.trainable) params += size;
      else state += size;
    }
    return { params, state };
  });
}

export interface ForwardOptions extends LayerMode {
  /**
   * Tensors added to each layer's output (zeros, for the gradient with respect to that
   * output); for the last layer the probe is added to the logits. Null entries are skipped.
   */
  readonly probes?: readonly (Tensor | null)[];
}

export interface ForwardResult {
  /** Every layer's output, shape [N, ...outputShape]; the last includes its softmax. */
  readonly outputs: Tensor[];
  /**
   * The last layer's values before its softmax when it ends in one (the loss applies the
   * softmax itself, as log-softmax, which is exact where softmax then log would underflow);
   * otherwise its output, which the loss then treats as logits.
   */
  readonly logits: Tensor;
}

/** Runs the network on a batch x of shape [N, ...inputShape]. Call inside tf.tidy. */
export function forward(model: Model, x: Tensor, options: ForwardOptions): ForwardResult {
  const outputs: Tensor[] = [];
  let logits = x;
  const lastIndex = model.layers.length - 1;
  for (const layer of model.layers) {
    const inputs = layer.sources.map((s) => (s < 0 ? x : (outputs[s] as Tensor)));
    const fn = finalActivationOf(layer);
    const probe = options.probes?.[layer.index] ?? null;
    let output: Tensor;
    if (layer.index === lastIndex && fn === 'softmax') {
      const before = applyLayer(layer, inputs, options);
      logits = probe ? tf.add(before, probe) : before;
      output = tf.softmax(logits);
    } else {
      const activated = applyLayerActivated(layer, inputs, options, fn ?? null);
      output = probe ? tf.add(activated, probe) : activated;
      if (layer.index === lastIndex) logits = output;
    }
    outputs.push(output);
  }
  return { outputs, logits };
}
