import { useState } from 'react';
import type { ImageSet } from '../../data/types';
import { useLabStore } from '../../state/store';
import { cellColor, cellTextColor, perClassAccuracy } from '../../viz/training/confusion';
import { ActionButton } from '../shared/ActionButton';
import { ImageCanvas } from '../shared/ImageCanvas';

const MAX_SHOWN = 60;

/** Where the test images went: rows are true classes, columns predictions; click a cell to see its images. */
export function ConfusionMatrix({
  test,
  classNames,
}: {
  readonly test: ImageSet;
  readonly classNames: readonly string[];
}) {
  const result = useLabStore((s) => s.run.test);
  const selectSample = useLabStore((s) => s.selectSample);
  const [cell, setCell] = useState<[number, number] | null>(null);
  const perClass = result ? perClassAccuracy(result.confusion) : [];
  const size = test.height * test.width * test.channels;
  const shown: number[] = [];
  if (result && cell) {
    for (let i = 0; i < test.count && shown.length < MAX_SHOWN; i++) {
      if (test.labels[i] === cell[0] && result.predictions[i] === cell[1]) shown.push(i);
    }
  }
  return (
    <section className="card confusion" aria-labelledby="confusion-heading">
      <div className="card-heading">
        <h2 id="confusion-heading">Test split: confusion matrix</h2>
        <ActionButton action="training.evaluate-test" testId="evaluate-test">
          Evaluate on the test split
        </ActionButton>
      </div>
      {!result ? (
        <p className="muted">Evaluate to see which classes the network mixes up.</p>
      ) : (
        <>
          <p>
            Test accuracy{' '}
            <strong data-testid="test-accuracy">{(result.accuracy * 100).toFixed(2)}%</strong>, loss{' '}
            {result.loss.toFixed(3)}, after step {result.step.toLocaleString('en-US')}.
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Confusion matrix">
            <table className="confusion-table">
              <thead>
                <tr>
                  <th scope="col">true ↓ / predicted →</th>
                  {classNames.map((n) => (
                    <th key={n} scope="col">
                      {n}
                    </th>
                  ))}
                  <th scope="col">Class accuracy</th>
                </tr>
              </thead>
              <tbody>
                {result.confusion.map((row, t) => {
                  const total = row.reduce((a, b) => a + b, 0);
                  return (
                    <tr key={t}>
                      <th scope="row">{classNames[t] ?? t}</th>
                      {row.map((count, p) => (
                        <td
                          key={p}
                          style={{
                            background: cellColor(count, total),
                            color: cellTextColor(count, total),
                          }}
                        >
                          <button
                            type="button"
                            className={`cell-button ${cell?.[0] === t && cell[1] === p ? 'chosen' : ''}`}
                            aria-label={`${count} ${classNames[t] ?? t} images predicted as ${classNames[p] ?? p}`}
                            onClick={() => setCell([t, p])}
                            disabled={count === 0}
                          >
                            {count}
                          </button>
                        </td>
                      ))}
                      <td className="num">
                        {perClass[t] === null ? '—' : `${((perClass[t] ?? 0) * 100).toFixed(1)}%`}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {cell && (
            <div className="cell-images">
              <p>
                {shown.length} {classNames[cell[0]]} image(s) predicted as {classNames[cell[1]]}
                {shown.length === MAX_SHOWN ? ' (first 60)' : ''}. Click one to make it the selected
                input.
              </p>
              <div className="aug-grid">
                {shown.map((i) => (
                  <button
                    key={i}
                    type="button"
                    className="thumb"
                    aria-label={`test image ${i}`}
                    onClick={() => selectSample({ source: 'test', index: i })}
                  >
                    <ImageCanvas
                      values={test.images.subarray(i * size, (i + 1) * size)}
                      shape={{ height: test.height, width: test.width, channels: test.channels }}
                      size={48}
                      label=""
                    />
                  </button>
                ))}
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
