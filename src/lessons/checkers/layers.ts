import type { LayerReport, NetworkReport } from '../../core/analyze';
import { formatDiagnostic } from '../../core/diagnostics';

/** How a layer parameter reads in a task: index 0 is "layer 1" (people count from 1), −1 "the last layer". */
export function layerWords(ref: number | string | undefined): string {
  if (typeof ref === 'string') return ref;
  if (ref === undefined) return 'the network';
  if (ref === -1) return 'the last layer';
  return ref < 0 ? `the layer ${-ref} from the end` : `layer ${ref + 1}`;
}

/** A layer as feedback names it: "conv2d_1 (layer 1)". */
export const layerName = (layer: LayerReport): string => `${layer.name} (layer ${layer.index + 1})`;

/**
 * The layer a parameter points at, or what to tell the learner when there is none: a
 * network with errors has no shapes to check, and a name or index may not exist (yet).
 */
export function layerOf(
  report: NetworkReport,
  ref: number | string | undefined,
): { layer: LayerReport } | { missing: string } {
  if (report.errors.length > 0) {
    const first = report.errors[0];
    return {
      missing: `The network has ${report.errors.length === 1 ? 'an error' : `${report.errors.length} errors`}, so its shapes cannot be worked out${first ? `: ${formatDiagnostic(first)}` : ''}.`,
    };
  }
  const layers = report.layers;
  if (typeof ref === 'string') {
    const layer = layers.find((l) => l.name === ref);
    return layer
      ? { layer }
      : {
          missing: `The network has no layer called ${ref}; its layers are ${layers.map((l) => l.name).join(', ') || 'none'}.`,
        };
  }
  const index = ref === undefined ? layers.length - 1 : ref < 0 ? layers.length + ref : ref;
  const layer = layers[index];
  return layer
    ? { layer }
    : {
        missing: `The network has ${layers.length} layer${layers.length === 1 ? '' : 's'}, so ${layerWords(ref)} does not exist.`,
      };
}
