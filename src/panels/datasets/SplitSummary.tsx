import { countByClass } from '../../data/types';
import { RowTable } from '../shared/RowTable';
import type { SplitsProps } from './splits';

/** How many images each split holds, per class, as numbers and bars. */
export function SplitSummary({ train, test, classNames }: SplitsProps) {
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
      <RowTable
        className="counts-table"
        rows={classNames}
        rowKey={(name) => name}
        columns={[
          { heading: 'Class', cell: (name) => name },
          { heading: 'Train', cell: (_, i) => trainCounts[i] ?? 0, className: 'num' },
          { heading: 'Test', cell: (_, i) => testCounts[i] ?? 0, className: 'num' },
          {
            heading: <span className="visually-hidden">Training share</span>,
            cell: (_, i) => (
              <span
                className="bar"
                style={{ width: `${(100 * (trainCounts[i] ?? 0)) / largest}%` }}
                aria-hidden="true"
              />
            ),
          },
        ]}
      />
    </section>
  );
}
