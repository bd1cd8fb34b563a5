import { useEffect, useState } from 'react';
import { messageOf } from '../../../core/errors';
import {
  DEFAULT_TRANSFER_REQUEST,
  TRANSFER_LIMITS,
  TRANSFER_RUNS,
  TRANSFER_TEST_IMAGES,
  type TransferRequest,
  type TransferStatus,
} from '../../../core/transfer';
import { useLabStore } from '../../../state/store';
import { NumberField } from '../../shared/NumberField';
import { TransferChart } from './TransferChart';
import { WeightChecks } from './WeightChecks';
import './transfer.css';
import { usePolledStatus } from '../usePolledStatus';

const clamp = (v: number, { min, max }: { min: number; max: number }) =>
  Math.min(max, Math.max(min, Math.round(v)));

/**
 * Transfer learning: LeNet-5 with the lab's MNIST weights, its convolutions frozen, fine-tuned
 * on a few hundred Fashion-MNIST images, against the same network trained from scratch on the
 * same images for the same steps. Both runs are the worker's own side sessions (the person's
 * run is untouched); the page starts them, polls their progress and can cancel them.
 */
export function TransferExperiment() {
  const port = useLabStore((s) => s.experimentPorts);
  const [request, setRequest] = useState<TransferRequest>(DEFAULT_TRANSFER_REQUEST);
  const [status, setStatus] = useState<TransferStatus>({ state: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);

  // Runs started before this tab was last shown are still the worker's: pick up where they are.
  useEffect(() => {
    if (!port) return;
    let stopped = false;
    port.transferStatus().then(
      (next) => {
        if (!stopped && next.state !== 'idle') setStatus(next);
      },
      () => undefined,
    );
    return () => {
      stopped = true;
    };
  }, [port]);

  usePolledStatus(port ? () => port.transferStatus() : null, status, setStatus, (error) =>
    setProblem(messageOf(error)),
  );

  const start = () => {
    if (!port) return;
    setProblem(null);
    const empty = { 'fine-tuned': [], scratch: [] };
    setStatus({
      state: 'running',
      run: 'fine-tuned',
      done: 0,
      total: request.steps,
      curves: empty,
    });
    port.startTransfer(request).catch((error: unknown) => {
      setStatus({ state: 'idle' });
      setProblem(messageOf(error));
    });
  };
  const busy = status.state === 'running';
  const set = (key: keyof TransferRequest, limits?: { min: number; max: number }) => (v: number) =>
    setRequest((r) => ({ ...r, [key]: limits ? clamp(v, limits) : Math.max(0, Math.round(v)) }));
  const shown =
    status.state === 'running'
      ? { curves: status.curves, steps: status.total }
      : status.state === 'done'
        ? { curves: status.outcome.curves, steps: status.outcome.request.steps }
        : null;
  const runIndex = busy ? TRANSFER_RUNS.findIndex((r) => r.id === status.run) : -1;

  return (
    <div className="transfer">
      <div className="card tl-controls" role="group" aria-label="Transfer settings">
        <NumberField
          label="Fashion-MNIST training images"
          value={request.trainCount}
          {...TRANSFER_LIMITS.trainCount}
          onChange={set('trainCount', TRANSFER_LIMITS.trainCount)}
          disabled={busy}
          testId="transfer-count"
        />
        <NumberField
          label="Steps per run"
          value={request.steps}
          {...TRANSFER_LIMITS.steps}
          onChange={set('steps', TRANSFER_LIMITS.steps)}
          disabled={busy}
          testId="transfer-steps"
        />
        <NumberField
          label="Seed"
          value={request.seed}
          min={0}
          step={1}
          onChange={set('seed')}
          disabled={busy}
        />
        <button type="button" onClick={start} disabled={!port || busy} data-testid="transfer-run">
          Run both
        </button>
        <button
          type="button"
          onClick={() => void port?.cancelTransfer()}
          disabled={!busy}
          data-testid="transfer-cancel"
        >
          Cancel
        </button>
      </div>
      {busy && (
        <p role="status" className="tl-progress" data-testid="transfer-progress">
          <progress
            value={runIndex * status.total + status.done}
            max={TRANSFER_RUNS.length * status.total}
            aria-label="Progress of both runs"
          />{' '}
          Run {runIndex + 1} of {TRANSFER_RUNS.length} ({TRANSFER_RUNS[runIndex]?.label}): step{' '}
          {status.done} of {status.total}
        </p>
      )}
      {status.state === 'stopped' && (
        <p role="alert" data-testid="transfer-stopped">
          {status.message}
        </p>
      )}
      {problem && <p role="alert">{problem}</p>}
      <section className="card panel-main-figure" aria-labelledby="tl-chart-heading">
        <h2 id="tl-chart-heading">
          Frozen MNIST convolutions against from scratch, on the same images
        </h2>
        {shown ? (
          <TransferChart
            curves={shown.curves}
            steps={shown.steps}
            testCount={TRANSFER_TEST_IMAGES}
          />
        ) : (
          <p className="muted" data-testid="transfer-idle">
            Press Run both: LeNet-5 trains twice on the first {request.trainCount} Fashion-MNIST
            training images, once starting from its MNIST weights with the convolutions frozen, once
            from random weights. Test accuracy on {TRANSFER_TEST_IMAGES} held-out images is measured
            as they go.
          </p>
        )}
      </section>
      {status.state === 'done' && <WeightChecks changes={status.outcome.changes} />}
      <section className="card tl-notes" aria-labelledby="tl-notes-heading">
        <h2 id="tl-notes-heading">What transfers</h2>
        <p>
          The first convolutions of a network trained on one set of pictures become detectors of
          edges, corners and strokes at every orientation: features that suit almost any picture.
          Later layers combine them into parts and whole objects of the task it was trained on. So
          the early layers can be kept as they are (frozen) and only the last layers trained for a
          new task, which needs far fewer labelled images than learning every filter from nothing.
        </p>
        <p>
          Here the filters were learnt on handwritten digits and are reused for clothing. Both runs
          start their dense head from the same random weights (the classifier is replaced, as it is
          whenever a network changes task), so the only difference is where the convolutions come
          from: frozen from MNIST, or learnt from these few hundred clothing images. The two curves
          run close together: edge detectors learnt on digits serve clothing about as well as
          filters learnt on the clothing itself, although the fine-tuned run never changes them and
          trains only the head. Transfer gains most when the new images are fewer still and resemble
          the old ones, and when the pretrained network saw far more images than a network could
          learn from here (the usual recipe: pre-train on ImageNet, replace the classifier, lower
          the learning rate, freeze the early layers).
        </p>
        <p className="small muted">
          Any layer with weights can be frozen in the Architecture panel (its Frozen box): the
          training step then takes no gradient of it and applies no weight decay to it.
        </p>
      </section>
    </div>
  );
}
