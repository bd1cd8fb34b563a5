/**
 * The network view's animation: a forward pass through every layer, then a backward
 * pass from the loss back to the first layer. Stages are numbered 0 … 2n − 1.
 */
export interface Stage {
  readonly pass: 'f' | 'b';
  readonly layer: number;
}

/** Number of stages for n layers: n forward, n backward. */
export const stageCount = (layers: number): number => 2 * Math.max(0, layers);

/** Position of a stage in the animation, clamped to the network's layers. */
export function stageIndex(stage: Stage, layers: number): number {
  if (layers <= 0) return 0;
  const layer = Math.max(0, Math.min(layers - 1, Math.trunc(stage.layer) || 0));
  return stage.pass === 'f' ? layer : 2 * layers - 1 - layer;
}

/** The stage at a position (clamped to the first and last). */
export function stageAt(index: number, layers: number): Stage {
  if (layers <= 0) return { pass: 'f', layer: 0 };
  const i = Math.max(0, Math.min(stageCount(layers) - 1, Math.trunc(index) || 0));
  return i < layers ? { pass: 'f', layer: i } : { pass: 'b', layer: 2 * layers - 1 - i };
}

/** One step forward or back through the animation; null at either end. */
export function stepStage(stage: Stage, layers: number, delta: 1 | -1): Stage | null {
  const i = stageIndex(stage, layers) + delta;
  return i < 0 || i >= stageCount(layers) ? null : stageAt(i, layers);
}

/** Delay between stages while playing, in milliseconds, for each speed the control offers. */
export const SPEEDS: readonly { readonly label: string; readonly ms: number }[] = [
  { label: 'Slow', ms: 2400 },
  { label: 'Normal', ms: 1200 },
  { label: 'Fast', ms: 500 },
];
