import type { Diagnostic } from './diagnostics';
import { isFrozen } from './layers/frozen';
import type { LayerParams, WindowGeometry } from './layers/types';
import { parseNetwork, type ParsedLayer } from './parse';
import { INPUT_FIELD, type ReceptiveField } from './receptiveField';
import { isSpatial, type Shape } from './shape';

/** Everything the lab computes about one layer. */
export interface LayerReport {
  readonly index: number;
  readonly name: string;
  readonly type: string;
  readonly label: string;
  /** Names of the layers feeding this one (`input` for the network input). */
  readonly inputNames: readonly string[];
  readonly params: LayerParams | null;
  /** Null when the layer, or a layer before it, cannot be computed. */
  readonly outputShape: Shape | null;
  readonly paramCount: number;
  readonly stateCount: number;
  readonly macs: number;
  readonly receptiveField: ReceptiveField | null;
  readonly window: WindowGeometry | null;
  readonly diagnostics: readonly Diagnostic[];
}

export interface NetworkReport {
  readonly name: string;
  readonly input: Shape | null;
  readonly layers: readonly LayerReport[];
  readonly outputShape: Shape | null;
  readonly totalParams: number;
  /** The part of `totalParams` in frozen layers (`"frozen": true`), which training leaves as they are. */
  readonly frozenParams: number;
  readonly totalState: number;
  readonly totalMacs: number;
  /** Every diagnostic, the document's own first, then layer by layer. */
  readonly diagnostics: readonly Diagnostic[];
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** True when the network is complete and has no errors. */
  readonly ok: boolean;
}

interface Flow {
  readonly shape: Shape | null;
  readonly field: ReceptiveField | null;
}

/** Works out one layer from the flows feeding it. */
function evaluateLayer(layer: ParsedLayer, feeds: readonly Flow[] | null, networkInput: Shape) {
  const ready = layer.definition && layer.params && feeds && feeds.every((f) => f.shape !== null);
  if (!ready || !layer.definition || !layer.params || !feeds) return null;
  return layer.definition.evaluate(
    {
      inputShapes: feeds.map((f) => f.shape as Shape),
      inputFields: feeds.map((f) => f.field),
      networkInput,
    },
    layer.params,
  );
}

/**
 * Parses and analyses a network document: output shape, parameter count,
 * multiply-accumulates and receptive field of every layer, with totals.
 * A layer that cannot be computed stops the layers after it (their shapes are null)
 * without repeating its error.
 */
export function analyzeNetwork(raw: unknown): NetworkReport {
  const parsed = parseNetwork(raw);
  const input = parsed.input;
  const inputFlow: Flow = { shape: input, field: input && isSpatial(input) ? INPUT_FIELD : null };
  const flows: Flow[] = [];
  const used = new Set<number>();
  const layers: LayerReport[] = parsed.layers.map((layer) => {
    const feeds =
      layer.sources?.map((s) => (s < 0 ? inputFlow : (flows[s] ?? { shape: null, field: null }))) ??
      null;
    layer.sources?.forEach((s) => used.add(s));
    const outcome = input ? evaluateLayer(layer, feeds, input) : null;
    flows.push({ shape: outcome?.outputShape ?? null, field: outcome?.receptiveField ?? null });
    const own = parsed.diagnostics.filter((d) => d.layerIndex === layer.index);
    const computed: Diagnostic[] = (outcome?.issues ?? []).map((issue) => ({
      ...issue,
      layerIndex: layer.index,
      layerName: layer.name,
    }));
    return {
      index: layer.index,
      name: layer.name,
      type: layer.type,
      label: layer.definition?.label ?? layer.type,
      inputNames:
        layer.sources?.map((s) => (s < 0 ? 'input' : (parsed.layers[s]?.name ?? '?'))) ?? [],
      params: layer.params,
      outputShape: outcome?.outputShape ?? null,
      paramCount: outcome?.params ?? 0,
      stateCount: outcome?.state ?? 0,
      macs: outcome?.macs ?? 0,
      receptiveField: outcome?.receptiveField ?? null,
      window: outcome?.window ?? null,
      diagnostics: [...own, ...computed],
    };
  });
  const lastIndex = layers.length - 1;
  // With a broken `inputs` list the wiring is unknown, so "unused" would mislead.
  const wiringKnown = parsed.layers.every((l) => l.sources !== null);
  const unused: Diagnostic[] = layers
    .filter((l) => wiringKnown && l.index < lastIndex && !used.has(l.index))
    .map((l) => ({
      severity: 'warning',
      layerIndex: l.index,
      layerName: l.name,
      message: 'no later layer uses this output, so it does not affect what the network computes.',
    }));
  const withUnused = layers.map((l) => {
    const extra = unused.filter((d) => d.layerIndex === l.index);
    return extra.length ? { ...l, diagnostics: [...l.diagnostics, ...extra] } : l;
  });
  const diagnostics = [
    ...parsed.diagnostics.filter((d) => d.layerIndex === undefined),
    ...withUnused.flatMap((l) => l.diagnostics),
  ];
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const outputShape = withUnused[lastIndex]?.outputShape ?? null;
  return {
    name: parsed.name,
    input,
    layers: withUnused,
    outputShape,
    totalParams: withUnused.reduce((sum, l) => sum + l.paramCount, 0),
    frozenParams: withUnused.reduce((sum, l) => sum + (isFrozen(l.params) ? l.paramCount : 0), 0),
    totalState: withUnused.reduce((sum, l) => sum + l.stateCount, 0),
    totalMacs: withUnused.reduce((sum, l) => sum + l.macs, 0),
    diagnostics,
    errors,
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
    ok: errors.length === 0 && outputShape !== null,
  };
}
