import type { NetworkReport } from '../../core/analyze';
import { formatCompact, formatCount, formatReceptiveField } from '../../core/report';
import { formatShape } from '../../core/shape';

/** The network's totals at a glance: what a slide would quote. */
export function SummaryBar({ report }: { readonly report: NetworkReport }) {
  const last = report.layers[report.layers.length - 1];
  const conv = report.layers.filter((l) => l.type === 'conv2d').length;
  const dense = report.layers.filter((l) => l.type === 'dense').length;
  return (
    <section className="card summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" className="visually-hidden">
        Totals
      </h2>
      <dl>
        <div>
          <dt>Parameters</dt>
          <dd data-testid="summary-params">{formatCount(report.totalParams)}</dd>
          {report.frozenParams > 0 && (
            <dd className="muted" data-testid="summary-frozen">
              {formatCount(report.frozenParams)} frozen,{' '}
              {formatCount(report.totalParams - report.frozenParams)} trained
            </dd>
          )}
        </div>
        <div>
          <dt>Multiply-accumulates</dt>
          <dd>
            {formatCompact(report.totalMacs)} <span className="muted">per image</span>
          </dd>
        </div>
        <div>
          <dt>Layers</dt>
          <dd>
            {report.layers.length}{' '}
            <span className="muted">
              ({conv} conv, {dense} dense)
            </span>
          </dd>
        </div>
        <div>
          <dt>Output</dt>
          <dd>{report.outputShape ? formatShape(report.outputShape) : '?'}</dd>
        </div>
        <div>
          <dt>Receptive field of the last layer</dt>
          <dd>{formatReceptiveField(last?.receptiveField ?? null)}</dd>
        </div>
        <div>
          <dt>Problems</dt>
          <dd className={report.errors.length ? 'error-text' : ''} data-testid="summary-problems">
            {report.errors.length} error{report.errors.length === 1 ? '' : 's'},{' '}
            {report.warnings.length} warning
            {report.warnings.length === 1 ? '' : 's'}
          </dd>
        </div>
      </dl>
      {report.totalState > 0 && (
        <p className="muted">
          Batch normalisation also keeps {formatCount(report.totalState)} running statistics, which
          are state rather than trainable parameters.
        </p>
      )}
    </section>
  );
}
