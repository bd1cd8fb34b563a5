import { selectInputImage } from '../../state/selectedInput';
import { useLabStore } from '../../state/store';
import { ImageCanvas } from '../shared/ImageCanvas';

/** The network's softmax output for the selected input, one bar per class. */
export function PredictionBars({ classNames }: { readonly classNames: readonly string[] }) {
  const probabilities = useLabStore((s) => s.run.probabilities);
  const selected = useLabStore(selectInputImage);
  const best = probabilities ? probabilities.indexOf(Math.max(...probabilities)) : -1;
  const label = selected.ok ? selected.image.label : null;
  return (
    <section className="card prediction" aria-labelledby="prediction-heading">
      <h2 id="prediction-heading">Prediction for the selected input</h2>
      {selected.ok ? (
        <div className="side-by-side">
          <figure>
            <ImageCanvas
              values={selected.image.pixels}
              shape={{
                height: selected.image.height,
                width: selected.image.width,
                channels: selected.image.channels,
              }}
              size={96}
              label={`The selected input, ${selected.image.description}`}
            />
            <figcaption>
              {label === null ? 'your own image' : `true class: ${classNames[label] ?? label}`}
            </figcaption>
          </figure>
          {probabilities ? (
            <table className="prob-table" data-testid="prediction-bars">
              <tbody>
                {probabilities.map((p, i) => (
                  <tr key={i} className={i === best ? 'best' : ''}>
                    <th scope="row">{classNames[i] ?? i}</th>
                    <td>
                      <span
                        className="prob-bar"
                        style={{ width: `${Math.max(0.5, p * 100)}%` }}
                        aria-hidden="true"
                      />
                    </td>
                    <td className="num">{(p * 100).toFixed(1)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>Train a step or load trained weights to see the network’s answer.</p>
          )}
        </div>
      ) : (
        <p>{selected.reason}</p>
      )}
    </section>
  );
}
