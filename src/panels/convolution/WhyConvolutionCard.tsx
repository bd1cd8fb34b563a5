import { useState } from 'react';
import {
  connectivityProblems,
  convolutionalParams,
  convolutionalUnits,
  DECK_QUESTION,
  fullyConnectedParams,
  locallyConnectedParams,
  type ConnectivityQuestion,
} from '../../core/whyConvolution';
import { formatCount, formatCountInWords } from '../../viz/convolution/format';

type NumberKey = Exclude<keyof ConnectivityQuestion, 'includeBiases'>;

const FIELDS: readonly { key: NumberKey; label: string }[] = [
  { key: 'imageHeight', label: 'Image height' },
  { key: 'imageWidth', label: 'Image width' },
  { key: 'channels', label: 'Channels' },
  { key: 'hiddenUnits', label: 'Hidden units' },
  { key: 'field', label: 'Field / filter size' },
  { key: 'filters', label: 'Filters' },
];

/** Fully connected vs locally connected vs convolutional: the parameters each needs, side by side. */
export function WhyConvolutionCard() {
  const [q, setQ] = useState<ConnectivityQuestion>(DECK_QUESTION);
  const problems = connectivityProblems(q);
  const { imageHeight: H, imageWidth: W, channels: C, hiddenUnits: N, field: F, filters: K } = q;
  const b = q.includeBiases;
  const rows =
    problems.length > 0
      ? []
      : [
          {
            id: 'fc',
            title: 'Fully connected',
            count: fullyConnectedParams(q),
            formula: `H·W·C·N${b ? ' + N' : ''} = ${H}·${W}·${C}·${formatCount(N)}${b ? ` + ${formatCount(N)}` : ''}`,
            why: `Every hidden unit has its own weight for every pixel.${fullyConnectedParams(q) === 1_600_000_000 ? ' The decks round this to “~2B”.' : ''}`,
          },
          {
            id: 'lc',
            title: `Locally connected, ${F}×${F} fields`,
            count: locallyConnectedParams(q),
            formula: `N·F·F·C${b ? ' + N' : ''} = ${formatCount(N)}·${F}·${F}·${C}${b ? ` + ${formatCount(N)}` : ''}`,
            why: 'Each unit sees only a small patch (correlations in images are local), but every unit still has its own weights.',
          },
          {
            id: 'conv',
            title: `Convolutional, ${K} filters of ${F}×${F}`,
            count: convolutionalParams(q),
            formula: `K·F·F·C${b ? ' + K' : ''} = ${K}·${F}·${F}·${C}${b ? ` + ${K}` : ''}`,
            why: `Every position shares the same ${K} filters (image statistics are similar everywhere), yet the layer still has ${formatCount(convolutionalUnits(q))} hidden units: ${K} maps of ${H}×${W}.`,
          },
        ];
  const largest = Math.max(...rows.map((r) => r.count), 10);
  return (
    <section className="card why-conv" aria-labelledby="why-conv-heading">
      <h2 id="why-conv-heading">Why convolution: counting parameters</h2>
      <p className="explain">
        Three ways to connect an image to a layer of hidden units. Biases are left out by default,
        as the lecture decks count them.
      </p>
      <div className="conv-fields">
        {FIELDS.map(({ key, label }) => (
          <label key={key} className="stacked conv-field">
            {label}
            <input
              type="number"
              min={1}
              value={q[key]}
              data-testid={`why-${key}`}
              onChange={(e) => setQ({ ...q, [key]: e.target.valueAsNumber })}
            />
          </label>
        ))}
        <label className="checkbox-field">
          <input
            type="checkbox"
            checked={q.includeBiases}
            onChange={(e) => setQ({ ...q, includeBiases: e.target.checked })}
          />
          Count biases too
        </label>
        <button type="button" onClick={() => setQ(DECK_QUESTION)}>
          The decks’ 200×200 example
        </button>
      </div>
      {problems.map((p) => (
        <p key={p} role="alert" className="error-text">
          {p}
        </p>
      ))}
      <div className="why-grid">
        {rows.map((row) => (
          <div key={row.id} className="why-column" data-testid={`why-${row.id}`}>
            <h3>{row.title}</h3>
            <p className="big-number">
              <strong data-testid={`why-${row.id}-count`}>{formatCount(row.count)}</strong>
            </p>
            <p className="muted">≈ {formatCountInWords(row.count)} parameters</p>
            <div className="log-bar" aria-hidden="true">
              <span
                style={{
                  width: `${(100 * Math.log10(Math.max(row.count, 1))) / Math.log10(largest)}%`,
                }}
              />
            </div>
            <p>
              <code>{row.formula}</code>
            </p>
            <p className="small">{row.why}</p>
          </div>
        ))}
      </div>
      {rows.length > 0 && (
        <p className="small muted">
          The bars use a logarithmic scale (equal steps in length are equal factors), or the
          convolutional one would not be visible at all.
        </p>
      )}
    </section>
  );
}
