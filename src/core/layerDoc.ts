import { ACTIVATIONS } from './activations';
import type { FieldSpec, FieldValue } from './fields';
import { MAX_INPUTS } from './parse';
import { LAYER_TYPES } from './registry';

/** A default as the document would write it: a pair of equal numbers as one number. */
function defaultText(value: FieldValue): string {
  if (Array.isArray(value))
    return value[0] === value[1] ? String(value[0]) : `[${value.join(', ')}]`;
  return String(value);
}

function fieldText(field: FieldSpec): string {
  const name = `\`${field.name}\``;
  if (field.defaultFrom) return `${name} (= \`${field.defaultFrom}\`)`;
  return field.default === undefined ? name : `${name} (${defaultText(field.default)})`;
}

/**
 * The README's table of layer types, generated from the layer registry (a unit test compares
 * it with the README), so a new layer type is documented where it is defined.
 */
export function layerTypesMarkdown(): string {
  const rows = LAYER_TYPES.map((d) => {
    const fields = [
      ...d.fields.map(fieldText),
      ...(d.multiInput ? [`\`inputs\` (2 to ${MAX_INPUTS} ids)`] : []),
    ];
    return `| \`${d.type}\` | ${d.label}: ${d.summary} | ${fields.join(', ') || 'none'} |`;
  });
  return [
    '| type | what it computes | fields (default) |',
    '| --- | --- | --- |',
    ...rows,
    '',
    `Activations: ${ACTIVATIONS.map((a) => `\`${a}\``).join(', ')}.`,
  ].join('\n');
}
