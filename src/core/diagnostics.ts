/**
 * Problems found in a network document. They are values, not exceptions, so the
 * explorer can show each one on the layer it concerns while the rest keeps working.
 */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  /** Index of the layer in the document's `layers` list; absent for the document itself. */
  readonly layerIndex?: number;
  /** The layer's display name (its `id`, or `conv2d_2` style), when it concerns a layer. */
  readonly layerName?: string;
  /** The field the problem is in, e.g. `kernel`. */
  readonly field?: string;
  /** One or two sentences: what is wrong and what to do about it. */
  readonly message: string;
}

/** A diagnostic as one line of text, prefixed with the layer it concerns. */
export function formatDiagnostic(d: Diagnostic): string {
  const where =
    d.layerName !== undefined
      ? `layer ${(d.layerIndex ?? 0) + 1} (${d.layerName})${d.field ? `, ${d.field}` : ''}: `
      : d.field
        ? `${d.field}: `
        : '';
  return `${d.severity === 'error' ? 'Error' : 'Warning'}: ${where}${d.message}`;
}

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
