import { useEffect, useState } from 'react';
import type { NetworkDocument } from '../../core/network';
import { readNetworkJson } from '../../core/networkSchema';
import { useLabStore } from '../../state/store';

/** Largest file the editor opens: far more than any network needs. */
const MAX_FILE_BYTES = 1_000_000;

/** Reads text as a network document (core/networkSchema.ts), or says what is wrong with it. */
function readNetworkText(text: string): { network: NetworkDocument } | { problem: string } {
  const read = readNetworkJson(text);
  return read.ok
    ? { network: read.network }
    : {
        problem: `This was not applied: ${read.problem} Nothing was changed; fix it and apply again.`,
      };
}

/** The network as its JSON document: edit, paste, download or open a file. */
export function JsonEditor() {
  const network = useLabStore((s) => s.network);
  const replaceNetwork = useLabStore((s) => s.replaceNetwork);
  const current = JSON.stringify(network, null, 2);
  const [draft, setDraft] = useState(current);
  const [dirty, setDirty] = useState(false);
  // Numbered, so the same message for a second attempt is a new alert that is announced again.
  const [problem, setProblemShown] = useState<{ readonly text: string; readonly n: number } | null>(
    null,
  );
  const setProblem = (text: string | null) =>
    setProblemShown((p) => (text === null ? null : { text, n: (p?.n ?? 0) + 1 }));
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
        <p key={problem.n} role="alert" className="error-text">
          {problem.text}
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
              const input = e.target;
              const file = input.files?.[0];
              // Cleared on every branch, so picking the same file again is a change again.
              input.value = '';
              if (!file) return;
              if (file.size > MAX_FILE_BYTES) {
                setProblem(
                  `${file.name} is larger than 1 MB, which is far more than any network needs. Nothing was changed.`,
                );
                return;
              }
              file.text().then(
                (text) => {
                  setDraft(text);
                  setDirty(true);
                  apply(text);
                },
                (error: unknown) =>
                  setProblem(
                    `${file.name} could not be read (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`,
                  ),
              );
            }}
          />
        </label>
      </div>
    </details>
  );
}
