/**
 * The network and its training as a complete PyTorch script, in the style of deck 001's
 * PyTorch LeNet: a module, the data of the same dataset (the lab's own packed files), the
 * lab's optimiser and loss, a training loop with validation and the test evaluation. From a
 * checkpoint it loads the lab's weights and reproduces the lab's predictions.
 *
 * Layouts: the lab runs NHWC with HWIO kernels; PyTorch runs NCHW with OIHW kernels. The
 * script keeps PyTorch's layout and converts at the edges: kernels are permuted as they load,
 * and `flatten` permutes back to HWC before flattening, so a dense layer after it sees its
 * inputs in the lab's order and the lab's dense kernels load unchanged (transposed to
 * PyTorch's out × in).
 */
import { LEAKY_RELU_ALPHA, ELU_ALPHA } from '../activations';
import { BATCHNORM_EPSILON, BATCHNORM_MOMENTUM } from '../reference/dense';
import {
  exportGraph,
  noPadding,
  pyLiteral,
  pythonName,
  symmetric,
  type ExportLayer,
} from './graph';
import { isFrozen } from '../layers/frozen';
import type { NetworkDocument } from '../network';
import { PYTHON_DATA_CODE } from './pythonData';
import { MODULE_HELPERS_PY, pytorchTrainingCode } from './pytorchTraining';
import type { ExportSetup } from './setup';

/** Each activation as PyTorch code applied to `v`, with the lab's constants. */
export const TORCH_ACTIVATIONS: Readonly<Record<string, (v: string) => string>> = {
  linear: (v) => v,
  relu: (v) => `F.relu(${v})`,
  leakyrelu: (v) => `F.leaky_relu(${v}, ${LEAKY_RELU_ALPHA})`,
  elu: (v) => `F.elu(${v}, alpha=${ELU_ALPHA})`,
  sigmoid: (v) => `torch.sigmoid(${v})`,
  tanh: (v) => `torch.tanh(${v})`,
  softplus: (v) => `F.softplus(${v})`,
  // The lab's softmax runs along the last axis, which is the channel axis: dim 1 in NCHW.
  softmax: (v) => `F.softmax(${v}, dim=1)`,
};

interface Written {
  /** Lines of `__init__` (modules). */
  readonly init: readonly string[];
  /** The expression of `forward` for this layer, given its sources' variables. */
  readonly forward: (sources: readonly string[]) => string;
  /** A comment for a layer whose PyTorch form differs from the lab's in some respect. */
  readonly note?: string;
}

const pair = (v: unknown): readonly number[] => (Array.isArray(v) ? v : [v, v]) as number[];

function conv2d(l: ExportLayer, self: string): Written {
  const p = l.params;
  const pad = l.padding ?? [0, 0, 0, 0];
  const even = symmetric(pad);
  const channels = l.inputShapes[0]?.[2] ?? 1;
  const init = [
    `${self} = nn.Conv2d(${channels}, ${pyLiteral(p.filters)}, kernel_size=${pyLiteral(pair(p.kernel))}, stride=${pyLiteral(pair(p.stride))}, padding=${even ? pyLiteral([pad[2], pad[0]]) : '0'}, dilation=${pyLiteral(pair(p.dilation))}, bias=${pyLiteral(p.bias !== false)})`,
  ];
  return {
    init,
    forward: ([x]) => (even ? `${self}(${x})` : `${self}(F.pad(${x}, ${pyLiteral(pad)}))`),
    ...(even
      ? {}
      : {
          note: 'the lab pads unevenly here (more after than before), so the padding is explicit',
        }),
  };
}

