import { useEffect, useRef } from 'react';
import type { NetworkReport } from '../../core/analyze';
import type { InspectionData } from '../../core/inspection';
import { formatShape } from '../../core/shape';
import type { PassStage } from '../../state/passStage';
import { operationName, operationOf } from '../../viz/network/operations';
import { TensorView } from './TensorView';

interface Props {
  readonly report: NetworkReport;
  readonly inspection: InspectionData;
  readonly stage: PassStage;
  onChoose(layer: number): void;
}

/**
 * The network left to right, one card per layer with its output for the selected input.
 * On the way back, the layers the gradient has reached show ∂L/∂(output) instead.
 */
export function LayerGraph({ report, inspection, stage, onChoose }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the active layer in view in long networks (horizontal scroll only, never the page).
  useEffect(() => {
    const list = listRef.current;
    const active = list?.querySelector<HTMLElement>('.pass-layer.active');
    if (!list || !active) return;
    const left =
      active.getBoundingClientRect().left - list.getBoundingClientRect().left + list.scrollLeft;
    if (left < list.scrollLeft || left + active.offsetWidth > list.scrollLeft + list.clientWidth)
      list.scrollLeft = Math.max(0, left - (list.clientWidth - active.offsetWidth) / 2);
  }, [stage.layer, stage.pass]);
  return (
    <ol className="pass-graph" aria-label="Layers, input to output" ref={listRef}>
      {report.layers.map((layer) => {
        const active = layer.index === stage.layer;
        const reached =
          stage.pass === 'b' ? layer.index >= stage.layer : layer.index <= stage.layer;
        const showGradient = stage.pass === 'b' && reached;
        const record = showGradient
          ? inspection.outputGradients.find((g) => g.layerIndex === layer.index)
          : inspection.activations.find((a) => a.layerIndex === layer.index);
        const what = showGradient ? '∂L/∂output' : 'output';
        return (
          <li
            key={layer.index}
            className={`pass-layer ${active ? 'active' : ''} ${reached ? '' : 'dim'}`}
          >
            <button
              type="button"
              className="pass-layer-button"
              aria-current={active ? 'step' : undefined}
              data-testid="pass-layer"
              onClick={() => onChoose(layer.index)}
            >
              <strong>{layer.name}</strong>
              <span className="small">{operationName(operationOf(layer))}</span>
              <span className="muted small">
                {layer.outputShape ? formatShape(layer.outputShape) : '—'}
              </span>
            </button>
            <span className="small">{what}</span>
            {record ? (
              <TensorView
                shape={record.shape}
                data={record.data}
                kind={showGradient ? 'gradient' : 'activation'}
                label={`${layer.name} ${what}`}
              />
            ) : (
              <span className="muted small">not reported</span>
            )}
          </li>
        );
      })}
      <li className={`pass-layer loss ${stage.pass === 'b' ? '' : 'dim'}`}>
        <strong>Loss</strong>
        <span className="small">cross-entropy</span>
        <span className="small" data-testid="loss-value">
          L = −log p<sub>{inspection.label}</sub> = {inspection.loss.toFixed(3)}
        </span>
        <span className="muted small">
          predicted {inspection.predicted}, label {inspection.label}
        </span>
      </li>
    </ol>
  );
}
