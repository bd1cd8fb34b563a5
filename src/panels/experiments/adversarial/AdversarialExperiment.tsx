import { useEffect, useMemo, useState } from 'react';
import type { AttackMethod, AttackOutcome } from '../../../core/adversarial';
import { messageOf } from '../../../core/errors';
import { useLabStore } from '../../../state/store';
import { ActionButton } from '../../shared/ActionButton';
import { EngineWait } from '../../shared/EngineWait';
import { NumberField, RangeField } from '../../shared/NumberField';
import { RadioField } from '../../shared/RadioField';
import { EPSILON_STEP, epsilonText, MAX_EPSILON, METHOD_CHOICES } from './adversarialSettings';
import { AttackView } from './AttackView';
import { FlipSweep } from './FlipSweep';
import './adversarial.css';

/**
 * Adversarial examples on the person's own network: the fast gradient sign method
 * x′ = clip(x + ε·sign(∇ₓL)) on the selected image, ε live, and its iterative version; then
 * how many test images flip at each ε. The engine reads the weights and never changes them.
 */
export function AdversarialExperiment() {
  const port = useLabStore((s) => s.experimentPorts);
  const sample = useLabStore((s) => s.sample);
  const selectSample = useLabStore((s) => s.selectSample);
  const status = useLabStore((s) => s.datasetStatus[s.dataset]);
  const step = useLabStore((s) => s.run.step);
  const phase = useLabStore((s) => s.run.phase);
  const pretrained = useLabStore((s) => s.run.pretrained);
  const data = status?.state === 'ready' ? status.data : null;
  const classNames = data?.info.classNames ?? [];
  const testCount = data?.test.count ?? 1;

  const [method, setMethod] = useState<AttackMethod>('fgsm');
  const [epsilon, setEpsilon] = useState(0.1);
  const [steps, setSteps] = useState(10);
  const [alphaShare, setAlphaShare] = useState(0.25);
  const alpha = epsilon * alphaShare;
  const request = useMemo(
    () => ({ method, epsilon, steps: method === 'fgsm' ? 1 : steps, alpha }),
    [method, epsilon, steps, alpha],
  );
  const [outcome, setOutcome] = useState<AttackOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const running = phase === 'running';
  // While training runs every step changes the network: the attack is redone once it pauses,
  // not after every step (each would queue an attack behind the next step).
  const networkAt = running ? -1 : step;

  useEffect(() => {
    if (!port || phase === 'starting' || phase === 'idle') return;
    let current = true;
    port.adversarialAttack(request).then(
      (next) => {
        if (!current || !next) return;
        setOutcome(next);
        setProblem(null);
      },
      (error: unknown) => current && setProblem(messageOf(error)),
    );
    return () => {
      current = false;
    };
    // The step and the weights' origin stand for "the network changed": attack it again.
  }, [port, request, sample, networkAt, phase, pretrained, data]);

  return (
    <div className="adversarial">
      <div className="card adv-controls" role="group" aria-label="Attack settings">
        <RadioField
          legend="Attack"
          name="adv-method"
          value={method}
          choices={METHOD_CHOICES}
          onChange={setMethod}
        />
        <RangeField
          label="ε (pixel units, 0..1)"
          value={epsilon}
          min={0}
          max={MAX_EPSILON}
          step={EPSILON_STEP}
          onChange={setEpsilon}
          testId="adv-epsilon"
        >
          <output data-testid="adv-epsilon-value">{epsilonText(epsilon)}</output>
        </RangeField>
        {method === 'iterative' && (
          <>
            <NumberField
              label="Steps k"
              value={steps}
              min={1}
              max={100}
              step={1}
              onChange={(v) => setSteps(Math.min(100, Math.max(1, Math.round(v))))}
            />
            <RangeField
              label="Step size α"
              value={alphaShare}
              min={0.05}
              max={1}
              step={0.05}
              onChange={setAlphaShare}
            >
              <output>
                {alphaShare.toFixed(2)}·ε = {alpha.toFixed(4)}
              </output>
            </RangeField>
          </>
        )}
        <NumberField
          label="Test image"
          value={sample.source === 'test' ? sample.index : 0}
          min={0}
          max={testCount - 1}
          step={1}
          onChange={(v) =>
            selectSample({
              source: 'test',
              index: Math.min(testCount - 1, Math.max(0, Math.round(v))),
            })
          }
          testId="adv-index"
        />
        <ActionButton action="training.load-pretrained" testId="adv-load-pretrained">
          Load trained weights
        </ActionButton>
      </div>
      {pretrained && (
        <p className="small" data-testid="adv-pretrained">
          The network holds the lab&apos;s trained weights (step {step.toLocaleString('en-US')}).
        </p>
      )}
      {step === 0 && !pretrained && (
        <p className="card small">
          This network has not been trained: its answers are guesses, so there is nothing to fool
          yet. Load the lab&apos;s trained weights (or train it on the Training panel) first.
        </p>
      )}
      <section className="card panel-main-figure" aria-labelledby="adv-attack-heading">
        <h2 id="adv-attack-heading">
          {method === 'fgsm' ? 'Fast gradient sign method' : 'Iterative method (BIM)'} at ε ={' '}
          {epsilon.toFixed(3)}
        </h2>
        {problem && <p role="alert">{problem}</p>}
        {outcome ? (
          <AttackView outcome={outcome} classNames={classNames} />
        ) : (
          <EngineWait waiting="Waiting for the network…" />
        )}
      </section>
      <FlipSweep
        port={port}
        method={method}
        steps={request.steps}
        alpha={alpha}
        epsilon={epsilon}
        running={running}
      />
      <section className="card adv-notes" aria-labelledby="adv-notes-heading">
        <h2 id="adv-notes-heading">What the attack does</h2>
        <p>
          Training moves the weights against the gradient of the loss. The attack keeps the weights
          and moves the image with the gradient, ∇ₓL: FGSM takes one step of exactly ε per pixel in
          the direction sign(∇ₓL) that raises the loss most for that size, then clips to the valid
          pixels. The iterative method takes k smaller steps of α, each on a fresh gradient, and
          projects back to within ε of the original after each, so it finds stronger perturbations
          of the same size. Pixels are 0..1 (byte / 255); ε applies there, and the result is
          normalised as the run normalises its inputs.
        </p>
        <p className="small muted">
          Networks are nearly linear in their inputs over short distances, so hundreds of tiny
          changes, each aligned with the gradient, add up to a large change in the scores
          (Goodfellow, Shlens and Szegedy, 2015; Szegedy et al., 2014).
        </p>
      </section>
    </div>
  );
}
