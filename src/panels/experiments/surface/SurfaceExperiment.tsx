import { useState } from 'react';
import { RadioField } from '../../shared/RadioField';
import type { Choice } from '../../shared/choices';
import { ClassicSurface } from './ClassicSurface';
import { NetworkSurface } from './NetworkSurface';
import './surface.css';

type SurfaceMode = 'classic' | 'network';

const MODE_CHOICES: readonly Choice<SurfaceMode>[] = [
  { value: 'classic', label: 'Classic functions' },
  { value: 'network', label: 'This network' },
];

/**
 * Gradient descent made visible: SGD, momentum, Nesterov and Adam walking classic 2-D
 * functions, every setting live; and the person's own network's loss over a plane of weight
 * space through its current weights, the real thing the optimisers walk in millions of dimensions.
 */
export function SurfaceExperiment() {
  const [mode, setMode] = useState<SurfaceMode>('classic');
  return (
    <div className="surface">
      <RadioField
        legend="Surface"
        name="surface-mode"
        value={mode}
        choices={MODE_CHOICES}
        onChange={setMode}
        className="surface-mode"
      />
      {mode === 'classic' ? <ClassicSurface /> : <NetworkSurface />}
      <section className="card surface-notes" aria-labelledby="surface-notes-heading">
        <h2 id="surface-notes-heading">What to try</h2>
        {mode === 'classic' ? (
          <>
            <p>
              Every optimiser takes the gradient, the direction in which the loss rises fastest, and
              steps the other way. On the bowl plain SGD shrinks the distance along y by the factor
              1 − ηκ each step: raise the learning rate past 2/κ (0.2 for κ = 10) and that factor is
              below −1, so each step overshoots further than the last and the run diverges. Just
              below it the path zigzags across the steep direction while it creeps along the shallow
              one.
            </p>
            <p>
              Momentum adds up past steps like a ball rolling downhill: it runs past the minimum,
              swings back and settles, and on long shallow slopes it moves much faster than SGD. Set
              μ to 0 and it is SGD again; push it to 0.99 and watch it orbit. Nesterov looks ahead
              before it steps, which damps the swing.
            </p>
            <p>
              Adam divides each coordinate&apos;s step by a running size of its gradient, so its
              steps are about η long in every direction: raise κ to 100 and SGD must use a tiny η to
              stay stable while Adam walks straight along the flat axis. Its bias correction matters
              on the first steps, when its running averages still start at zero.
            </p>
            <p>
              A mini-batch gradient is the true one plus noise that shrinks as 1/√B. Move the batch
              size down and the paths jitter; on the saddle the noise is what pushes a run off the
              ridge, where the exact gradient leaves it stuck for many steps. On Himmelblau the
              start and the optimiser decide which of the four minima a run ends in, and Rosenbrock
              shows how slowly plain SGD follows a curved valley.
            </p>
          </>
        ) : (
          <>
            <p>
              A network has thousands of weights, so its loss cannot be drawn whole. Pick two random
              directions δ and η in weight space and draw the loss on the plane θ + αδ + βη through
              the current weights θ: the centre is the network as it is. Each direction is rescaled
              filter by filter to the size of the network&apos;s own filters (Li et al., 2018), so α
              = 1 means “change every filter by as much as it is big”, and pictures of different
              networks can be compared.
            </p>
            <p>
              Compute it for the untrained network, then load the trained weights (or train for an
              epoch) and compute it again: training moves the weights into a basin, and the centre
              drops to the bottom of a bowl. Try another direction seed to see another slice.
            </p>
          </>
        )}
      </section>
    </div>
  );
}
