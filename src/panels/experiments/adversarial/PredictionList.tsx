import { topClasses } from '../../../core/adversarial';
import { percent } from './adversarialSettings';

/** The three most probable classes of one prediction, most probable first. */
export function PredictionList({
  title,
  probabilities,
  classNames,
  testId,
}: {
  readonly title: string;
  readonly probabilities: Float32Array;
  readonly classNames: readonly string[];
  readonly testId: string;
}) {
  const top = topClasses(probabilities, 3);
  const best = top[0];
  return (
    <div className="adv-prediction" data-testid={testId} data-class={best?.index}>
      <h3>{title}</h3>
      <table className="prob-table">
        <tbody>
          {top.map((t, i) => (
            <tr key={t.index} className={i === 0 ? 'best' : ''}>
              <th scope="row">{classNames[t.index] ?? t.index}</th>
              <td>
                <span
                  className="prob-bar"
                  style={{ width: `${Math.max(0.5, t.probability * 100)}%` }}
                  aria-hidden="true"
                />
              </td>
              <td className="num">{percent(t.probability)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
