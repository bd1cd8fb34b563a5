import type { NetworkReport } from '../../core/analyze';
import type { InspectionData } from '../../core/inspection';
import { denseContextOf, denseLayersOf, denseUnitBreakdown } from '../../core/inspectionMaths';
import { useLabStore } from '../../state/store';
import { formatNumber } from '../../viz/maths/format';
import { denseActivationTex, denseSumTex, SHOWN_TERMS } from '../../viz/maths/formulas';
import { Agreement } from './Agreement';
import { SelectField } from '../shared/SelectField';
import { IndexInput } from './IndexInput';
import { layerChoicesOf } from './layerChoices';
import { Tex } from './Tex';

/** h = act(Wx + b) for the selected unit of a dense layer, with the selected input's numbers. */
export function DenseUnitCard({
  report,
  inspection,
}: {
  readonly report: NetworkReport;
  readonly inspection: InspectionData;
}) {
  const selectedLayer = useLabStore((s) => s.selectedLayer);
  const selectedChannel = useLabStore((s) => s.selectedChannel);
  const selectLayer = useLabStore((s) => s.selectLayer);
  const selectUnit = useLabStore((s) => s.selectUnit);
  const dense = denseLayersOf(report);
  const layerIndex = dense.includes(selectedLayer) ? selectedLayer : (dense[0] ?? -1);
  const ctx = layerIndex >= 0 ? denseContextOf(report, inspection, layerIndex) : null;
  if (!ctx) {
    return (
      <section className="card maths-card" aria-labelledby="maths-dense-title">
        <h2 id="maths-dense-title">A dense unit: h = act(Wx + b)</h2>
        <p>This network has no dense layer fed by another layer, so there is no unit to show.</p>
      </section>
    );
  }
  const unit = Math.min(selectedChannel, ctx.units - 1);
  const b = denseUnitBreakdown(ctx, inspection, unit);
  return (
    <section className="card maths-card" aria-labelledby="maths-dense-title">
      <h2 id="maths-dense-title">A dense unit: h = act(Wx + b)</h2>
      <div className="toolbar-row">
        <SelectField
          label="Layer"
          value={layerIndex}
          choices={layerChoicesOf(report, dense)}
          onChange={(i) => {
            selectLayer(i);
            selectUnit(0);
          }}
        />
        <IndexInput label="Unit j" value={unit} count={ctx.units} onChange={selectUnit} />
      </div>
      <p className="hint">
        Unit {unit} of <code>{ctx.name}</code> takes the {ctx.inputs} outputs x of{' '}
        <code>{ctx.inputName}</code>, multiplies each by its weight in column {unit} of the kernel W
        ({ctx.inputs}×{ctx.units}), adds them up with its bias, then applies {ctx.activation}. The{' '}
        {Math.min(SHOWN_TERMS, ctx.inputs)} largest products are written out.
      </p>
      <Tex display tex={denseSumTex(b)} testId="dense-sum" />
      <Tex display tex={denseActivationTex(b, ctx.activation)} testId="dense-activation" />
      {ctx.activation === 'relu' && (
        <p className="hint">
          {b.preActivation > 0
            ? `z is positive (${formatNumber(b.preActivation)}), so ReLU passes it through.`
            : `z is not positive (${formatNumber(b.preActivation)}), so ReLU outputs 0: the unit is off for this input.`}
        </p>
      )}
      <Agreement label={`h_${unit}`} ours={b.output} engine={b.engineOutput} testId="dense-check" />
    </section>
  );
}
