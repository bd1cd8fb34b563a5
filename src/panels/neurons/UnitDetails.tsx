import { backwardSmallMlp, forwardSmallMlp, lossOfTrace, type SmallMlp } from '../../core/smallMlp';
import type { ToyData } from '../../core/toyData';
import { unitName } from './NeuronGraph';
import type { UnitChoice } from './usePlayground';

/** Four decimals, or three significant digits for tiny values, with a true minus sign. */
const fmt = (v: number) => {
  const m = Math.abs(v);
  const text = m !== 0 && m < 1e-3 ? m.toExponential(2).replace('e-', 'e−') : m.toFixed(4);
  return v < 0 ? `−${text}` : text;
};

/** The chosen unit's incoming weights, pre-activation, activation and gradient for the chosen point. */
export function UnitDetails({
  net,
  data,
  unit,
  point,
}: {
  readonly net: SmallMlp;
  readonly data: ToyData;
  readonly unit: UnitChoice | null;
  readonly point: number;
}) {
  const last = net.sizes.length - 1;
  if (!unit || unit.layer < 1 || unit.layer > last || unit.unit >= (net.sizes[unit.layer] ?? 0)) {
    return (
      <p className="muted">
        Choose a unit in the network (click it, or Tab to it and press Enter).
      </p>
    );
  }
  const x = data.xy[2 * point] ?? 0;
  const y = data.xy[2 * point + 1] ?? 0;
  const label = data.labels[point] ?? 0;
  const trace = forwardSmallMlp(net, x, y);
  const grads = backwardSmallMlp(net, trace, label);
  const n = net.sizes[unit.layer - 1] ?? 0;
  const inputs = trace.post[unit.layer - 1] ?? new Float64Array(n);
  const w = net.weights[unit.layer - 1] ?? new Float64Array(0);
  const gw = grads.weights[unit.layer - 1] ?? new Float64Array(0);
  const z = trace.pre[unit.layer - 1]?.[unit.unit] ?? 0;
  const a = trace.post[unit.layer]?.[unit.unit] ?? 0;
  const delta = grads.delta[unit.layer - 1]?.[unit.unit] ?? 0;
  const bias = net.biases[unit.layer - 1]?.[unit.unit] ?? 0;
  const isOutput = unit.layer === last;
  const f = isOutput ? net.spec.output : net.spec.activation;
  return (
    <div className="unit-details" data-testid="unit-details">
      <h3>{unitName(net, unit.layer, unit.unit)}</h3>
      <p>
        For point {point + 1} at ({fmt(x)}, {fmt(y)}), class {label}; its loss is{' '}
        {fmt(lossOfTrace(net, trace, label))}.
      </p>
      <table className="unit-weights" data-testid="unit-weights">
        <caption>Incoming weights</caption>
        <thead>
          <tr>
            <th scope="col">from</th>
            <th scope="col">weight w</th>
            <th scope="col">input a</th>
            <th scope="col">w · a</th>
            <th scope="col">∂L/∂w</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: n }, (_, i) => {
            const wi = w[unit.unit * n + i] ?? 0;
            const ai = inputs[i] ?? 0;
            return (
              <tr key={i}>
                <th scope="row">{unitName(net, unit.layer - 1, i)}</th>
                <td>{fmt(wi)}</td>
                <td>{fmt(ai)}</td>
                <td>{fmt(wi * ai)}</td>
                <td>{fmt(gw[unit.unit * n + i] ?? 0)}</td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">bias b</th>
            <td>{fmt(bias)}</td>
            <td>1</td>
            <td>{fmt(bias)}</td>
            <td>{fmt(delta)}</td>
          </tr>
        </tbody>
      </table>
      <dl className="unit-values">
        <dt>pre-activation z = Σ w·a + b</dt>
        <dd data-testid="unit-pre">{fmt(z)}</dd>
        <dt>activation {isOutput && net.spec.output === 'softmax' ? 'softmax(z)' : `${f}(z)`}</dt>
        <dd data-testid="unit-activation">{fmt(a)}</dd>
        <dt>gradient ∂L/∂z {isOutput ? '= p − y' : '= f′(z) · Σ (outgoing w · ∂L/∂z)'}</dt>
        <dd data-testid="unit-gradient">{fmt(delta)}</dd>
      </dl>
    </div>
  );
}
