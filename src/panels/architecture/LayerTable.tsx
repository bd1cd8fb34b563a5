import { useMemo, useState } from 'react';
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
import { LAYER_COLUMNS, LayerRow, type LayerRowActions } from './LayerRow';

/**
 * From this many layers on, only the selected row shows its editors; the others show their
 * settings as text. DenseNet-121's 426 rows of editors made 22,000 elements, and opening it
 * or picking a layer cost 0.6–0.8 s of style, layout and rendering (measured in Chromium on
 * the project's machine); ResNet-18 (68 layers) stays fully editable.
 */
export const COMPACT_ROWS_FROM = 100;

/**
 * The layers as an editable table with the core's numbers beside each, and totals.
 *
 * Where the panel is at most 600 px wide (a phone, or a narrow panel beside the lesson
 * dock) architecture.css draws each row as a card with its numbers labelled from
 * `data-label`. It stays one real table rather than a second card component under a hook:
 * one markup to keep right, every number and control in both layouts, and a screen reader
 * still names each figure by its layer and column. The explicit ARIA roles keep those table
 * semantics where a browser drops them for rows that CSS no longer displays as rows (Safari).
 */
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
  const compact = !readOnly && layers.length >= COMPACT_ROWS_FROM;
  // One stable object, so a memoised row re-renders only when its own props change: picking a
  // layer in DenseNet-121 re-rendered all 426 rows (1.7 s) before.
  const actions: LayerRowActions = useMemo(
    () => ({
      select,
      setField: (i, field, value) => edit((n) => setLayerField(n, i, field, value)),
      changeType: (i, type) => edit((n) => changeLayerType(n, i, type)),
      move: (i, delta) => edit((n) => moveLayer(n, i, delta), i + delta),
      remove: (i) => edit((n) => removeLayer(n, i), i > 0 ? i - 1 : 0),
    }),
    [select, edit],
  );
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
      {compact ? (
        <p className="muted" data-testid="compact-rows-note">
          {layers.length} layers: the selected layer’s row has its editors; select a row (click it,
          or Tab to its name) to edit it.
        </p>
      ) : null}
      <div className="table-scroll">
        <table className="layer-table" role="table">
          <thead role="rowgroup">
            <tr role="row">
              {Object.entries(LAYER_COLUMNS).map(([key, heading]) => (
                <th key={key} scope="col" role="columnheader">
                  {key === 'actions' ? <span className="visually-hidden">{heading}</span> : heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            <tr role="row" className="input-row">
              <td role="cell" />
              <th scope="row" role="rowheader">
                input
              </th>
              <td role="cell" colSpan={2} className="muted col-description">
                The image (or vector) fed to the network
              </td>
              <td role="cell" className="shape" data-label={LAYER_COLUMNS.shape}>
                {report.input ? report.input.join('×') : '?'}
              </td>
              <td role="cell" className="num" data-label={LAYER_COLUMNS.params}>
                0
              </td>
              <td role="cell" className="num" data-label={LAYER_COLUMNS.macs}>
                0
              </td>
              <td role="cell" className="num" data-label={LAYER_COLUMNS.field}>
                {report.input?.length === 3 ? '1' : '—'}
              </td>
              <td role="cell" />
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
                readOnly={readOnly || (compact && i !== selected)}
              />
            ))}
          </tbody>
          <tfoot role="rowgroup">
            <tr role="row">
              <td role="cell" />
              <th scope="row" role="rowheader" colSpan={3}>
                Total
              </th>
              <td role="cell" className="shape" data-label={LAYER_COLUMNS.shape}>
                {report.outputShape ? report.outputShape.join('×') : '?'}
              </td>
              <td
                role="cell"
                className="num"
                data-label={LAYER_COLUMNS.params}
                data-testid="total-params"
              >
                {formatCount(report.totalParams)}
              </td>
              <td
                role="cell"
                className="num"
                data-label={LAYER_COLUMNS.macs}
                data-testid="total-macs"
              >
                {formatCount(report.totalMacs)}
              </td>
              <td role="cell" colSpan={2} />
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