function pooling(l: ExportLayer, self: string, kind: 'max' | 'avg'): Written {
  const p = l.params;
  const size = pyLiteral(pair(p.size));
  const stride = pyLiteral(pair(p.stride));
  const pad = l.padding ?? [0, 0, 0, 0];
  if (noPadding(pad))
    return {
      init: [
        `${self} = nn.${kind === 'max' ? 'MaxPool2d' : 'AvgPool2d'}(kernel_size=${size}, stride=${stride})`,
      ],
      forward: ([x]) => `${self}(${x})`,
    };
  if (kind === 'max')
    // Padding with −∞ ignores it, as the lab's max pool does; nn.MaxPool2d pads evenly only.
    return {
      init: [],
      forward: ([x]) =>
        `F.max_pool2d(F.pad(${x}, ${pyLiteral(pad)}, value=float('-inf')), ${size}, ${stride})`,
    };
  // The lab divides each window by its real (non-padding) cells.
  return {
    init: [],
    forward: ([x]) => `avg_pool_real_cells(${x}, ${size}, ${stride}, ${pyLiteral(pad)})`,
    note: 'each window is divided by its real cells, not counting padding, as in the lab',
  };
}

function batchnorm(l: ExportLayer, self: string): Written {
  const shape = l.inputShapes[0] ?? [];
  const features = shape[shape.length - 1] ?? 1;
  const kind = shape.length === 3 ? 'BatchNorm2d' : 'BatchNorm1d';
  return {
    // PyTorch's momentum is the weight of the new batch: 1 − the lab's.
    init: [
      `${self} = nn.${kind}(${features}, eps=${BATCHNORM_EPSILON}, momentum=${Number((1 - BATCHNORM_MOMENTUM).toFixed(6))})`,
    ],
    forward: ([x]) => `${self}(${x})`,
    note: "while training, PyTorch's running variance uses the unbiased batch variance; the lab's the biased one (evaluation is the same)",
  };
}

/** Each layer type's PyTorch form (the registry's every type, or the export test fails). */
export const TORCH_LAYERS: Readonly<Record<string, (l: ExportLayer, self: string) => Written>> = {
  conv2d,
  maxpool2d: (l, self) => pooling(l, self, 'max'),
  avgpool2d: (l, self) => pooling(l, self, 'avg'),
  globalavgpool2d: () => ({ init: [], forward: ([x]) => `${x}.mean(dim=(2, 3))` }),
  flatten: (l) => ({
    init: [],
    forward: ([x]) => (l.inputShapes[0]?.length === 3 ? `flatten_hwc(${x})` : `${x}.flatten(1)`),
  }),
  dense: (l, self) => ({
    init: [
      `${self} = nn.Linear(${l.inputShapes[0]?.[0] ?? 0}, ${pyLiteral(l.params.units)}, bias=${pyLiteral(l.params.bias !== false)})`,
    ],
    forward: ([x]) => `${self}(${x})`,
  }),
  // units·k columns (unit j's piece p at j·k + p, as the lab's kernel), the largest per unit.
  maxout: (l, self) => ({
    init: [
      `${self} = nn.Linear(${l.inputShapes[0]?.[0] ?? 0}, ${pyLiteral((l.params.units as number) * (l.params.pieces as number))}, bias=${pyLiteral(l.params.bias !== false)})`,
    ],
    forward: ([x]) =>
      `${self}(${x}).view(-1, ${pyLiteral(l.params.units)}, ${pyLiteral(l.params.pieces)}).amax(dim=2)`,
    note: 'maxout (Goodfellow et al. 2013): a linear layer to units × pieces, then the largest piece of each unit',
  }),
  dropout: (l, self) => ({
    init: [`${self} = nn.Dropout(${pyLiteral(l.params.rate)})`],
    forward: ([x]) => `${self}(${x})`,
  }),
  batchnorm,
  activation: () => ({ init: [], forward: ([x]) => `${x}` }),
  add: () => ({ init: [], forward: (xs) => xs.join(' + ') }),
  // Channels are the last axis in the lab and axis 1 in NCHW (and in N × units).
  concat: () => ({ init: [], forward: (xs) => `torch.cat([${xs.join(', ')}], dim=1)` }),
};

