import type { LayerDocument } from '../network';

/**
 * A ResNet "basic block": two 3×3 convolutions with batch norm, added to a
 * shortcut (a 1×1 convolution when the shape changes), then ReLU.
 * Returns the layers and the id of the block's output.
 */
export function basicBlock(
  prefix: string,
  inputId: string,
  filters: number,
  stride: number,
  projectShortcut: boolean,
): { layers: LayerDocument[]; output: string } {
  const conv = { type: 'conv2d', filters, kernel: 3, padding: 1, bias: false };
  const layers: LayerDocument[] = [
    { ...conv, id: `${prefix}_conv1`, inputs: [inputId], stride },
    { type: 'batchnorm', id: `${prefix}_bn1` },
    { type: 'activation', id: `${prefix}_relu1`, fn: 'relu' },
    { ...conv, id: `${prefix}_conv2` },
    { type: 'batchnorm', id: `${prefix}_bn2` },
  ];
  let shortcut = inputId;
  if (projectShortcut) {
    layers.push(
      {
        type: 'conv2d',
        id: `${prefix}_down`,
        inputs: [inputId],
        filters,
        kernel: 1,
        stride,
        bias: false,
      },
      { type: 'batchnorm', id: `${prefix}_down_bn` },
    );
    shortcut = `${prefix}_down_bn`;
  }
  layers.push(
    { type: 'add', id: `${prefix}_add`, inputs: [`${prefix}_bn2`, shortcut] },
    { type: 'activation', id: `${prefix}_out`, fn: 'relu' },
  );
  return { layers, output: `${prefix}_out` };
}

/** Stages of basic blocks: `blocks[i]` blocks of `filters[i]` channels, downsampling after the first. */
export function residualStages(
  inputId: string,
  inputFilters: number,
  filters: readonly number[],
  blocks: readonly number[],
): { layers: LayerDocument[]; output: string } {
  const layers: LayerDocument[] = [];
  let current = inputId;
  let channels = inputFilters;
  filters.forEach((f, stage) => {
    for (let b = 0; b < (blocks[stage] ?? 0); b++) {
      const stride = stage > 0 && b === 0 ? 2 : 1;
      const block = basicBlock(
        `s${stage + 1}b${b + 1}`,
        current,
        f,
        stride,
        stride !== 1 || channels !== f,
      );
      layers.push(...block.layers);
      current = block.output;
      channels = f;
    }
  });
  return { layers, output: current };
}
