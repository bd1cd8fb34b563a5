import { useMemo } from 'react';
import type { LayerReport, NetworkReport } from '../../core/analyze';
import type { Pair } from '../../core/shape';
import { selectReport, useLabStore } from '../../state/store';
import { INPUT_INDEX, mapSizeOf, spatialLayerIndices } from '../../viz/receptive/feeding';
import { clampUnit, fieldScene, type FieldMap } from '../../viz/receptive/scene';

/** The layer, channel and unit the panel shows, made valid for the current network. */
export interface FieldSelection {
  readonly report: NetworkReport;
  /** Every layer with a feature map, in order. */
  readonly spatial: readonly number[];
  /** The layer shown: the selected one, or the nearest spatial layer before it. */
  readonly layer: LayerReport | null;
  /** True when the selected layer has no feature map and another is shown instead. */
  readonly substituted: boolean;
  readonly mapSize: Pair | null;
  readonly channels: number;
  readonly channel: number;
  readonly unit: { readonly row: number; readonly col: number };
  /** The input and every feature map on the way, with the units feeding the chosen unit. */
  readonly scene: readonly FieldMap[];
  readonly inputMap: FieldMap | null;
}

/** Picks the layer to show: the selected one when it has a feature map, else the last one before it, else the first. */
export function shownLayerIndex(spatial: readonly number[], selected: number): number | null {
  if (spatial.includes(selected)) return selected;
  const before = spatial.filter((i) => i < selected);
  return before.at(-1) ?? spatial[0] ?? null;
}

/** The panel's view of the store's layer, channel and unit. */
export function useFieldSelection(): FieldSelection {
  const report = useLabStore(selectReport);
  const selectedLayer = useLabStore((s) => s.selectedLayer);
  const selectedChannel = useLabStore((s) => s.selectedChannel);
  const selectedUnit = useLabStore((s) => s.selectedUnit);
  return useMemo(() => {
    const spatial = spatialLayerIndices(report);
    const index = shownLayerIndex(spatial, selectedLayer);
    const layer = index === null ? null : (report.layers[index] ?? null);
    const mapSize = mapSizeOf(layer ?? undefined);
    const channels = layer?.outputShape?.[2] ?? 0;
    const channel = Math.max(0, Math.min(selectedChannel, channels - 1));
    const unit = mapSize ? clampUnit(selectedUnit, mapSize) : { row: 0, col: 0 };
    const scene = layer && mapSize ? fieldScene(report, layer.index, unit) : [];
    return {
      report,
      spatial,
      layer,
      substituted: layer !== null && layer.index !== selectedLayer,
      mapSize,
      channels,
      channel,
      unit,
      scene,
      inputMap: scene.find((m) => m.key === INPUT_INDEX) ?? null,
    };
  }, [report, selectedLayer, selectedChannel, selectedUnit]);
}
