/**
 * The layer graph of a Keras model as the TensorFlow.js converter (or tfjs-layers' own
 * `model.save`) writes it in `modelTopology`: a Sequential list, or a Functional model
 * whose layers name their sources in `inbound_nodes`, in Keras 2's nested lists
 * (`[[["conv2d", 0, 0, {}]]]`) or Keras 3's call records (`[{ args: [keras tensor] }]`).
 */

type Json = Readonly<Record<string, unknown>>;

export interface KerasNode {
  /** 1-based place in the model's own layer list, for messages ("Layer 4"). */
  readonly position: number;
  readonly name: string;
  readonly className: string;
  readonly config: Json;
  /** Names of the layers feeding it; empty for an input layer. */
  readonly sources: readonly string[];
}

export interface KerasGraph {
  readonly name: string;
  readonly nodes: readonly KerasNode[];
  /** The layer giving the model's output. */
  readonly output: string;
  /** The input's shape without the batch axis, when the topology says it. */
  readonly inputShape: readonly number[] | null;
  readonly sequential: boolean;
}

/** More layers than this are refused before they are read (the lab's networks take 500). */
export const MAX_KERAS_LAYERS = 2_000;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const quoted = (s: string): string => `“${s.length > 40 ? `${s.slice(0, 37)}...` : s}”`;

/** The [null, h, w, c] of a layer config (Keras 2 / tfjs `batch_input_shape`, Keras 3 `batch_shape`). */
function batchShapeOf(config: Json): readonly number[] | null {
  const raw = config.batch_input_shape ?? config.batch_shape ?? config.batchInputShape;
  const dims = Array.isArray(raw)
    ? raw.slice(1)
    : Array.isArray(config.input_shape)
      ? config.input_shape
      : null;
  if (!dims || dims.length === 0 || dims.length > 4) return null;
  return dims.every((n) => typeof n === 'number' && Number.isInteger(n) && n > 0)
    ? (dims as number[])
    : null;
}

/** A Keras 3 tensor record's source layer, or a Keras 2 `[name, node, tensor, kwargs]`. */
function historyOf(raw: unknown): { name: string; node: unknown; tensor: unknown } | null {
  if (Array.isArray(raw) && typeof raw[0] === 'string')
    return { name: raw[0], node: raw[1], tensor: raw[2] };
  if (!isRecord(raw)) return null;
  const config = isRecord(raw.config) ? raw.config : raw;
  const h = config.keras_history;
  return Array.isArray(h) && typeof h[0] === 'string'
    ? { name: h[0], node: h[1], tensor: h[2] }
    : null;
}

/** The source layers of one inbound node, or the reason they cannot be read. */
function sourcesOfNode(node: unknown): string[] | string {
  // Keras 3: { args: [tensor | [tensor, …]], kwargs }; Keras 2 and tfjs: [[name, 0, 0, {}], …].
  const items: unknown[] = isRecord(node)
    ? Array.isArray(node.args)
      ? node.args.flatMap((a) => (Array.isArray(a) && !(typeof a[0] === 'string') ? a : [a]))
      : []
    : Array.isArray(node)
      ? node
      : [];
  const names: string[] = [];
  for (const item of items.slice(0, 64)) {
    const h = historyOf(item);
    if (!h) continue;
    if ((h.node !== 0 && h.node !== undefined) || (h.tensor !== 0 && h.tensor !== undefined))
      return `takes the output of ${quoted(h.name)} from a second call or a second output, which a lab network cannot express`;
    names.push(h.name);
  }
  return names;
}

/** The one `[name, 0, 0]` of `input_layers` / `output_layers` (a flat list in Keras 3). */
function singleEnd(raw: unknown, what: string): string | { problem: string } {
  const list = Array.isArray(raw) && typeof raw[0] === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || list.length !== 1) {
    return {
      problem: `the model has ${Array.isArray(list) ? list.length : 'no'} ${what}s; the lab's networks have one input and one output`,
    };
  }
  const h = historyOf(list[0]);
  return h ? h.name : { problem: `its ${what} is not named` };
}

