import { useState } from 'react';
import type { NetworkReport } from '../../core/analyze';
import { LAYER_TYPES } from '../../core/registry';
import { formatCount } from '../../core/report';
import {
  changeLayerType,
  insertLayer,
  moveLayer,
  removeLayer,
  setLayerField,
} from '../../state/networkEdits';
import { useLabStore } from '../../state/store';
import { LayerRow, type LayerRowActions } from './LayerRow';

/** The layers as an editable table with the core's numbers beside each, and totals. */
export function LayerTable({
  report,
  readOnly = false,
}: {
  readonly report: NetworkReport;
  /** The network editor is hidden (hide=network-editor): the numbers stay, the editing goes. */
  readonly readOnly?: boolean;
}) {
  const network = useLabStore((s) => s.network);
  const selected = useLabStore((s) => s.selectedLayer);
  const edit = useLabStore((s) => s.editNetwork);
  const select = useLabStore((s) => s.selectLayer);
  const [newType, setNewType] = useState('conv2d');
  const layers = Array.isArray(network.layers) ? network.layers : [];
  const usesGraph = layers.some((l) => l.id !== undefined || l.inputs !== undefined);
  const [showGraphChoice, setShowGraph] = useState<boolean | null>(null);
  const showGraph = showGraphChoice ?? usesGraph;
  const actions: LayerRowActions = {
    select,
    setField: (i, field, value) => edit((n) => setLayerField(n, i, field, value)),
    changeType: (i, type) => edit((n) => changeLayerType(n, i, type)),
    move: (i, delta) => edit((n) => moveLayer(n, i, delta), i + delta),
    remove: (i) => edit((n) => removeLayer(n, i), i > 0 ? i - 1 : 0),
  };
  return (
    <section className="card layer-table-card" aria-labelledby="layers-heading">
      <div className="card-heading">
        <h2 id="layers-heading">Layers</h2>
        {readOnly ? null : (
          <label className="field">
            <input
              type="checkbox"
              checked={showGraph}
              onChange={(e) => setShowGraph(e.target.checked)}
            />
            Show ids and inputs (for branching networks)
          </label>
        )}
      </div>
      <div className="table-scroll">
        <table className="layer-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Layer</th>
              <th scope="col">Type</th>
              <th scope="col">Settings</th>
              <th scope="col">Output shape</th>
              <th scope="col">Parameters</th>
              <th scope="col">MACs</th>
              <th scope="col">Receptive field</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <tr className="input-row">
              <td />
              <th scope="row">input</th>
              <td colSpan={2} className="muted">
                The image (or vector) fed to the network
              </td>
              <td className="shape">{report.input ? report.input.join('×') : '?'}</td>
              <td className="num">0</td>
              <td className="num">0</td>
              <td className="num">{report.input?.length === 3 ? '1' : '—'}</td>
              <td />
            </tr>
            {layers.map((layer, i) => (
              <LayerRow
                key={i}
                layer={layer}
                report={report.layers[i]}
                index={i}
                count={layers.length}
                selected={i === selected}
                showGraph={showGraph && !readOnly}
                actions={actions}
                readOnly={readOnly}
              />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td className="shape">{report.outputShape ? report.outputShape.join('×') : '?'}</td>
              <td className="num" data-testid="total-params">
                {formatCount(report.totalParams)}
              </td>
              <td className="num" data-testid="total-macs">
                {formatCount(report.totalMacs)}
              </td>
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
      {readOnly ? null : (
        <div className="add-layer">
          <label>
            Add a layer of type{' '}
            <select value={newType} onChange={(e) => setNewType(e.target.value)}>
              {LAYER_TYPES.map((d) => (
                <option key={d.type} value={d.type}>
                  {d.type} — {d.label}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => edit((n) => insertLayer(n, selected + 1, newType), selected + 1)}
          >
            Insert after layer {Math.min(selected + 1, layers.length)}
          </button>
          <button
            type="button"
            onClick={() => edit((n) => insertLayer(n, layers.length, newType), layers.length)}
          >
            Add at the end
          </button>
        </div>
      )}
    </section>
  );
}
