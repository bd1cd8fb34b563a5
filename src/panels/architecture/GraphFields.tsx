import { useEffect, useState } from 'react';
import type { LayerDocument } from '../../core/network';

interface Props {
  readonly layer: LayerDocument;
  readonly layerLabel: string;
  readonly invalidId: boolean;
  readonly invalidInputs: boolean;
  onChange(field: 'id' | 'inputs', value: unknown): void;
}

const listText = (inputs: unknown): string => (Array.isArray(inputs) ? inputs.join(', ') : '');

/** A layer's `id` and `inputs`: what makes residual and concatenating graphs expressible. */
export function GraphFields({ layer, layerLabel, invalidId, invalidInputs, onChange }: Props) {
  const [inputsDraft, setInputsDraft] = useState(listText(layer.inputs));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setInputsDraft(listText(layer.inputs));
  }, [layer.inputs, editing]);
  return (
    <>
      <label className="field" title="A name other layers can list in their inputs.">
        <span aria-hidden="true">Id</span>
        <input
          type="text"
          size={9}
          value={typeof layer.id === 'string' ? layer.id : ''}
          placeholder="auto"
          aria-label={`${layerLabel}: id`}
          aria-invalid={invalidId}
          onChange={(e) =>
            onChange('id', e.target.value.trim() === '' ? undefined : e.target.value.trim())
          }
        />
      </label>
      <label
        className="field"
        title='Ids of the layers feeding this one, comma separated ("input" is the network input). Blank: the previous layer.'
      >
        <span aria-hidden="true">Inputs</span>
        <input
          type="text"
          size={12}
          value={inputsDraft}
          placeholder="previous"
          aria-label={`${layerLabel}: inputs`}
          aria-invalid={invalidInputs}
          onFocus={() => setEditing(true)}
          onBlur={() => setEditing(false)}
          onChange={(e) => {
            setInputsDraft(e.target.value);
            const ids = e.target.value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean);
            onChange('inputs', ids.length ? ids : undefined);
          }}
        />
      </label>
    </>
  );
}