/** The model class: one module per layer with weights, and a forward pass in the lab's order. */
export function pytorchModule(network: NetworkDocument): string {
  const graph = exportGraph(network);
  const init: string[] = [];
  const body: string[] = [];
  const variable = (name: string) => (name === 'input' ? 'x' : pythonName(name));
  const frozenNorms: string[] = [];
  for (const l of graph.layers) {
    const write = TORCH_LAYERS[l.type];
    if (!write) throw new Error(`The PyTorch export has no form for the layer type ${l.type}.`);
    const self = `self.${pythonName(l.name)}`;
    const w = write(l, self);
    init.push(...w.init.map((line) => `        ${line}`));
    if (isFrozen(l.params) && w.init.length > 0) {
      init.push(
        `        ${self}.requires_grad_(False)  # frozen in the lab: training leaves it as it is`,
      );
      if (l.type === 'batchnorm') frozenNorms.push(self);
    }
    let expr = w.forward(l.sources.map(variable));
    if (l.activation && !l.softmaxInLoss)
      expr = (TORCH_ACTIVATIONS[l.activation] ?? ((v) => v))(expr);
    const out = l.outputShape.join('×');
    const comment = `  # ${l.name}: ${l.type} → ${out}${l.softmaxInLoss ? ' (logits; the softmax is in the loss)' : ''}`;
    if (w.note) body.push(`        # ${w.note}`);
    body.push(`        ${variable(l.name)} = ${expr}${comment}`);
  }
  const lastName = variable(graph.layers.at(-1)?.name ?? 'input');
  const className = 'LabNet';
  const forward = body.join('\n');
  const helpers = Object.entries(MODULE_HELPERS_PY)
    .filter(([name]) => forward.includes(`${name}(`))
    .map(([, code]) => `${code}\n`);
  return [
    ...helpers,
    `class ${className}(nn.Module):`,
    `    """${graph.name || 'The network'}: input ${graph.input.join('×')} (HWC in the lab; NCHW here), ${graph.totalParams.toLocaleString('en-US')} parameters."""`,
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...(init.length ? init : ['        pass']),
    '',
    '    def forward(self, x):',
    ...body,
    `        return ${lastName}`,
    '',
    ...frozenTrain(frozenNorms),
  ].join('\n');
}

/**
 * A frozen batch norm keeps its running statistics and normalises with them, as in the lab and
 * Keras; in PyTorch that is eval mode, which `model.train()` would undo, so `train` is extended.
 */
function frozenTrain(norms: readonly string[]): string[] {
  if (norms.length === 0) return [];
  return [
    '    def train(self, mode=True):',
    '        super().train(mode)',
    ...norms.map((n) => `        ${n}.eval()  # frozen: its running statistics stay as they are`),
    '        return self',
    '',
  ];
}

/** The whole script: imports, data, model, training loop or checkpoint, evaluation. */
export function pytorchScript(network: NetworkDocument, setup: ExportSetup): string {
  const graph = exportGraph(network);
  const header = [
    '#!/usr/bin/env python3',
    `"""${graph.name || 'A network'} from CNN Lab, as PyTorch.`,
    '',
    `Dataset: ${setup.dataset.title}; the lab's own data files (${setup.dataset.id}-train.cnnlab, ${setup.dataset.id}-test.cnnlab)`,
    "are read from --data (default: the lab's public/data folder, made by `npm run datasets`).",
    setup.checkpointFile
      ? `Weights: loaded from the lab's checkpoint ${setup.checkpointFile} (--checkpoint); pass --train to train instead.`
      : 'Weights: trained from scratch with the lab’s settings.',
    'Run: python3 this_script.py [--data DIR] [--checkpoint FILE] [--train] [--predictions FILE]',
    '"""',
    'import argparse, base64, gzip, json, math, os, random, struct',
    '',
    'import torch',
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    'import numpy as np',
    '',
  ].join('\n');
  // The model first: it is what a reader came for; the data and training helpers follow.
  return [header, pytorchModule(network), PYTHON_DATA_CODE, pytorchTrainingCode(graph, setup)].join(
    '\n',
  );
}
