import type { LayerReport, NetworkReport } from '../../core/analyze';
import type { InspectionData, LayerValues } from '../../core/inspection';
import type { PassStage } from '../../state/passStage';
import type { SelectedInput } from '../../state/selectedInput';
import { operationName, operationOf } from '../../viz/network/operations';
import { BackwardDetail } from './BackwardDetail';
import { TensorView } from './TensorView';

interface Props {
  readonly report: NetworkReport;
  readonly inspection: InspectionData;
  readonly stage: PassStage;
  readonly input: SelectedInput;
}

/** The output of the layer feeding `layer`, or null when it reads the network input. */
function inputRecord(
  report: NetworkReport,
  inspection: InspectionData,
  layer: LayerReport,
): LayerValues | null {
  const name = layer.inputNames[0];
  const from = report.layers.find((l) => l.name === name);
  if (!from) return null;
  return inspection.activations.find((a) => a.layerIndex === from.index) ?? null;
}

/** One layer's output as the stage shows it, at double size. */
function ActivationView({
  record,
  label,
}: {
  readonly record: LayerValues;
  readonly label: string;
}) {
  return (
    <TensorView shape={record.shape} data={record.data} kind="activation" label={label} zoom={2} />
  );
}

/** The active stage: the operation named, its formulas, and its input and output side by side. */
export function StageDetail({ report, inspection, stage, input }: Props) {
  const layer = report.layers[stage.layer];
  if (!layer) return null;
  const op = operationOf(layer);
  const before = inputRecord(report, inspection, layer);
  const output = inspection.activations.find((a) => a.layerIndex === layer.index);
  const image = input.ok ? input.image : null;
  const formulas = stage.pass === 'f' ? op.forward : op.backward;
  return (
    <section className="card pass-detail" aria-labelledby="stage-heading" aria-live="polite">
      <h2 id="stage-heading">
        {stage.pass === 'f' ? 'Forward' : 'Backward'} · layer {layer.index + 1} of{' '}
        {report.layers.length}: {layer.name}
      </h2>
      <p className="stage-op">
        Operation: <strong data-testid="stage-op">{operationName(op)}</strong>
      </p>
      {formulas.length > 0 && (
        <ul className="formulas" aria-label="Formulas">
          {formulas.map((f) => (
            <li key={f}>
              <code>{f}</code>
            </li>
          ))}
        </ul>
      )}
      {stage.pass === 'f' ? (
        <div className="side-by-side pass-detail-grid">
          <figure>
            <figcaption>Input · {before ? before.name : 'the selected image'}</figcaption>
            {before ? (
              <ActivationView record={before} label={`input ${before.name}`} />
            ) : image ? (
              <TensorView
                shape={[image.height, image.width, image.channels]}
                data={image.pixels}
                kind="activation"
                label={`input: ${image.description}`}
                maxThumbs={3}
                zoom={2}
              />
            ) : (
              <p className="muted">{input.ok ? '' : input.reason}</p>
            )}
          </figure>
          <span className="pass-arrow" aria-hidden="true">
            →
          </span>
          <figure>
            <figcaption>Output · {layer.name}</figcaption>
            {output && <ActivationView record={output} label={`output ${layer.name}`} />}
          </figure>
        </div>
      ) : (
        <BackwardDetail layer={layer} inspection={inspection} input={before} />
      )}
    </section>
  );
}
