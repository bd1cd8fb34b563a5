import { countByClass, type ImageSet } from '../../data/types';

/** How many images each split holds, per class, as numbers and bars. */
export function SplitSummary({
  train,
  test,
  classNames,
}: {
  readonly train: ImageSet;
  readonly test: ImageSet;
  readonly classNames: readonly string[];
}) {
  const trainCounts = countByClass(train.labels, train.classCount);
  const testCounts = countByClass(test.labels, test.classCount);
  const largest = Math.max(1, ...trainCounts);
  return (
    <section className="card split-summary" aria-labelledby="splits-heading">
      <h2 id="splits-heading">Splits</h2>
      <p>
        <strong>{train.count.toLocaleString('en-US')}</strong> training images (the network learns
        from these; a validation part is held back from them while training) and{' '}
        <strong>{test.count.toLocaleString('en-US')}</strong> test images (only for measuring, never
        for learning).
      </p>
      <table className="counts-table">
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Train</th>
            <th scope="col">Test</th>
            <th scope="col">
              <span className="visually-hidden">Training share</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {classNames.map((name, i) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td className="num">{trainCounts[i] ?? 0}</td>
              <td className="num">{testCounts[i] ?? 0}</td>
              <td>
                <span
                  className="bar"
                  style={{ width: `${(100 * (trainCounts[i] ?? 0)) / largest}%` }}
                  aria-hidden="true"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
