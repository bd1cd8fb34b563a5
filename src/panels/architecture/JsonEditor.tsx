import { useEffect, useState } from 'react';
import type { NetworkDocument } from '../../core/network';
import { useLabStore } from '../../state/store';

/** Reads text as a network document, or says what is wrong with it. */
function readNetworkText(text: string): { network: NetworkDocument } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `This is not valid JSON: ${(error as Error).message}. Nothing was changed.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      problem: 'A network must be a JSON object with "input" and "layers". Nothing was changed.',
    };
  }
  return { network: value as NetworkDocument };
}

/** The network as its JSON document: edit, paste, download or open a file. */
export function JsonEditor() {
  const network = useLabStore((s) => s.network);
  const replaceNetwork = useLabStore((s) => s.replaceNetwork);
  const current = JSON.stringify(network, null, 2);
  const [draft, setDraft] = useState(current);
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!dirty) setDraft(current);
  }, [current, dirty]);

  const apply = (text: string) => {
    const result = readNetworkText(text);
    if ('problem' in result) setProblem(result.problem);
    else {
      setProblem(null);
      setDirty(false);
      replaceNetwork(result.network);
    }
  };
  const download = () => {
    const blob = new Blob([current], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${(typeof network.name === 'string' && network.name) || 'network'}.json`.replace(
      /[^\w.-]+/g,
      '-',
    );
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <details className="card json-editor">
      <summary>
        <h2>Network as JSON</h2>
      </summary>
      <p className="muted">
        The same format works in files, links and <code>npm run arch</code>. Edit it here and apply,
        or open a file.
      </p>
      <textarea
        value={draft}
        spellCheck={false}
        rows={16}
        aria-label="Network JSON"
        onChange={(e) => {
          setDraft(e.target.value);
          setDirty(true);
        }}
      />
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => apply(draft)} disabled={!dirty}>
          Apply
        </button>
        <button
          type="button"
          disabled={!dirty}
          onClick={() => {
            setDirty(false);
            setProblem(null);
          }}
        >
          Discard changes
        </button>
        <button type="button" onClick={download}>
          Download .json
        </button>
        <label className="file-button">
          Open a .json file
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              if (file.size > 1_000_000) {
                setProblem(
                  `${file.name} is larger than 1 MB, which is far more than any network needs. Nothing was changed.`,
                );
                return;
              }
              void file.text().then((text) => {
                setDraft(text);
                apply(text);
              });
              e.target.value = '';
            }}
          />
        </label>
      </div>
    </details>
  );
}
