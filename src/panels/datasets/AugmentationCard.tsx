import { useMemo } from 'react';
import { createRandom } from '../../core/random';
import { augmentImage, type AugmentationConfig } from '../../data/augment';
import { selectInputImage } from '../../state/selectedInput';
import { useLabStore } from '../../state/store';
import { ImageCanvas } from '../shared/ImageCanvas';
import { NumberField, RangeField } from '../shared/NumberField';

const COPIES = 8;

interface Control {
  readonly key: keyof AugmentationConfig;
  readonly label: string;
  readonly max: number;
  readonly step: number;
  readonly unit: string;
}

const CONTROLS: readonly Control[] = [
  { key: 'shift', label: 'Shift', max: 6, step: 1, unit: ' px' },
  { key: 'rotation', label: 'Rotation', max: 30, step: 1, unit: '°' },
  { key: 'scale', label: 'Scale', max: 0.3, step: 0.05, unit: '' },
  { key: 'brightness', label: 'Brightness', max: 0.4, step: 0.05, unit: '' },
  { key: 'noise', label: 'Noise (std)', max: 0.3, step: 0.02, unit: '' },
];

/** The selected image under the chosen augmentations, drawn from the lab's seed. */
export function AugmentationCard() {
  const config = useLabStore((s) => s.augmentation);
  const setConfig = useLabStore((s) => s.setAugmentation);
  const seed = useLabStore((s) => s.seed);
  const setSeed = useLabStore((s) => s.setSeed);
  const selected = useLabStore(selectInputImage);
  const copies = useMemo(() => {
    if (!selected.ok) return [];
    const { pixels, height, width, channels } = selected.image;
    const random = createRandom(seed).fork('augmentation preview');
    return Array.from({ length: COPIES }, () =>
      augmentImage(pixels, { height, width, channels }, config, random),
    );
  }, [selected, config, seed]);
  const set = (key: keyof AugmentationConfig, value: number | boolean) =>
    setConfig({ ...config, [key]: value });
  return (
    <section className="card augmentation" aria-labelledby="aug-heading">
      <h2 id="aug-heading">Augmentation</h2>
      <p className="muted hint">
        While training, each image is shown slightly changed, so the network learns the object
        rather than its exact pixels. These are {COPIES} draws for the selected input.
      </p>
      <div className="aug-controls">
        <label className="field">
          <input
            type="checkbox"
            checked={config.flip}
            onChange={(e) => set('flip', e.target.checked)}
          />
          Horizontal flip
        </label>
        {CONTROLS.map((c) => (
          <RangeField
            key={c.key}
            className="field slider"
            label={c.label}
            min={0}
            max={c.max}
            step={c.step}
            value={config[c.key] as number}
            onChange={(v) => set(c.key, v)}
          >
            <output>
              {String(config[c.key])}
              {c.unit}
            </output>
          </RangeField>
        ))}
        <NumberField
          className="field"
          label="Seed"
          min={0}
          value={seed}
          emptyAs={0}
          onChange={setSeed}
          inputClassName="seed-input"
        />
        <button type="button" onClick={() => setSeed(seed + 1)} data-testid="new-seed">
          New seed
        </button>
      </div>
      {selected.ok ? (
        <div className="aug-grid" data-testid="augmentation-preview">
          {copies.map((pixels, i) => (
            <ImageCanvas
              key={i}
              values={pixels}
              shape={{
                height: selected.image.height,
                width: selected.image.width,
                channels: selected.image.channels,
              }}
              size={84}
              label={`Augmented copy ${i + 1}`}
            />
          ))}
        </div>
      ) : (
        <p>{selected.reason}</p>
      )}
    </section>
  );
}
