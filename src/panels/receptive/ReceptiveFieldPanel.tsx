import { formatShape } from '../../core/shape';
import { useLabStore } from '../../state/store';
import { EffectiveField } from './EffectiveField';
import { InputField, LayerPath, signed as minus } from './FieldOnMaps';
import { GrowthChart } from './GrowthChart';
import { UnitPicker } from './UnitPicker';
import { useFieldSelection, type FieldSelection } from './useFieldSelection';
import './receptive.css';

/** The recursion's numbers for the chosen unit, e.g. top = −2 + 2·4 = 6. */
function FieldFormula({ sel }: { readonly sel: FieldSelection }) {
  const field = sel.layer?.receptiveField;
  const map = sel.inputMap;
  if (!field || !map) return null;
  const [sh, sw] = field.start;
  const [jh, jw] = field.jump;
  return (
    <p className="field-formula" data-testid="field-formula">
      {`Field ${field.size[0]}×${field.size[1]}, jump ${jh}×${jw}, start (${minus(sh)}, ${minus(sw)}): `}
      {`top = ${minus(sh)} + ${sel.unit.row}·${jh} = ${minus(map.rect.top)}, `}
      {`left = ${minus(sw)} + ${sel.unit.col}·${jw} = ${minus(map.rect.left)}, `}
      {`bottom = top + ${field.size[0]} − 1 = ${minus(map.rect.bottom)}, `}
      {`right = left + ${field.size[1]} − 1 = ${minus(map.rect.right)}.`}
    </p>
  );
}

/** Layer and channel choice for the unit whose field is shown. */
function Controls({ sel }: { readonly sel: FieldSelection }) {
  const selectLayer = useLabStore((s) => s.selectLayer);
  const selectUnit = useLabStore((s) => s.selectUnit);
  const requested = useLabStore((s) => s.selectedLayer);
  const layers = sel.report.layers;
  return (
    <div className="toolbar-row">
      <label className="stacked">
        Layer
        <select
          value={sel.layer?.index ?? ''}
          onChange={(e) => selectLayer(Number(e.target.value))}
          data-testid="receptive-layer"
        >
          {sel.spatial.map((i) => {
            const l = layers[i];
            if (!l) return null;
            return (
              <option key={i} value={i}>
                {i} · {l.name} ({formatShape(l.outputShape ?? [])}) field{' '}
                {l.receptiveField?.size[0]}
              </option>
            );
          })}
        </select>
      </label>
      <label className="stacked">
        Channel (0–{Math.max(0, sel.channels - 1)})
        <input
          type="number"
          min={0}
          max={Math.max(0, sel.channels - 1)}
          value={sel.channel}
          onChange={(e) => selectUnit(Number(e.target.value), sel.unit)}
        />
      </label>
      {sel.substituted && (
        <p className="edited-flag" role="note">
          Layer {requested} ({layers[requested]?.name ?? '?'}) has no feature map; showing{' '}
          {sel.layer?.name}.
        </p>
      )}
    </div>
  );
}

/** Receptive fields: pick a unit of any spatial layer and see which input pixels it sees, in theory and in effect. */
export function ReceptiveFieldPanel() {
  const sel = useFieldSelection();
  const { layer, mapSize, inputMap } = sel;
  return (
    <section className="panel receptive-panel" aria-labelledby="receptive-title">
      <h1 id="receptive-title">Receptive fields</h1>
      <p className="lead">
        A unit deep in a network looks at a patch of the input: its receptive field. Each K×K layer
        widens it by K − 1 units of the layer before, and every stride or pooling step makes those
        units further apart on the input.
      </p>
      {layer && mapSize && inputMap ? (
        <>
          <section className="card panel-main-figure" aria-labelledby="unit-heading">
            <h2 id="unit-heading">
              Unit (row {sel.unit.row}, column {sel.unit.col}) of {layer.name}
            </h2>
            <Controls sel={sel} />
            <FieldFormula sel={sel} />
            <div className="receptive-figures">
              <UnitPicker key={layer.index} sel={sel} size={mapSize} />
              <InputField map={inputMap} />
              <EffectiveField sel={sel} />
            </div>
          </section>
          <section className="card" aria-labelledby="path-heading">
            <h2 id="path-heading">Traced back through the layers</h2>
            <p className="small muted">
              In each map the marked units are the ones that feed the chosen unit, found by running
              every layer’s window backwards; hatched positions are zero padding.
            </p>
            <LayerPath maps={sel.scene} />
          </section>
        </>
      ) : (
        <section className="card" aria-labelledby="unit-heading">
          <h2 id="unit-heading">No feature maps</h2>
          <p>
            {sel.report.ok
              ? 'This network has no layer with a feature map (it flattens the image first), so every unit sees the whole image. Load one of the examples below or a CNN in the architecture panel.'
              : 'The network has errors, so its receptive fields cannot be worked out. Fix it in the architecture panel.'}
          </p>
        </section>
      )}
      <GrowthChart report={sel.report} selected={layer?.index ?? -2} />
    </section>
  );
}
