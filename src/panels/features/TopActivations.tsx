import { useState } from 'react';
import { fieldOfUnit, type ReceptiveField } from '../../core/receptiveField';
import type { ImageSet } from '../../data/types';
import { useLabStore } from '../../state/store';
import type { ChannelResponse } from '../../state/trainingSlice';
import { ImageCanvas } from '../shared/ImageCanvas';

const SIZE = 96;

/** The test images that excite the chosen channel most, with the patch that did it outlined (Zeiler and Fergus). */
export function TopActivations({
  layerIndex,
  channel,
  field,
  test,
  layerName,
}: {
  readonly layerIndex: number;
  readonly channel: number;
  readonly field: ReceptiveField | null;
  readonly test: ImageSet;
  readonly layerName: string;
}) {
  const probes = useLabStore((s) => s.probes);
  const selectSample = useLabStore((s) => s.selectSample);
  const [found, setFound] = useState<{ key: string; items: ChannelResponse[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const key = `${layerIndex}/${channel}`;
  const size = test.height * test.width * test.channels;
  const find = async () => {
    if (!probes) return;
    setBusy(true);
    try {
      setFound({ key, items: await probes.topActivations(layerIndex, channel, 9) });
    } finally {
      setBusy(false);
    }
  };
  const items = found?.key === key ? found.items : null;
  return (
    <div>
      <button
        type="button"
        onClick={() => void find()}
        disabled={!probes || busy}
        data-testid="find-top"
      >
        {busy
          ? 'Searching the test split…'
          : `Find the test images that excite ${layerName} channel ${channel + 1} most`}
      </button>
      {items && (
        <div className="channel-grid top-activations" data-testid="top-activations">
          {items.map((item) => {
            const box = field ? fieldOfUnit(field, item.row, item.col) : null;
            const scale = SIZE / test.width;
            return (
              <button
                key={item.index}
                type="button"
                className="thumb top-image"
                aria-label={`test image ${item.index}, strongest response ${item.value.toFixed(2)}`}
                onClick={() => selectSample({ source: 'test', index: item.index })}
              >
                <ImageCanvas
                  values={test.images.subarray(item.index * size, (item.index + 1) * size)}
                  shape={{ height: test.height, width: test.width, channels: test.channels }}
                  size={SIZE}
                  label=""
                />
                {box && (
                  <span
                    className="field-box"
                    aria-hidden="true"
                    style={{
                      left: Math.max(0, box.left) * scale + 2,
                      top: Math.max(0, box.top) * scale + 2,
                      width:
                        (Math.min(test.width - 1, box.right) - Math.max(0, box.left) + 1) * scale,
                      height:
                        (Math.min(test.height - 1, box.bottom) - Math.max(0, box.top) + 1) * scale,
                    }}
                  />
                )}
                <span className="small">{item.value.toFixed(2)}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
