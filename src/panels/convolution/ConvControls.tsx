import { IMAGE_KERNELS, IMAGE_KERNEL_IDS } from '../../core/imageKernels';
import {
  CONV_LIMITS,
  CONV_PRESETS,
  type ConvExplainerParams,
  type ConvKernelChoice,
  type ConvSource,
} from '../../state/explainerSettings';
import { useLabStore } from '../../state/store';
import { choicesOf, type Choice } from '../shared/choices';
import { NumberField } from '../shared/NumberField';
import { SelectField } from '../shared/SelectField';

const FIELDS: readonly { key: keyof ConvExplainerParams; label: string; symbol: string }[] = [
  { key: 'inputSize', label: 'Input size', symbol: 'W' },
  { key: 'kernelSize', label: 'Kernel size', symbol: 'F' },
  { key: 'stride', label: 'Stride', symbol: 'S' },
  { key: 'padding', label: 'Zero padding', symbol: 'P' },
  { key: 'dilation', label: 'Dilation', symbol: 'D' },
  { key: 'channels', label: 'Input channels', symbol: 'C' },
  { key: 'filters', label: 'Filters', symbol: 'K' },
];

const KERNEL_CHOICES: readonly Choice<ConvKernelChoice>[] = [
  { value: 'random', label: 'Whole-number weights (seeded)' },
  ...choicesOf(IMAGE_KERNEL_IDS, (id) => IMAGE_KERNELS[id].label),
];

const SOURCE_CHOICES: readonly Choice<ConvSource['kind']>[] = [
  { value: 'random', label: 'Whole numbers 0–9 (seeded)' },
  { value: 'crop', label: 'A crop of the selected image' },
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
            <NumberField
              key={key}
              className="stacked conv-field"
              label={
                <span>
                  {label} <var>{symbol}</var>
                  {locked && <span className="small"> ({locked})</span>}
                </span>
              }
              min={min}
              max={max}
              step={1}
              value={effective[key]}
              disabled={locked !== null}
              testId={`conv-${key}`}
              onChange={(value) => setConvParams({ [key]: value })}
            />
          );
        })}
      </div>
      <div className="toolbar-row">
        <SelectField
          label="Kernel"
          value={kernel}
          choices={KERNEL_CHOICES}
          onChange={setConvKernel}
          testId="conv-kernel"
        />
        <SelectField
          label="Input numbers"
          value={source.kind}
          choices={SOURCE_CHOICES}
          onChange={(kind) =>
            setConvSource(
              kind === 'crop' ? { kind: 'crop', row: firstCrop[0], col: firstCrop[1] } : { kind },
            )
          }
          testId="conv-source"
        />
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
