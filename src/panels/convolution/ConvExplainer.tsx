import { useMemo, type ReactNode } from 'react';
import { IMAGE_KERNELS } from '../../core/imageKernels';
import { selectInputImage } from '../../state/selectedInput';
import { useLabStore } from '../../state/store';
import { convModelOf } from '../../viz/convolution/convModel';
import { convStepAt, stepDetailOf } from '../../viz/convolution/convSteps';
import { busiestCropOf } from '../../viz/convolution/explainerData';
import { ChannelMix, StepArithmetic } from './StepArithmetic';
import { ConvControls } from './ConvControls';
import { InputGrids, KernelGrids, OutputMaps } from './ConvGrids';
import { OutputSizeBox } from './OutputSizeBox';
import { PlayBar, useStepper } from './PlayBar';

/** One column of the stage (input, kernel or output): its title over its grids side by side. */
function ConvColumn({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <div className="conv-column">
      <h3>{title}</h3>
      <div className="conv-row">{children}</div>
    </div>
  );
}

/** The convolution step by step: a kernel sliding over numbers, every product and sum shown. */
export function ConvExplainer() {
  const params = useLabStore((s) => s.convParams);
  const kernelChoice = useLabStore((s) => s.convKernel);
  const source = useLabStore((s) => s.convSource);
  const seed = useLabStore((s) => s.seed);
  const selected = useLabStore(selectInputImage);
  const image = selected.ok ? selected.image : null;
  const model = useMemo(
    () =>
      convModelOf({
        hyper: params,
        kernel: kernelChoice,
        crop: source.kind === 'crop' ? source : null,
        seed,
        image,
      }),
    [params, kernelChoice, source, seed, image],
  );
  const { hyper, geometry, input, weights, output } = model;
  const firstCrop = useMemo(
    () => (image ? busiestCropOf(image.pixels, image, params.inputSize) : ([0, 0] as const)),
    [image, params.inputSize],
  );
  const total = geometry.ok ? geometry.steps : 0;
  const { state, dispatch, speed, setSpeed } = useStepper(total);
  const step = geometry.ok ? convStepAt(geometry.out, state.index) : null;
  const detail = step ? stepDetailOf(hyper, input, weights.kernel, weights.bias, step) : null;
  return (
    <section className="card conv-explainer" aria-labelledby="conv-explainer-heading">
      <h2 id="conv-explainer-heading">Convolution, step by step</h2>
      <p className="explain">
        The kernel slides over the input. At each position it multiplies the cells under it by its
        weights, one by one, adds the products of every input channel and the bias, and writes the
        sum into one cell of the output. Each filter has its own weights and fills its own output
        map.
      </p>
      <ConvControls
        effective={hyper}
        fromImage={model.fromImage}
        imageAvailable={image !== null}
        firstCrop={firstCrop}
      />
      {kernelChoice !== 'random' && (
        <p className="small">
          <strong>{IMAGE_KERNELS[kernelChoice].label}:</strong> {IMAGE_KERNELS[kernelChoice].effect}{' '}
          Weights are{' '}
          {IMAGE_KERNELS[kernelChoice].scaleText === '1'
            ? 'whole numbers'
            : `the numbers shown × ${IMAGE_KERNELS[kernelChoice].scaleText}`}
          .
        </p>
      )}
      {model.fromImage && image && (
        <p className="small muted">
          The numbers are a {hyper.inputSize}×{hyper.inputSize} crop of {image.description}
          {hyper.channels === 1 && image.channels > 1 ? ' in grey' : ''}, pixel bytes divided by 255
          and rounded to two decimals. Move the crop in the card below.
        </p>
      )}
      <OutputSizeBox hyper={hyper} geometry={geometry} />
      <PlayBar state={state} total={total} dispatch={dispatch} speed={speed} onSpeed={setSpeed} />
      {geometry.ok && step && detail && output && (
        <>
          <div className="conv-stage panel-main-figure">
            <ConvColumn title="Input">
              <InputGrids hyper={hyper} input={input} out={geometry.out} step={step} />
            </ConvColumn>
            <ConvColumn title="Kernel">
              <KernelGrids
                hyper={hyper}
                kernel={weights.kernel}
                bias={weights.bias[step.filter] ?? 0}
                filter={step.filter}
              />
            </ConvColumn>
            <ConvColumn title="Output">
              <OutputMaps hyper={hyper} output={output} out={geometry.out} step={step} />
            </ConvColumn>
          </div>
          <h3>This step’s arithmetic</h3>
          <StepArithmetic hyper={hyper} step={step} detail={detail} />
          {hyper.kernelSize === 1 && (
            <ChannelMix
              hyper={hyper}
              input={input}
              kernel={weights.kernel}
              bias={weights.bias}
              output={output}
              step={step}
              out={geometry.out}
            />
          )}
        </>
      )}
    </section>
  );
}
