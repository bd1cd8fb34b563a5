import type { FieldKind } from '../../core/fields';

/**
 * The explorer edits fields as text; these turn a document value into text and
 * back. Text that does not parse is kept as a string so the core reports it on
 * the layer, just as it would in a file.
 */

/** A field value as the person sees it in its input box; '' when absent. */
export function fieldToText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value))
    return value.length === 2 && value[0] === value[1] ? String(value[0]) : value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

// A leading "." is allowed: people type ".5" for a dropout rate.
const NUMBER = /^-?(\d+(\.\d+)?|\.\d+)$/;

/** "3" → 3, "3, 5" / "3x5" / "3×5" → [3, 5], "3×3" → 3; anything else stays text. */
function textToPair(text: string): unknown {
  const parts = text.split(/\s*[,x×*\s]\s*/i).filter((p) => p !== '');
  if (parts.length === 1 && NUMBER.test(parts[0] ?? '')) return Number(parts[0]);
  if (parts.length === 2 && parts.every((p) => NUMBER.test(p))) {
    const [h, w] = parts.map(Number) as [number, number];
    return h === w ? h : [h, w];
  }
  return text;
}

/** Parses what the person typed for a field of this kind; '' means "use the default". */
export function textToField(kind: FieldKind, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'count':
    case 'rate':
      return NUMBER.test(text) ? Number(text) : text;
    case 'pair':
      return textToPair(text);
    case 'padding': {
      const lower = text.toLowerCase();
      return lower === 'same' || lower === 'valid' ? lower : textToPair(text);
    }
    case 'activation':
      return text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
  }
}
