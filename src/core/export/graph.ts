/**
 * The network as the code exporters see it: every layer with its resolved parameters, the
 * shapes going in and out, its padding before and after on each axis, and the names of its
 * sources, all from the core's analysis, so exported code pads and reshapes exactly as the
 * architecture explorer says (and as the engine runs it).
 */
import type { Activation } from '../activations';
import { analyzeNetwork, type LayerReport } from '../analyze';
import type { NetworkDocument } from '../network';
import { finalActivationOf } from '../reference/network';
import type { Shape } from '../shape';

/** Padding on each side, in the order PyTorch's F.pad takes it: left, right, top, bottom. */
export type SidePadding = readonly [left: number, right: number, top: number, bottom: number];

/** One layer, ready to write as code. */
export interface ExportLayer {
  readonly index: number;
  /** The layer's name (`conv2d_1`), a valid identifier in Python. */
  readonly name: string;
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** Names of its sources; `input` is the network input. */
  readonly sources: readonly string[];
  readonly inputShapes: readonly Shape[];
  readonly outputShape: Shape;
  /** Padding of a windowed layer (conv, pooling), or null. */
  readonly padding: SidePadding | null;
  /** The activation it ends in, or null (the activation layer's own function included). */
  readonly activation: Activation | null;
  /** True for the last layer when it ends in a softmax: the loss applies it, as in the lab. */
  readonly softmaxInLoss: boolean;
}

export interface ExportGraph {
  readonly name: string;
  readonly input: Shape;
  readonly layers: readonly ExportLayer[];
  readonly outputShape: Shape;
  readonly totalParams: number;
}

/** Why a network cannot be exported: its first error, as the explorer words it. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}

const paddingOf = (report: LayerReport): SidePadding | null => {
  const w = report.window;
  return w ? [w.width.padBefore, w.width.padAfter, w.height.padBefore, w.height.padAfter] : null;
};

/** True when no side is padded. */
export const noPadding = (p: SidePadding | null): boolean => !p || p.every((n) => n === 0);

/** True when left equals right and top equals bottom (what a framework's `padding=` can say). */
export const symmetric = (p: SidePadding): boolean => p[0] === p[1] && p[2] === p[3];

/**
 * The network, analysed, as export layers; throws `ExportError` with the first problem when
 * the network has errors (an impossible layer cannot be written as working code).
 */
export function exportGraph(network: NetworkDocument): ExportGraph {
  const report = analyzeNetwork(network);
  const firstError = report.errors[0];
  if (firstError || !report.input || !report.outputShape)
    throw new ExportError(
      `This network cannot be exported: ${firstError?.message ?? 'it is not complete'}. Fix it in the architecture explorer first.`,
    );
  const shapes = new Map<string, Shape>([['input', report.input]]);
  const last = report.layers.length - 1;
  const layers = report.layers.map((layer): ExportLayer => {
    const inputShapes = layer.inputNames.map((n) => shapes.get(n) ?? []);
    const outputShape = layer.outputShape ?? [];
    shapes.set(layer.name, outputShape);
    const params = layer.params ?? {};
    const activation = finalActivationOf({ type: layer.type, params });
    return {
      index: layer.index,
      name: layer.name,
      type: layer.type,
      params,
      sources: layer.inputNames,
      inputShapes,
      outputShape,
      padding: paddingOf(layer),
      activation,
      softmaxInLoss: layer.index === last && activation === 'softmax',
    };
  });
  return {
    name: report.name,
    input: report.input,
    layers,
    outputShape: report.outputShape,
    totalParams: report.totalParams,
  };
}

/** A Python identifier for a layer or network name: letters, digits and underscores. */
export function pythonName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(cleaned) ? cleaned : `layer_${cleaned}`;
}

/** A value as a Python literal: numbers, booleans, strings and lists of them. */
export function pyLiteral(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value) : `float('${value}')`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value))
    return `(${value.map(pyLiteral).join(', ')}${value.length === 1 ? ',' : ''})`;
  if (value === null || value === undefined) return 'None';
  return JSON.stringify(String(value));
}