function layerList(config: unknown): unknown[] | null {
  // Keras before 2.2.3 wrote a Sequential's config as the list of layers itself.
  const layers = Array.isArray(config) ? config : isRecord(config) ? config.layers : null;
  return Array.isArray(layers) ? layers : null;
}

/** Reads the layer graph of a `modelTopology` of unknown origin, or says what is wrong. */
export function kerasGraphOf(topology: Json): KerasGraph | { problem: string } {
  const model = isRecord(topology.model_config) ? topology.model_config : topology;
  const className = model.class_name;
  const layers = layerList(model.config);
  if (typeof className !== 'string' || !layers)
    return { problem: 'its modelTopology has no class_name and layer list of a Keras model' };
  if (layers.length === 0) return { problem: 'the model has no layers' };
  if (layers.length > MAX_KERAS_LAYERS)
    return {
      problem: `the model has ${layers.length.toLocaleString('en-US')} layers, more than the ${MAX_KERAS_LAYERS.toLocaleString('en-US')} the lab reads`,
    };
  const config = isRecord(model.config) ? model.config : {};
  const name = typeof config.name === 'string' ? config.name : 'imported model';
  const sequential = className === 'Sequential';
  if (!sequential && className !== 'Model' && className !== 'Functional')
    return {
      problem: `the model is a ${quoted(className)}; the lab reads Sequential and Functional models`,
    };

  const nodes: KerasNode[] = [];
  const names = new Set<string>();
  for (const [i, raw] of layers.entries()) {
    const position = i + 1;
    if (!isRecord(raw) || typeof raw.class_name !== 'string' || !isRecord(raw.config ?? {}))
      return { problem: `layer ${position} has no class_name and config` };
    const layerConfig = isRecord(raw.config) ? raw.config : {};
    const layerName =
      typeof raw.name === 'string'
        ? raw.name
        : typeof layerConfig.name === 'string'
          ? layerConfig.name
          : `layer_${position}`;
    if (layerName.length > 200)
      return { problem: `layer ${position}'s name is longer than 200 characters` };
    if (names.has(layerName)) return { problem: `two layers are named ${quoted(layerName)}` };
    names.add(layerName);
    let sources: string[];
    if (sequential) {
      const previous = nodes[nodes.length - 1];
      sources = previous ? [previous.name] : [];
    } else {
      const inbound = Array.isArray(raw.inbound_nodes) ? raw.inbound_nodes : [];
      if (inbound.length > 1)
        return {
          problem: `Layer ${position} (${quoted(layerName)}, ${raw.class_name}) is called ${inbound.length} times (a shared layer), which a lab network cannot express`,
        };
      const found = inbound.length ? sourcesOfNode(inbound[0]) : [];
      if (typeof found === 'string')
        return { problem: `Layer ${position} (${quoted(layerName)}, ${raw.class_name}) ${found}` };
      for (const s of found)
        if (!names.has(s) || s === layerName)
          return {
            problem: `Layer ${position} (${quoted(layerName)}) takes its input from ${quoted(s)}, which is not an earlier layer of the model`,
          };
      sources = found;
    }
    nodes.push({
      position,
      name: layerName,
      className: raw.class_name,
      config: layerConfig,
      sources,
    });
  }

  const first = nodes[0];
  let output = nodes[nodes.length - 1]?.name ?? '';
  let inputShape: readonly number[] | null;
  if (sequential) {
    inputShape =
      (first ? batchShapeOf(first.config) : null) ??
      (Array.isArray(config.build_input_shape)
        ? batchShapeOf({ batch_input_shape: config.build_input_shape })
        : null);
  } else {
    const input = singleEnd(config.input_layers, 'input');
    const end = singleEnd(config.output_layers, 'output');
    if (typeof input !== 'string') return input;
    if (typeof end !== 'string') return end;
    const inputNode = nodes.find((n) => n.name === input);
    if (!inputNode || !nodes.some((n) => n.name === end))
      return { problem: 'its input or output names a layer the model does not have' };
    inputShape = batchShapeOf(inputNode.config);
    output = end;
  }
  return { name, nodes, output, inputShape, sequential };
}
