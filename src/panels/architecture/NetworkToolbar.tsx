import { useEffect, useState } from 'react';
import { CATALOGUE, catalogueEntryOf } from '../../core/catalogue';
import { LECTURE_EXAMPLES, TRAINABLE_NETWORKS } from '../../core/catalogue/trainable';
import { REFERENCE_NETWORKS } from '../../core/catalogue/references';
import { renameNetwork, setInputShape } from '../../state/networkEdits';
import { presetNetwork, sameNetwork } from '../../state/settings';
import { useLabStore } from '../../state/store';
import type { ChoiceGroup } from '../shared/choices';
import { SelectField } from '../shared/SelectField';

const GROUPS: readonly ChoiceGroup<string>[] = [
  { label: 'Small networks to train in the tab', entries: TRAINABLE_NETWORKS },
  { label: 'Full-size references (counted, not trained)', entries: REFERENCE_NETWORKS },
  { label: 'Lecture examples', entries: LECTURE_EXAMPLES },
].map(({ label, entries }) => ({
  label,
  choices: entries.map((e) => ({ value: e.id, label: e.title })),
}));

/** "28, 28, 1" or "28×28×1" → [28, 28, 1]; text that is not a list of numbers stays text. */
function parseShapeText(text: string): unknown {
  const parts = text.split(/\s*[,x×\s]\s*/i).filter(Boolean);
  return parts.length > 0 && parts.every((p) => /^\d+$/.test(p)) ? parts.map(Number) : text;
}

/** Picks a catalogue network and edits the network's name and input shape. */
export function NetworkToolbar() {
  const presetId = useLabStore((s) => s.presetId);
  const network = useLabStore((s) => s.network);
  const choosePreset = useLabStore((s) => s.choosePreset);
  const edit = useLabStore((s) => s.editNetwork);
  const entry = catalogueEntryOf(presetId) ?? CATALOGUE[0];
  const edited = !sameNetwork(network, presetNetwork(presetId));
  const shapeText = Array.isArray(network.input)
    ? network.input.join(', ')
    : String(network.input ?? '');
  const [inputDraft, setInputDraft] = useState(shapeText);
  const [editingInput, setEditingInput] = useState(false);
  useEffect(() => {
    if (!editingInput) setInputDraft(shapeText);
  }, [shapeText, editingInput]);
  return (
    <section className="card toolbar" aria-labelledby="network-heading">
      <h2 id="network-heading" className="visually-hidden">
        Network
      </h2>
      <div className="toolbar-row">
        <SelectField
          label={<span>Catalogue network</span>}
          value={presetId}
          choices={GROUPS}
          onChange={choosePreset}
          testId="preset-picker"
        />
        <label className="stacked">
          <span>Name</span>
          <input
            type="text"
            value={typeof network.name === 'string' ? network.name : ''}
            maxLength={80}
            onChange={(e) => edit((n) => renameNetwork(n, e.target.value))}
          />
        </label>
        <label className="stacked">
          <span>Input shape (height, width, channels)</span>
          <input
            type="text"
            size={12}
            value={inputDraft}
            onFocus={() => setEditingInput(true)}
            onBlur={() => setEditingInput(false)}
            onChange={(e) => {
              setInputDraft(e.target.value);
              edit((n) => setInputShape(n, parseShapeText(e.target.value) as number[]));
            }}
          />
        </label>
        {edited && (
          <p className="edited-flag">
            Edited from {entry?.title}.{' '}
            <button type="button" onClick={() => choosePreset(presetId)}>
              Revert
            </button>
          </p>
        )}
      </div>
      {entry && <p className="preset-description">{entry.description}</p>}
    </section>
  );
}
