import { isActivation, type Activation } from '../../core/activations';
import type { NetworkReport } from '../../core/analyze';
import type { LayerDocument } from '../../core/network';
import { layerDefinitionOf } from '../../core/registry';
import { useLabStore } from '../../state/store';
import { ActivationPlot } from '../shared/ActivationPlot';

/** The activation a layer document picks: its `activation` field (or `fn`), default filled in. */
export function chosenActivationOf(layer: LayerDocument | undefined): Activation | null {
  if (!layer) return null;
  const field = layerDefinitionOf(layer.type)?.fields.find((f) => f.kind === 'activation');
  if (!field) return null;
  const value = layer[field.name] ?? field.default;
  return isActivation(value) ? value : null;
}

/**
 * f and f′ of the selected layer's activation, beside the layer table where it is picked:
 * choosing a row's activation selects that row, so the plot follows the menu.
 */
export function SelectedActivation({ report }: { readonly report: NetworkReport }) {
  const layers = useLabStore((s) => (Array.isArray(s.network.layers) ? s.network.layers : []));
  const selected = useLabStore((s) => s.selectedLayer);
  const fn = chosenActivationOf(layers[selected]);
  return (
    <section className="card activation-card" aria-labelledby="activation-heading">
      <h2 id="activation-heading">Activation of the selected layer</h2>
      {fn ? (
        <ActivationPlot
          fn={fn}
          title={`Layer ${selected + 1} ${report.layers[selected]?.name ?? ''}`.trim()}
        />
      ) : (
        <p className="muted">
          Layer {selected + 1} ({layers[selected]?.type ?? 'none'}) picks no activation; select a
          convolution, dense or activation layer to see its f and f′.
        </p>
      )}
    </section>
  );
}
