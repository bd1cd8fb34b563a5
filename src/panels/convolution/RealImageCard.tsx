import { useMemo, useState } from 'react';
import { IMAGE_KERNEL_IDS, IMAGE_KERNELS, type ImageKernelId } from '../../core/imageKernels';
import type { RefTensor } from '../../core/reference';
import { selectInputImage } from '../../state/selectedInput';
import { useLabStore } from '../../state/store';
import {
  busiestCropOf,
  clampCrop,
  filterImageWith,
  imageKernelOf,
} from '../../viz/convolution/explainerData';
import { rangeOf, symmetricRange } from '../../core/range';
import { ImageCanvas } from '../shared/ImageCanvas';
import { ImageFigure } from '../shared/ImageFigure';
import { RangeLegend } from '../shared/RangeLegend';

/**
 * A learned kernel of the current network, for the day panels can ask the engine for
 * weights (its inspection runs in the worker, which panels may not reach yet). The kernel
 * is F×F×C×1 (C = 1 for grey, or the image's channels) with its bias.
 */
export interface LearnedKernel {
  /** e.g. "conv2d_1, filter 3". */
  readonly label: string;
  readonly kernel: RefTensor<Float64Array>;
  readonly bias: number;
}

const SHOWN = 224;

/** The selected image through a hand-made (or, later, learned) kernel, full size beside the input. */
export function RealImageCard({
  learnedKernels,
}: {
  readonly learnedKernels?: readonly LearnedKernel[];
}) {
  const selected = useLabStore(selectInputImage);
  const kernelChoice = useLabStore((s) => s.convKernel);
  const setConvKernel = useLabStore((s) => s.setConvKernel);
  const source = useLabStore((s) => s.convSource);
  const setConvSource = useLabStore((s) => s.setConvSource);
  const cropSize = useLabStore((s) => s.convParams.inputSize);
  const [learned, setLearned] = useState<number | null>(null);
  const image = selected.ok ? selected.image : null;
  const learnedKernel = learned !== null ? learnedKernels?.[learned] : undefined;
  const classic: ImageKernelId = kernelChoice === 'random' ? 'sobel-x' : kernelChoice;
  const result = useMemo(() => {
    if (!image) return null;
    const weights = learnedKernel
      ? { kernel: learnedKernel.kernel, bias: Float64Array.of(learnedKernel.bias) }
      : imageKernelOf(classic);
    return filterImageWith(image.pixels, image, weights);
  }, [image, learnedKernel, classic]);
  if (!image) {
    return (
      <section className="card real-image" aria-labelledby="real-image-heading">
        <h2 id="real-image-heading">On a real image</h2>
        <p>{selected.ok ? '' : selected.reason}</p>
      </section>
    );
  }
  const shape = { height: image.height, width: image.width, channels: 1 };
  const range = result ? rangeOf(result) : ([0, 1] as const);
  const isSigned = range[0] < 0;
  const shownRange = isSigned ? symmetricRange(range) : range;
  const [firstRow, firstCol] = busiestCropOf(image.pixels, image, cropSize);
  const crop = source.kind === 'crop' ? source : { row: firstRow, col: firstCol };
  const [top, left] = clampCrop(image, cropSize, crop.row, crop.col);
  const scale = SHOWN / image.width;
  const choose = (id: ImageKernelId) => {
    setLearned(null);
    if (kernelChoice !== id) setConvKernel(id);
  };
  const moveCrop = (row: number, col: number) => {
    const [r, c] = clampCrop(image, cropSize, row, col);
    setConvSource({ kind: 'crop', row: r, col: c });
  };
  // The crop's two corner fields: each moves the crop along its own axis.
  const cropFields = [
    {
      label: 'Crop top row',
      max: image.height - cropSize,
      value: top,
      move: (row: number) => moveCrop(row, left),
    },
    {
      label: 'Crop left column',
      max: image.width - cropSize,
      value: left,
      move: (col: number) => moveCrop(top, col),
    },
  ];
  const name = learnedKernel ? learnedKernel.label : IMAGE_KERNELS[classic].label;
  return (
    <section className="card real-image" aria-labelledby="real-image-heading">
      <h2 id="real-image-heading">On a real image</h2>
      <fieldset className="kernel-picker">
        <legend>Kernel</legend>
        {IMAGE_KERNEL_IDS.map((id) => (
          <label key={id}>
            <input
              type="radio"
              name="real-kernel"
              checked={!learnedKernel && classic === id}
              onChange={() => choose(id)}
              // Sobel x is shown (checked) before anything is chosen; a click on it still chooses it.
              onClick={() => choose(id)}
            />
            {IMAGE_KERNELS[id].label}
          </label>
        ))}
        {learnedKernels && learnedKernels.length > 0 ? (
          learnedKernels.map((k, i) => (
            <label key={k.label}>
              <input
                type="radio"
                name="real-kernel"
                checked={learned === i}
                onChange={() => setLearned(i)}
              />
              Learned: {k.label}
            </label>
          ))
        ) : (
          <label className="unavailable" data-testid="learned-kernel-unavailable">
            <input type="radio" name="real-kernel" disabled />A learned kernel of the current
            network{' '}
            <span className="muted small">
              (waiting for the engine; a network without convolutions has none)
            </span>
          </label>
        )}
      </fieldset>
      <p className="small">
        {learnedKernel ? 'A kernel the network learned.' : IMAGE_KERNELS[classic].effect}{' '}
        {kernelChoice === 'random' &&
          !learnedKernel &&
          '(Shown as an example: the step-through above keeps its whole-number kernel until you choose one here.)'}
      </p>
      <div className="side-by-side">
        <figure>
          <div
            className="crop-frame"
            style={{ width: SHOWN, height: SHOWN }}
            onClick={(e) => {
              // A click centres the crop on the pixel clicked (the number fields below do the same by keyboard).
              const box = e.currentTarget.getBoundingClientRect();
              const col = Math.floor((e.clientX - box.left) / scale - cropSize / 2);
              const row = Math.floor((e.clientY - box.top) / scale - cropSize / 2);
              moveCrop(row, col);
            }}
          >
            <ImageCanvas
              values={image.pixels}
              shape={{ height: image.height, width: image.width, channels: image.channels }}
              size={SHOWN}
              label={`The selected input, ${image.description}`}
            />
            {source.kind === 'crop' && (
              <div
                className="crop-outline"
                aria-hidden="true"
                style={{
                  left: left * scale,
                  top: top * scale,
                  width: cropSize * scale,
                  height: cropSize * scale,
                }}
              />
            )}
          </div>
          <figcaption>
            Input: {image.description}
            {image.channels > 1 ? ' (the kernel sees it in grey)' : ''}
            <RangeLegend range={[0, 255]} />
          </figcaption>
        </figure>
        {result && (
          <ImageFigure
            values={result}
            shape={shape}
            size={SHOWN}
            range={shownRange}
            diverging={isSigned}
            label={`The selected input through the ${name} kernel`}
            caption={<>Through {name} (stride 1, zero padding that keeps the size)</>}
            note={
              <span className="muted small" data-testid="real-result-range">
                values from {range[0].toFixed(2)} to {range[1].toFixed(2)}
                {isSigned ? ': blue negative, white zero, red positive' : ''}
              </span>
            }
          />
        )}
      </div>
      <div className="toolbar-row crop-controls">
        <button
          type="button"
          onClick={() =>
            source.kind === 'crop'
              ? setConvSource({ kind: 'random' })
              : moveCrop(crop.row, crop.col)
          }
          data-testid="use-crop"
        >
          {source.kind === 'crop'
            ? 'Back to whole numbers above'
            : `Step through a ${cropSize}×${cropSize} crop above`}
        </button>
        {source.kind === 'crop' &&
          cropFields.map((field) => (
            <label key={field.label} className="stacked">
              {field.label}
              <input
                type="number"
                min={0}
                max={field.max}
                value={field.value}
                onChange={(e) => field.move(e.target.valueAsNumber)}
              />
            </label>
          ))}
      </div>
    </section>
  );
}
