import { useMemo } from 'react';
import { localContrastNormalise } from '../../../core/contrastNormalisation';
import { summaryOf } from '../../../core/histogram';
import { selectInputImage } from '../../../state/selectedInput';
import { useLabStore } from '../../../state/store';
import { ImageFigure } from '../../shared/ImageFigure';
import { LCN_RADIUS } from './initialisationSettings';

const SIZE = 140;
const fixed = (v: number) => v.toFixed(3);

/**
 * Local contrast normalisation, what networks did before batch norm, worked on the selected
 * input: the image before and after, and the sum for one pixel.
 */
export function ContrastSection() {
  const selected = useLabStore(selectInputImage);
  const image = selected.ok ? selected.image : null;
  const result = useMemo(() => {
    if (!image) return null;
    const pixels = Float32Array.from(image.pixels, (b) => b / 255);
    const lcn = localContrastNormalise(
      pixels,
      image.height,
      image.width,
      image.channels,
      LCN_RADIUS,
    );
    const y = Math.floor(image.height / 2);
    const x = Math.floor(image.width / 2);
    const p = y * image.width + x;
    return {
      pixels,
      lcn,
      reach: Math.max(1e-6, summaryOf(lcn.values).maxAbs),
      at: {
        y,
        x,
        h: pixels[p * image.channels] ?? 0,
        m: lcn.means[p] ?? 0,
        sigma: lcn.sigmas[p] ?? 0,
      },
      value: lcn.values[p * image.channels] ?? 0,
    };
  }, [image]);
  const side = 2 * LCN_RADIUS + 1;
  return (
    <section className="card" aria-labelledby="init-lcn-heading">
      <h2 id="init-lcn-heading">Before batch norm: local contrast normalisation</h2>
      <p>
        Early convolutional networks (Jarrett, Kavukcuoglu, Ranzato and LeCun, 2009) normalised each
        value against its neighbourhood N instead of against the batch: subtract the mean of the{' '}
        {side}×{side} window around it, divide by the window&apos;s standard deviation, y = (h −
        m(N)) / max(c, σ(N)). The same edge then gives the same response in a dim corner as in a
        bright one, and flat regions go to 0. The floor c (here the mean σ over the image) keeps
        nearly flat patches from being blown up into noise. It was applied across the feature maps
        and in higher layers too. Batch norm took its place: it normalises each channel over the
        batch, learns γ and β to undo it where that helps, and speeds training.
      </p>
      {!image || !result ? (
        <p className="small">{selected.ok ? '' : selected.reason}</p>
      ) : (
        <>
          <div className="init-images">
            <ImageFigure
              values={image.pixels}
              shape={image}
              size={SIZE}
              label={`The selected input, ${image.description}`}
              caption={`Input (${image.description})`}
            />
            <ImageFigure
              values={result.lcn.values}
              shape={image}
              range={[-result.reach, result.reach]}
              diverging
              size={SIZE}
              label="The input after local contrast normalisation"
              caption={`After LCN, ${side}×${side} window`}
            />
          </div>
          <p className="small" data-testid="init-lcn-example">
            At row {result.at.y}, column {result.at.x}: h = {fixed(result.at.h)} (byte / 255), m(N)
            = {fixed(result.at.m)}, σ(N) = {fixed(result.at.sigma)}, c = {fixed(result.lcn.floor)},
            so y = ({fixed(result.at.h)} − {fixed(result.at.m)}) /{' '}
            {fixed(Math.max(result.lcn.floor, result.at.sigma))} = {fixed(result.value)}.
          </p>
        </>
      )}
    </section>
  );
}
