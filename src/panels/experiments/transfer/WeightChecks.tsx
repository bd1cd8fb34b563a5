import { TRANSFER_RUNS, type WeightChange } from '../../../core/transfer';

const label = (run: WeightChange['run']) => TRANSFER_RUNS.find((r) => r.id === run)?.label ?? run;
/** A change as the check shows it: exactly 0, or in scientific notation. */
const changeText = (v: number) => (v === 0 ? '0' : v.toExponential(2));

/**
 * The proof that freezing holds: max |Δw| of each layer's weights between the start and the
 * end of each run, computed in the worker from the weights themselves. A frozen layer shows
 * exactly 0; the layers that trained show how far they moved.
 */
export function WeightChecks({ changes }: { readonly changes: readonly WeightChange[] }) {
  const conv1 = changes.find((c) => c.run === 'fine-tuned' && c.layer === 'conv2d_1');
  const scratch = changes.find((c) => c.run === 'scratch' && c.layer === 'conv2d_1');
  const head = changes.filter((c) => c.run === 'fine-tuned' && !c.frozen);
  const headChange = Math.max(0, ...head.map((c) => c.maxChange));
  return (
    <section className="card tl-checks" aria-labelledby="tl-checks-heading">
      <h2 id="tl-checks-heading">Did the frozen layers stay frozen?</h2>
      {conv1 && (
        <p
          className={conv1.maxChange === 0 ? 'tl-ok' : 'tl-bad'}
          data-testid="transfer-conv1-check"
          data-max-change={conv1.maxChange}
        >
          {conv1.maxChange === 0 ? '✓' : '✗'} conv1 filters unchanged by fine-tuning: max |Δw| ={' '}
          {changeText(conv1.maxChange)}
        </p>
      )}
      <p data-testid="transfer-head-check" data-max-change={headChange}>
        The dense head trained: its weights moved by up to max |Δw| = {changeText(headChange)}.
      </p>
      {scratch && (
        <p>From scratch, conv1 is trained too: max |Δw| = {changeText(scratch.maxChange)}.</p>
      )}
      <details>
        <summary>Every layer, both runs</summary>
        <table className="tl-table">
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Layer</th>
              <th scope="col">Frozen</th>
              <th scope="col">max |Δw|</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.run}/${c.layer}`}>
                <th scope="row">{label(c.run)}</th>
                <td>{c.layer}</td>
                <td>{c.frozen ? 'yes' : 'no'}</td>
                <td>{changeText(c.maxChange)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
