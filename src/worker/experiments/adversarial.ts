import {
  type AttackOutcome,
  type AttackRequest,
  type SweepOutcome,
  type SweepRequest,
  type SweepStatus,
} from '../../core/adversarial';
import { pixelsPerImage } from '../../data/types';
import {
  attackPixels,
  pixelAffineOf,
  pixelGradient,
  pixelProbabilities,
  pixelsOfBytes,
  predictedClasses,
} from '../../engine/adversarial';
import type { SampleRequest } from '../api';
import { createBackgroundJob, type JobControl } from '../backgroundJob';
import { turnsOnSameNetwork, type ExperimentContext } from '../experimentContext';
import { yieldToEvents } from '../yieldToEvents';

/** Test images per attack: small enough that a training step or a cancel waits little. */
const SWEEP_BATCH = 25;
/** The sweep's limits, so a hostile page cannot ask for hours of work. */
const MAX_SWEEP_IMAGES = 2000;
const MAX_SWEEP_EPSILONS = 41;
const MAX_STEPS = 100;

export interface AdversarialApi {
  /** FGSM or the iterative method on one image with the current network (weights read only). */
  adversarialAttack(sample: SampleRequest, request: AttackRequest): Promise<AttackOutcome>;
  /** Starts the flip-rate sweep over the first test images; poll `adversarialSweepStatus`. */
  startAdversarialSweep(request: SweepRequest): Promise<void>;
  adversarialSweepStatus(): Promise<SweepStatus>;
  /** Stops a running sweep after its current batch. */
  cancelAdversarialSweep(): Promise<void>;
}

function checkRequest(request: Omit<AttackRequest, 'epsilon'>): void {
  if (request.method !== 'fgsm' && request.method !== 'iterative')
    throw new RangeError(`There is no attack "${String(request.method)}"; use fgsm or iterative.`);
  if (!Number.isInteger(request.steps) || request.steps < 1 || request.steps > MAX_STEPS)
    throw new RangeError(`The steps must be a whole number from 1 to ${MAX_STEPS}.`);
}

/** The adversarial experiment's worker methods over the engine's context. */
export function createAdversarialApi(ctx: ExperimentContext): AdversarialApi {
  const job = createBackgroundJob<SweepStatus>();

  async function sweep(
    request: SweepRequest,
    control: JobControl<SweepStatus>,
  ): Promise<SweepOutcome | string> {
    const { session, data } = ctx.need();
    const startStep = session.step;
    const test = data.test;
    const count = Math.min(request.count, test.count);
    const size = pixelsPerImage(test);
    const affine = pixelAffineOf(ctx.inputNormalisation(), size, test.channels);
    const flipped = request.epsilons.map(() => 0);
    const wrong = request.epsilons.map(() => 0);
    const total = count * request.epsilons.length;
    let done = 0;
    // Mixing two networks' answers in one chart would show neither.
    const onSameNetwork = turnsOnSameNetwork(
      ctx,
      'The network changed during the sweep (trained or rebuilt); run it again.',
    );
    for (let start = 0; start < count; start += SWEEP_BATCH) {
      const n = Math.min(SWEEP_BATCH, count - start);
      const pixels = pixelsOfBytes(test.images.subarray(start * size, (start + n) * size));
      const labels = test.labels.subarray(start, start + n);
      const { clean, gradient } = await onSameNetwork(async ({ model }) => ({
        clean: predictedClasses(await pixelProbabilities(model, pixels, n, affine), n),
        // FGSM's gradient is the clean one for every ε: computed once per batch.
        gradient: await pixelGradient(model, pixels, labels, affine),
      }));
      // One turn per ε, so a training step or a cancel waits for one attack of a batch at most.
      for (const [e, epsilon] of request.epsilons.entries()) {
        if (control.stopped()) return 'Stopped: the sweep was cancelled.';
        const predicted = await onSameNetwork(async ({ model }) => {
          const adversarial =
            epsilon === 0
              ? pixels
              : await attackPixels(
                  model,
                  pixels,
                  labels,
                  affine,
                  { ...request, epsilon },
                  gradient,
                );
          return predictedClasses(await pixelProbabilities(model, adversarial, n, affine), n);
        });
        for (let i = 0; i < n; i++) {
          if (predicted[i] !== clean[i]) flipped[e] = (flipped[e] ?? 0) + 1;
          if (predicted[i] !== labels[i]) wrong[e] = (wrong[e] ?? 0) + 1;
        }
        done += n;
        control.progress({ done, total });
        // Lets a cancel, a status poll or a training step in.
        await yieldToEvents();
      }
    }
    return { epsilons: request.epsilons, flipped, wrong, count, request, step: startStep };
  }

  return {
    adversarialAttack: (sample, request) =>
      ctx.withModel(async () => {
        checkRequest(request);
        const { session } = ctx.need();
        const { set, index } = ctx.sampleSet(sample);
        const size = pixelsPerImage(set);
        const affine = pixelAffineOf(ctx.inputNormalisation(), size, set.channels);
        const original = pixelsOfBytes(set.images.subarray(index * size, (index + 1) * size));
        const model = session.model;
        const before = await pixelProbabilities(model, original, 1, affine);
        // An own image has no true class: the attack pushes away from the class predicted.
        const label =
          sample.source === 'own'
            ? (predictedClasses(before, 1)[0] ?? 0)
            : (set.labels[index] ?? 0);
        const adversarial =
          request.epsilon === 0
            ? original
            : await attackPixels(model, original, [label], affine, request);
        const after = await pixelProbabilities(model, adversarial, 1, affine);
        return {
          shape: { height: set.height, width: set.width, channels: set.channels },
          original,
          adversarial,
          label,
          before,
          after,
          request,
          step: session.step,
        };
      }),
    async startAdversarialSweep(request) {
      checkRequest(request);
      if (request.epsilons.length < 1 || request.epsilons.length > MAX_SWEEP_EPSILONS)
        throw new RangeError(`The sweep takes 1 to ${MAX_SWEEP_EPSILONS} values of ε.`);
      if (!Number.isInteger(request.count) || request.count < 1 || request.count > MAX_SWEEP_IMAGES)
        throw new RangeError(`The sweep takes 1 to ${MAX_SWEEP_IMAGES} test images.`);
      ctx.need();
      job.start({ done: 0, total: request.count * request.epsilons.length }, (control) =>
        sweep(request, control),
      );
    },
    adversarialSweepStatus: async () => job.status(),
    async cancelAdversarialSweep() {
      job.cancel();
    },
  };
}
