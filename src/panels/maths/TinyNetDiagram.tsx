import type { TinyNetParams } from '../../core/tinyNet';
import { formatNumber as fmt } from '../../viz/maths/format';

/** Positions of the 2-2-1 network's nodes in a 620×320 drawing. */
const NODES = {
  x1: [130, 70],
  x2: [130, 230],
  h1: [330, 70],
  h2: [330, 230],
  f: [520, 150],
} as const;

type NodeName = keyof typeof NODES;

const EDGES: readonly [NodeName, NodeName, keyof TinyNetParams][] = [
  ['x1', 'h1', 'w1'],
  ['x2', 'h1', 'w2'],
  ['x1', 'h2', 'w3'],
  ['x2', 'h2', 'w4'],
  ['h1', 'f', 'w5'],
  ['h2', 'f', 'w6'],
];

/**
 * The tiny network drawn with the values computed so far: each node shows its forward
 * value once the walk-through reaches it and its δ once the backward pass does.
 */
export function TinyNetDiagram({
  params,
  known,
}: {
  readonly params: TinyNetParams;
  /** Every value computed up to the current step, by name (h1, u1, f, E, delta1 …). */
  readonly known: Readonly<Record<string, number>>;
}) {
  const show = (name: string) => (name in known ? fmt(known[name] ?? NaN) : '?');
  const label = (name: NodeName): [string, string] => {
    switch (name) {
      case 'x1':
        return [`x₁ = ${fmt(params.x1)}`, ''];
      case 'x2':
        return [`x₂ = ${fmt(params.x2)}`, ''];
      case 'h1':
        return [`h₁ = ${show('h1')}`, `u₁ = ${show('u1')}`];
      case 'h2':
        return [`h₂ = ${show('h2')}`, `u₂ = ${show('u2')}`];
      case 'f':
        return [`f = ${show('f')}`, `E = ${show('E')}`];
    }
  };
  const deltaOf: Partial<Record<NodeName, string>> = {
    h1: `δ₂ = ${show('delta2')}, δ₄ = ${show('delta4')}`,
    h2: `δ₃ = ${show('delta3')}, δ₅ = ${show('delta5')}`,
    f: `δ₁ = ${show('delta1')}`,
  };
  return (
    <svg
      viewBox="0 0 620 320"
      className="tiny-net-diagram"
      role="img"
      aria-label="The 2-2-1 network: inputs x1 and x2, hidden tanh units 1 and 2, output f, with the values computed so far"
    >
      {EDGES.map(([a, b, w]) => {
        const [x1, y1] = NODES[a];
        const [x2, y2] = NODES[b];
        // First-layer labels near their inputs, where the crossing edges are still apart.
        const t = a.startsWith('x') ? 0.3 : 0.45;
        const mx = x1 + (x2 - x1) * t;
        const my = y1 + (y2 - y1) * t - 6;
        return (
          <g key={w}>
            <line x1={x1} y1={y1} x2={x2} y2={y2} className="tiny-net-edge" />
            <text x={mx} y={my} className="tiny-net-weight" textAnchor="middle">
              {`w${w.slice(1)} = ${fmt(params[w])}`}
            </text>
          </g>
        );
      })}
      {(Object.keys(NODES) as NodeName[]).map((name) => {
        const [x, y] = NODES[name];
        const [top, bottom] = label(name);
        const delta = deltaOf[name];
        return (
          <g key={name}>
            <circle cx={x} cy={y} r={24} className="tiny-net-node" />
            {name.startsWith('x') ? (
              <text x={x - 32} y={y + 5} textAnchor="end" className="tiny-net-value">
                {top}
              </text>
            ) : (
              <text x={x} y={y - 32} textAnchor="middle" className="tiny-net-value">
                {top}
              </text>
            )}
            {bottom && (
              <text x={x} y={y + 42} textAnchor="middle" className="tiny-net-value">
                {bottom}
              </text>
            )}
            {delta && (
              <text x={x} y={y + 60} textAnchor="middle" className="tiny-net-delta">
                {delta}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
