import type { SmallMlp } from '../../core/smallMlp';
import {
  edgeWidthOf,
  layoutNeuronGraph,
  maxAbsWeight,
  type NeuronNode,
} from '../../viz/neurons/neuronLayout';
import { weightColorOf } from '../../viz/neurons/planeColors';
import type { PlaneSamples } from '../../core/toyTrainer';
import { GridCanvas } from './GridCanvas';
import type { PlaneSource } from './playgroundRunner';
import type { UnitChoice } from './usePlayground';
import { remOf } from '../../viz/typeScale';

const WIDTH = 560;
const NODE = 48;

/** How the panel names a unit: "x₁", "hidden layer 1, unit 2", "output". */
export function unitName(net: SmallMlp, layer: number, unit: number): string {
  const last = net.sizes.length - 1;
  if (layer === 0) return `input x${unit === 0 ? '₁' : '₂'}`;
  if (layer === last) {
    if (net.spec.output === 'sigmoid') return 'output unit';
    return `output unit ${unit + 1} (class ${unit})`;
  }
  return `hidden layer ${layer}, unit ${unit + 1}`;
}

function NodeView({
  net,
  node,
  planes,
  selected,
  onSelect,
}: {
  readonly net: SmallMlp;
  readonly node: NeuronNode;
  readonly planes: PlaneSource;
  readonly selected: boolean;
  readonly onSelect: () => void;
}) {
  // Design-size pixels written in rem, so the graph grows with large type (typeScale.ts).
  const style = {
    left: remOf(node.x - NODE / 2),
    top: remOf(node.y - NODE / 2),
    width: remOf(NODE),
    height: remOf(NODE),
  };
  const last = net.sizes.length - 1;
  if (node.layer === 0) {
    return (
      <div className="neuron-node neuron-input" style={style}>
        x{node.unit === 0 ? '₁' : '₂'}
      </div>
    );
  }
  const values = (plane: PlaneSamples) =>
    node.layer === last
      ? plane.output
      : (plane.hidden[node.layer - 1]?.[node.unit] ?? plane.output);
  return (
    <button
      type="button"
      className={`neuron-node${selected ? ' selected' : ''}`}
      style={style}
      aria-pressed={selected}
      aria-label={`Show ${unitName(net, node.layer, node.unit)}`}
      title={
        node.layer === last
          ? 'Decision regions of the output: p(class 1) over the plane'
          : 'This unit’s activation over the plane'
      }
      data-testid={`neuron-${node.layer}-${node.unit}`}
      onClick={onSelect}
    >
      <GridCanvas
        planes={planes}
        values={values}
        kind={node.layer === last ? 'probability' : 'activation'}
        className="neuron-thumb"
      />
    </button>
  );
}

/** Every unit as a node (with its activation over the plane) and every weight as an edge. */
export function NeuronGraph({
  net,
  planes,
  unit,
  onSelect,
}: {
  readonly net: SmallMlp;
  readonly planes: PlaneSource;
  readonly unit: UnitChoice | null;
  readonly onSelect: (unit: UnitChoice) => void;
}) {
  const tallest = Math.max(...net.sizes);
  const height = Math.max(180, tallest * NODE * 1.4 + 16);
  const layout = layoutNeuronGraph(net.sizes, WIDTH, height, NODE);
  const max = maxAbsWeight(net.weights);
  return (
    <div
      className="neuron-graph"
      style={{ width: remOf(WIDTH), height: remOf(height) }}
      data-testid="neuron-graph"
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        style={{ width: '100%', height: '100%' }}
        aria-hidden="true"
      >
        {layout.edges.map((e) => {
          const w = net.weights[e.layer]?.[e.to * (net.sizes[e.layer] ?? 1) + e.from] ?? 0;
          return (
            <line
              key={`${e.layer}-${e.from}-${e.to}`}
              x1={e.x1}
              y1={e.y1}
              x2={e.x2}
              y2={e.y2}
              stroke={weightColorOf(w)}
              strokeWidth={edgeWidthOf(w, max)}
              strokeDasharray={w < 0 ? '5 3' : undefined}
              // The selected unit's incoming weights stand out; the rest step back.
              strokeOpacity={!unit || (e.layer === unit.layer - 1 && e.to === unit.unit) ? 1 : 0.45}
            />
          );
        })}
      </svg>
      {layout.nodes.map((node) => (
        <NodeView
          key={`${node.layer}-${node.unit}`}
          net={net}
          node={node}
          planes={planes}
          selected={unit?.layer === node.layer && unit.unit === node.unit}
          onSelect={() => onSelect({ layer: node.layer, unit: node.unit })}
        />
      ))}
    </div>
  );
}
