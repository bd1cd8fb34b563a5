import { settingsDiff, type KeptRun } from '../../state/runCompare';
import { runColourOf } from '../../viz/training/runOverlay';

/** The settings that differ between the compared runs, and only those. */
export function RunDifferences({ runs }: { readonly runs: readonly KeptRun[] }) {
  const differences = settingsDiff(runs.map((r) => r.run));
  return (
    <section className="run-differences" aria-labelledby="run-differences-heading">
      <h3 id="run-differences-heading">How they differ</h3>
      {differences.length === 0 ? (
        <p className="small" data-testid="run-differences-none">
          The compared runs have the same settings: any difference in their curves comes from where
          they started or how long they trained.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="run-diff-table" data-testid="run-differences">
            <thead>
              <tr>
                <th scope="col">Setting</th>
                {runs.map((r, i) => (
                  <th scope="col" key={r.id}>
                    <span
                      className="swatch"
                      style={{ background: runColourOf(i) }}
                      aria-hidden="true"
                    />
                    {r.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {differences.map((d) => (
                <tr key={d.key} data-setting={d.key}>
                  <th scope="row">{d.label}</th>
                  {d.values.map((v, i) => (
                    <td key={runs[i]?.id ?? i}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
