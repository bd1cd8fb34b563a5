import { memo } from 'react';
import type { LayerReport } from '../../core/analyze';
import type { Diagnostic } from '../../core/diagnostics';
import type { LayerDocument } from '../../core/network';
import { layerDefinitionOf, LAYER_TYPES } from '../../core/registry';
import { formatCount, formatReceptiveField } from '../../core/report';
import { formatShape } from '../../core/shape';
import { FieldInput } from './FieldInput';
import { fieldToText } from './fieldText';
import { GraphFields } from './GraphFields';

export interface LayerRowActions {
  select(index: number): void;
  setField(index: number, field: string, value: unknown): void;
  changeType(index: number, type: string): void;
  move(index: number, delta: number): void;
  remove(index: number): void;
}

interface Props {
  readonly layer: LayerDocument;
  readonly report: LayerReport | undefined;
  readonly index: number;
  readonly count: number;
  readonly selected: boolean;
  /** Show the `id` and `inputs` editors (branching networks). */
  readonly showGraph: boolean;
  readonly actions: LayerRowActions;
  /** The network editor is hidden (hide=network-editor): the type and fields as text, no row buttons. */
  readonly readOnly?: boolean;
}

/**
 * The layer table's columns in order: the headings of the wide table and, where the table
 * is drawn as one card per layer (a phone), the label each card shows beside a number
 * (`data-label`), so the two never disagree.
 */
export const LAYER_COLUMNS = {
  index: '#',
  name: 'Layer',
  type: 'Type',
  settings: 'Settings',
  shape: 'Output shape',
  params: 'Parameters',
  macs: 'MACs',
  field: 'Receptive field',
  actions: 'Actions',
} as const;

const COLUMNS = Object.keys(LAYER_COLUMNS).length;
const L = LAYER_COLUMNS;

/** The field's jump, which only means something while the output is still an image. */
function jumpText(report: LayerReport | undefined): string {
  const f = report?.receptiveField;
  if (!f) return '';
  if (report?.outputShape?.length !== 3) return 'whole image';
  return f.jump[0] === f.jump[1] ? `jump ${f.jump[0]}` : `jump ${f.jump[0]}×${f.jump[1]}`;
}

/**
 * One layer: its editable fields, the numbers the core computed, and its problems beneath.
 * Memoised: its props (the layer's document and report, the stable actions) keep their
 * identity while another layer is selected or edited.
 */
export const LayerRow = memo(function LayerRow({
  layer,
  report,
  index,
  count,
  selected,
  showGraph,
  actions,
  readOnly = false,
}: Props) {
  const name = report?.name ?? `layer ${index + 1}`;
  const label = `Layer ${index + 1} ${name}`;
  const definition = layerDefinitionOf(layer.type);
  const diagnostics: readonly Diagnostic[] = report?.diagnostics ?? [];
  const invalid = (field: string) =>
    diagnostics.some((d) => d.severity === 'error' && d.field === field);
  const tone = diagnostics.some((d) => d.severity === 'error')
    ? 'has-error'
    : diagnostics.length
      ? 'has-warning'
      : '';
  return (
    <>
      <tr
        role="row"
        className={`layer-row ${selected ? 'selected' : ''} ${tone}`}
        aria-selected={selected}
        data-layer-index={index}
        onClick={() => actions.select(index)}
        onFocus={() => {
          if (!selected) actions.select(index);
        }}
      >
        <td role="cell" className="num col-index" data-label={L.index}>
          {index + 1}
        </td>
        <th scope="row" role="rowheader" className="layer-name">
          <button
            type="button"
            className="link-button"
            aria-label={`Select ${label}`}
            onClick={() => actions.select(index)}
          >
            {name}
          </button>
        </th>
        {readOnly ? (
          <td role="cell" className="col-type" data-label={L.type}>
            <code>{String(layer.type)}</code>
          </td>
        ) : (
          <td role="cell" className="col-type" data-label={L.type}>
            <select
              value={layer.type}
              aria-label={`${label}: type`}
              aria-invalid={!definition}
              onChange={(e) => actions.changeType(index, e.target.value)}
            >
              {!definition && <option value={layer.type}>{String(layer.type)} (unknown)</option>}
              {LAYER_TYPES.map((d) => (
                <option key={d.type} value={d.type}>
                  {d.type}
                </option>
              ))}
            </select>
          </td>
        )}
        {readOnly ? (
          <td role="cell" className="col-settings" data-label={L.settings}>
            {definition?.fields
              .filter((field) => fieldToText(layer[field.name]) !== '')
              .map((field) => `${field.name} ${fieldToText(layer[field.name])}`)
              .join(' · ')}
          </td>
        ) : (
          <td role="cell" className="fields col-settings" data-label={L.settings}>
            {definition?.fields.map((field) => (
              <FieldInput
                key={field.name}
                field={field}
                value={layer[field.name]}
                label={`${label}: ${field.name}`}
                invalid={invalid(field.name)}
                onChange={(value) => actions.setField(index, field.name, value)}
              />
            ))}
            {(showGraph || definition?.multiInput || invalid('id') || invalid('inputs')) && (
              <GraphFields
                layer={layer}
                layerLabel={label}
                invalidId={invalid('id')}
                invalidInputs={invalid('inputs')}
                onChange={(field, value) => actions.setField(index, field, value)}
              />
            )}
          </td>
        )}
        <td role="cell" className="shape" data-label={L.shape} data-testid="output-shape">
          {report?.outputShape ? formatShape(report.outputShape) : '?'}
        </td>
        <td role="cell" className="num col-params" data-label={L.params} data-testid="params">
          {formatCount(report?.paramCount ?? 0)}
        </td>
        <td role="cell" className="num col-macs" data-label={L.macs}>
          {formatCount(report?.macs ?? 0)}
        </td>
        <td role="cell" className="num col-field" data-label={L.field}>
          {formatReceptiveField(report?.receptiveField ?? null)}
          <div className="muted small">{jumpText(report)}</div>
        </td>
        {readOnly ? (
          <td role="cell" />
        ) : (
          <td role="cell" className="actions">
            <button
              type="button"
              aria-label={`Move ${label} up`}
              disabled={index === 0}
              onClick={() => actions.move(index, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${label} down`}
              disabled={index === count - 1}
              onClick={() => actions.move(index, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={`Remove ${label}`}
              disabled={count === 1}
              onClick={() => actions.remove(index)}
            >
              ✕
            </button>
          </td>
        )}
      </tr>
      {diagnostics.length > 0 && (
        <tr role="row" className="diagnostics-row">
          <td role="cell" colSpan={COLUMNS}>
            <ul>
              {diagnostics.map((d, i) => (
                <li key={i} className={`diagnostic diagnostic-${d.severity}`}>
                  <span className="badge">{d.severity === 'error' ? 'Error' : 'Warning'}</span>
                  {d.field ? <code>{d.field}</code> : null} {d.message}
                </li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
});
