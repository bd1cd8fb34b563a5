import type { NetworkReport } from '../../core/analyze';
import { choicesOf, type Choice } from '../shared/choices';

/** The given layers as choices of a list, each shown by its name (its index when it has none). */
export function layerChoicesOf(report: NetworkReport, layers: readonly number[]): Choice<number>[] {
  return choicesOf(layers, (l) => report.layers[l]?.name ?? String(l));
}
