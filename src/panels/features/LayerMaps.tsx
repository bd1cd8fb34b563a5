import { useEffect } from 'react';
import type { LayerValues } from '../../core/inspection';
import { rangeOf, symmetricRange } from '../../core/range';
import { formatShape } from '../../core/shape';
import { channelOf } from '../../viz/features';
import { markFirstPicture } from '../shared/firstPicture';
import { ImageCanvas } from '../shared/ImageCanvas';
import { RangeLegend } from '../shared/RangeLegend';
import { useUnitChoice } from '../shared/useUnitChoice';

const MAX_CHANNELS = 64;

/** A layer's output for the selected input: a thumbnail per channel, or a strip of unit values. */
function LayerRow({
  record,
  label,
  shared,
}: {
  readonly record: LayerValues;
  readonly label: string;
  readonly shared: boolean;
}) {
  const { selectedLayer, selectedChannel, selectLayer, selectUnit } = useUnitChoice();
  const spatial = record.shape.length === 3;
  const channels = spatial ? (record.shape[2] ?? 1) : 1;
  const layerRange = rangeOf(record.data, { constantPad: 1 });
  const signed = layerRange[0] < 0;
  const sharedRange = signed ? symmetricRange(layerRange) : layerRange;
  const size = spatial ? Math.max(40, Math.min(84, 3 * (record.shape[0] ?? 28))) : 0;
  const shown = Math.min(channels, MAX_CHANNELS);
  return (
    <tr className={record.layerIndex === selectedLayer ? 'selected' : ''}>
      <th scope="row">
        {record.name}
        <div className="muted small">
          {label} · {formatShape(record.shape)}
        </div>
        {shared && <RangeLegend range={sharedRange} diverging={signed} />}
      </th>
      <td>
        {spatial ? (
          <div className="channel-grid">
            {Array.from({ length: shown }, (_, c) => {
              const values = channelOf(record.data, record.shape, c);
              const own = rangeOf(values, { constantPad: 1 });
              const range = shared ? sharedRange : signed ? symmetricRange(own) : own;
              const chosen = record.layerIndex === selectedLayer && c === selectedChannel;
              return (
                <button
                  key={c}
                  type="button"
                  className={`thumb ${chosen ? 'selected' : ''}`}
                  aria-pressed={chosen}
                  aria-label={`${record.name} channel ${c + 1}`}
                  data-testid="channel-thumb"
                  onClick={() => {
                    selectLayer(record.layerIndex);
                    selectUnit(c);
                  }}
                >
                  <ImageCanvas
                    values={values}
                    shape={{
                      height: record.shape[0] ?? 1,
                      width: record.shape[1] ?? 1,
                      channels: 1,
                    }}
                    size={size}
                    range={range}
                    diverging={signed}
                    label=""
                  />
                </button>
              );
            })}
            {channels > shown && (
              <span className="muted small">and {channels - shown} more channels</span>
            )}
          </div>
        ) : (
          <UnitStrip record={record} />
        )}
      </td>
    </tr>
  );
}

/** A dense layer's units as a strip of coloured cells with the range beside it. */
function UnitStrip({ record }: { readonly record: LayerValues }) {
  const n = record.shape[0] ?? 1;
  const range = rangeOf(record.data, { constantPad: 1 });
  const signed = range[0] < 0;
  const shown = signed ? symmetricRange(range) : range;
  return (
    <div className="unit-strip">
      <ImageCanvas
        values={record.data}
        shape={{ height: 1, width: n, channels: 1 }}
        size={Math.min(640, Math.max(120, n * 6))}
        range={shown}
        diverging={signed}
        label={`${record.name}: ${n} unit values from ${range[0].toFixed(2)} to ${range[1].toFixed(2)}`}
        className="strip-canvas"
      />
      <RangeLegend range={shown} diverging={signed} />
    </div>
  );
}

/** Every layer's output for the selected input, top to bottom. */
export function LayerMaps({
  records,
  labels,
  shared,
}: {
  readonly records: readonly LayerValues[];
  readonly labels: readonly string[];
  readonly shared: boolean;
}) {
  // The feature maps are the benchmark's first-picture moment (the rows' canvases are drawn by now).
  useEffect(() => {
    if (records.length > 0) markFirstPicture();
  }, [records]);
  return (
    <table className="layer-maps">
      <tbody>
        {records.map((r) => (
          <LayerRow
            key={r.layerIndex}
            record={r}
            label={labels[r.layerIndex] ?? ''}
            shared={shared}
          />
        ))}
      </tbody>
    </table>
  );
}
