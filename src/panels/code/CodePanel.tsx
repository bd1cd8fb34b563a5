import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { messageOf } from '../../core/errors';
import { kerasScript } from '../../core/export/keras';
import { pytorchScript } from '../../core/export/pytorch';
import { checkpointFileName } from '../../data/checkpoint';
import { exportSetupOf } from '../../state/exportSetup';
import { settingsOf, useLabStore } from '../../state/store';
import { ActionButton } from '../shared/ActionButton';
import { RadioField } from '../shared/RadioField';
import { highlightPython } from './highlight';
import './code.css';

/** The frameworks the lab writes code for, with their generators (one row each). */
const FORMATS = {
  pytorch: { label: 'PyTorch', write: pytorchScript, file: 'labnet_pytorch.py' },
  keras: { label: 'Keras', write: kerasScript, file: 'labnet_keras.py' },
} as const;
type Format = keyof typeof FORMATS;
const FORMAT_CHOICES = (Object.keys(FORMATS) as Format[]).map((f) => ({
  value: f,
  label: FORMATS[f].label,
}));

type Weights = 'scratch' | 'checkpoint';

/** Saves text as a file the browser downloads. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/x-python' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * "Show as code": the current network and training setup as a complete PyTorch or Keras
 * script, highlighted, with copy and download. It follows every change of the network and
 * the settings; with "the lab's weights" it loads the checkpoint "Download checkpoint" writes.
 */
export function CodePanel() {
  // Shallow-compared, so training's status updates do not rewrite the script.
  const settings = useLabStore(useShallow(settingsOf));
  const step = useLabStore((s) => s.run.step);
  const manifestStatus = useLabStore((s) => s.manifestStatus);
  const [format, setFormat] = useState<Format>('pytorch');
  const [weights, setWeights] = useState<Weights>('scratch');
  const [copied, setCopied] = useState<string | null>(null);
  const manifest = manifestStatus.state === 'ready' ? manifestStatus.manifest : null;
  const datasetTitle = manifest?.datasets.find((d) => d.id === settings.dataset)?.title;
  const checkpointFile = checkpointFileName(settings.network.name, settings.dataset, step);
  const script = useMemo(() => {
    try {
      const setup = exportSetupOf(settings, {
        ...(datasetTitle ? { datasetTitle } : {}),
        ...(weights === 'checkpoint' ? { checkpointFile } : {}),
      });
      return { ok: true as const, code: FORMATS[format].write(settings.network, setup) };
    } catch (error) {
      return { ok: false as const, problem: messageOf(error) };
    }
  }, [format, weights, checkpointFile, datasetTitle, settings]);
  const html = useMemo(() => (script.ok ? highlightPython(script.code) : ''), [script]);
  const copy = async () => {
    if (!script.ok) return;
    try {
      await navigator.clipboard.writeText(script.code);
      setCopied('Copied the script.');
    } catch {
      setCopied('The browser refused the clipboard: select the code and copy it by hand.');
    }
  };
  return (
    <section className="panel code-panel" aria-labelledby="code-title">
      <h1 id="code-title">Show as code</h1>
      <p className="code-intro">
        The network and training you set up here, as a script you can run outside the lab: it reads
        the lab’s own data files (<code>public/data</code>, made by <code>npm run datasets</code>)
        and uses the lab’s optimiser, learning rate, batch size, epochs, seed, normalisation and
        weight decay. It changes as the network changes.
      </p>
      <div className="code-controls">
        <RadioField
          legend="Framework"
          name="code-format"
          value={format}
          choices={FORMAT_CHOICES}
          onChange={setFormat}
        />
        <RadioField
          legend="Weights"
          name="code-weights"
          value={weights}
          choices={[
            { value: 'scratch', label: 'Train from scratch' },
            { value: 'checkpoint', label: `The lab’s weights (step ${step})` },
          ]}
          onChange={setWeights}
        />
      </div>
      {weights === 'checkpoint' ? (
        <p className="code-checkpoint">
          The script loads <code>{checkpointFile}</code>: download it with{' '}
          <ActionButton action="training.download">Download checkpoint</ActionButton> and keep it
          beside the script.{' '}
          {format === 'pytorch' ? 'Its test accuracy is the lab’s, image for image.' : null}
        </p>
      ) : null}
      {script.ok ? (
        <>
          <div className="code-actions">
            <button type="button" onClick={() => void copy()}>
              Copy
            </button>
            <button type="button" onClick={() => download(script.code, FORMATS[format].file)}>
              Download {FORMATS[format].file}
            </button>
            <span role="status" className="code-status">
              {copied ?? `${script.code.split('\n').length} lines of Python`}
            </span>
          </div>
          <pre
            className="code-view panel-main-figure"
            tabIndex={0}
            aria-label={`${FORMATS[format].label} script`}
          >
            {/* highlight.js escapes every character of the script (see highlight.ts). */}
            <code className="hljs language-python" dangerouslySetInnerHTML={{ __html: html }} />
          </pre>
        </>
      ) : (
        <p role="alert" className="code-problem">
          {script.problem}
        </p>
      )}
    </section>
  );
}
