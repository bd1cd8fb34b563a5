import { IMAGE_KERNELS, IMAGE_KERNEL_IDS } from '../../core/imageKernels';
import {
  CONV_LIMITS,
  CONV_PRESETS,
  type ConvExplainerParams,
  type ConvKernelChoice,
} from '../../state/explainerSettings';
import { useLabStore } from '../../state/store';

const FIELDS: readonly { key: keyof ConvExplainerParams; label: string; symbol: string }[] = [
  { key: 'inputSize', label: 'Input size', symbol: 'W' },
  { key: 'kernelSize', label: 'Kernel size', symbol: 'F' },
  { key: 'stride', label: 'Stride', symbol: 'S' },
  { key: 'padding', label: 'Zero padding', symbol: 'P' },
  { key: 'dilation', label: 'Dilation', symbol: 'D' },
  { key: 'channels', label: 'Input channels', symbol: 'C' },
  { key: 'filters', label: 'Filters', symbol: 'K' },
];

/** Why a field cannot be changed right now, or null when it can. */
function lockedBecause(
  key: keyof ConvExplainerParams,
  kernel: ConvKernelChoice,
  fromImage: boolean,
): string | null {
  const classic = kernel !== 'random';
  if (classic && (key === 'kernelSize' || key === 'channels' || key === 'filters')) {
    return 'set by the kernel';
  }
  if (fromImage && key === 'channels') return 'the image’s';
  return null;
}

/** Every hyper-parameter of the explainer, the kernel and the source of the numbers. */
export function ConvControls({
  effective,
  fromImage,
  imageAvailable,
  firstCrop,
}: {
  /** The values in effect (a crop or a classic kernel can fix some). */
  readonly effective: ConvExplainerParams;
  readonly fromImage: boolean;
  readonly imageAvailable: boolean;
  /** Where a new crop starts: a busy part of the selected image. */
  readonly firstCrop: readonly [number, number];
}) {
  const kernel = useLabStore((s) => s.convKernel);
  const source = useLabStore((s) => s.convSource);
  const setConvParams = useLabStore((s) => s.setConvParams);
  const setConvKernel = useLabStore((s) => s.setConvKernel);
  const setConvSource = useLabStore((s) => s.setConvSource);
  return (
    <div className="conv-controls">
      <div className="conv-fields">
        {FIELDS.map(({ key, label, symbol }) => {
          const locked = lockedBecause(key, kernel, fromImage);
          const [min, max] = CONV_LIMITS[key];
          return (
            <label key={key} className="stacked conv-field">
              <span>
                {label} <var>{symbol}</var>
                {locked && <span className="small"> ({locked})</span>}
              </span>
              <input
                type="number"
                min={min}
                max={max}
                step={1}
                value={effective[key]}
                disabled={locked !== null}
                data-testid={`conv-${key}`}
                onChange={(e) => {
                  const value = e.target.valueAsNumber;
                  if (Number.isFinite(value)) setConvParams({ [key]: value });
                }}
              />
            </label>
          );
        })}
      </div>
      <div className="toolbar-row">
        <label className="stacked">
          Kernel
          <select
            value={kernel}
            onChange={(e) => setConvKernel(e.target.value as ConvKernelChoice)}
            data-testid="conv-kernel"
          >
            <option value="random">Whole-number weights (seeded)</option>
            {IMAGE_KERNEL_IDS.map((id) => (
              <option key={id} value={id}>
                {IMAGE_KERNELS[id].label}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked">
          Input numbers
          <select
            value={source.kind}
            onChange={(e) =>
              setConvSource(
                e.target.value === 'crop'
                  ? { kind: 'crop', row: firstCrop[0], col: firstCrop[1] }
                  : { kind: 'random' },
              )
            }
            data-testid="conv-source"
          >
            <option value="random">Whole numbers 0–9 (seeded)</option>
            <option value="crop">A crop of the selected image</option>
          </select>
        </label>
        {source.kind === 'crop' && !imageAvailable && (
          <p className="small muted">
            No image yet (the dataset is loading), so the explainer shows whole numbers meanwhile.
          </p>
        )}
      </div>
      <div className="button-row" role="group" aria-label="Lecture examples">
        {CONV_PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            onClick={() => {
              if (kernel !== 'random') setConvKernel('random');
              setConvParams(preset.params);
            }}
          >
            {preset.label}
          </button>
        ))}
      </div>
    </div>
  );
}
