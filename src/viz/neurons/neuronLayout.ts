/**
 * Layout of the neuron graph: layers as columns left to right, the units of a layer
 * spread evenly down its column, one edge per weight. Pure, so it is tested without a DOM.
 */

export interface NeuronNode {
  /** Layer index, 0 for the inputs. */
  readonly layer: number;
  readonly unit: number;
  /** Centre of the node, in the graph's own pixels. */
  readonly x: number;
  readonly y: number;
}

export interface NeuronEdge {
  /** Index into the weight arrays: the edge runs from layer `layer` to layer `layer + 1`. */
  readonly layer: number;
  /** Source unit i and target unit j: the weight is weights[layer][j · n + i]. */
  readonly from: number;
  readonly to: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface NeuronLayout {
  readonly width: number;
  readonly height: number;
  /** Side of a node's square, room for its decision-region thumbnail. */
  readonly nodeSize: number;
  readonly nodes: readonly NeuronNode[];
  readonly edges: readonly NeuronEdge[];
}

/** Places every unit of a network with these layer sizes (inputs first) in a width × height box. */
export function layoutNeuronGraph(
  sizes: readonly number[],
  width: number,
  height: number,
  nodeSize: number,
): NeuronLayout {
  const columns = sizes.length;
  const margin = nodeSize / 2 + 4;
  const columnX = (l: number) =>
    columns === 1 ? width / 2 : margin + (l * (width - 2 * margin)) / (columns - 1);
  const tallest = Math.max(1, ...sizes);
  const spacing = Math.min(nodeSize * 1.5, (height - 2 * margin) / Math.max(1, tallest - 1));
  const rows: NeuronNode[][] = sizes.map((units, layer) =>
    Array.from({ length: units }, (_, unit) => ({
      layer,
      unit,
      x: columnX(layer),
      y: height / 2 + (unit - (units - 1) / 2) * spacing,
    })),
  );
  const edges: NeuronEdge[] = [];
  for (let l = 0; l + 1 < rows.length; l++) {
    for (const target of rows[l + 1] ?? []) {
      for (const source of rows[l] ?? []) {
        edges.push({
          layer: l,
          from: source.unit,
          to: target.unit,
          x1: source.x + nodeSize / 2,
          y1: source.y,
          x2: target.x - nodeSize / 2,
          y2: target.y,
        });
      }
    }
  }
  return { width, height, nodeSize, nodes: rows.flat(), edges };
}

/** Stroke width of a weight's edge: 0.5 px for a zero weight up to 6 px for the largest |w|. */
export function edgeWidthOf(weight: number, maxAbs: number): number {
  return 0.5 + 5.5 * Math.min(1, Math.abs(weight) / (maxAbs || 1));
}

/** Largest |w| over all layers, so edge widths compare across the whole network. */
export function maxAbsWeight(weights: readonly ArrayLike<number>[]): number {
  let max = 0;
  for (const w of weights)
    for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i] ?? 0));
  return max;
}
