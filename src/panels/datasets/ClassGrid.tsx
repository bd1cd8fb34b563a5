import { useState } from 'react';
import type { ImageSet } from '../../data/types';
import type { SampleRef } from '../../state/dataCodecs';
import { useLabStore } from '../../state/store';
import { ImageCanvas } from '../shared/ImageCanvas';
import type { SplitsProps } from './splits';

const PER_CLASS = 12;

/** The first `n` indices of each class in a split, in file order. */
function firstOfEachClass(set: ImageSet, n: number): number[][] {
  const rows: number[][] = Array.from({ length: set.classCount }, () => []);
  for (let i = 0; i < set.count; i++) {
    const row = rows[set.labels[i] ?? 0];
    if (row && row.length < n) row.push(i);
  }
  return rows;
}

/** Real images, a row per class; clicking one makes it the lab's selected input. */
export function ClassGrid({ train, test, classNames }: SplitsProps) {
  const [split, setSplit] = useState<'train' | 'test'>('test');
  const sample = useLabStore((s) => s.sample);
  const selectSample = useLabStore((s) => s.selectSample);
  const set = split === 'train' ? train : test;
  const size = set.height * set.width * set.channels;
  const shape = { height: set.height, width: set.width, channels: set.channels };
  const isSelected = (ref: SampleRef, index: number) => ref.source === split && ref.index === index;
  return (
    <section className="card class-grid" aria-labelledby="grid-heading">
      <div className="card-heading">
        <h2 id="grid-heading">Images by class</h2>
        <div role="radiogroup" aria-label="Split" className="segmented">
          {(['test', 'train'] as const).map((s) => (
            <label key={s}>
              <input
                type="radio"
                name="grid-split"
                checked={split === s}
                onChange={() => setSplit(s)}
              />
              {s === 'train' ? 'Training split' : 'Test split'}
            </label>
          ))}
        </div>
      </div>
      <p className="muted hint">Click an image to make it the selected input for every panel.</p>
      <table className="grid-table">
        <tbody>
          {firstOfEachClass(set, PER_CLASS).map((indices, label) => (
            <tr key={label}>
              <th scope="row">{classNames[label] ?? label}</th>
              <td>
                {indices.map((index) => (
                  <button
                    key={index}
                    type="button"
                    className={`thumb ${isSelected(sample, index) ? 'selected' : ''}`}
                    aria-label={`${classNames[label] ?? label}, ${split} image ${index}`}
                    aria-pressed={isSelected(sample, index)}
                    data-testid="dataset-thumb"
                    onClick={() => selectSample({ source: split, index })}
                  >
                    <ImageCanvas
                      values={set.images.subarray(index * size, (index + 1) * size)}
                      shape={shape}
                      size={44}
                      label=""
                    />
                  </button>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
