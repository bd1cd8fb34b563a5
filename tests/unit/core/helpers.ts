import { expect } from 'vitest';
import { analyzeNetwork, type LayerReport, type NetworkReport } from '../../../src/core/analyze';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import type { Diagnostic } from '../../../src/core/diagnostics';

/** Analyses a network given its input shape and layer documents. */
export function analyze(input: readonly number[], layers: readonly object[]): NetworkReport {
  return analyzeNetwork({ name: 'test', input, layers });
}

/** The layer at `index`, failing the test (not returning undefined) when it is missing. */
export function layerAt(report: NetworkReport, index: number): LayerReport {
  const layer = report.layers[index];
  if (!layer) throw new Error(`the report has no layer ${index}`);
  return layer;
}

/** The layer with this name. */
export function layerNamed(report: NetworkReport, name: string): LayerReport {
  const layer = report.layers.find((l) => l.name === name);
  if (!layer) throw new Error(`the report has no layer named ${name}`);
  return layer;
}

/** The analysed catalogue entry with this id. */
export function analyzeCatalogue(id: string): NetworkReport {
  const entry = catalogueEntryOf(id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return analyzeNetwork(entry.network);
}

/** The receptive-field side length of every layer (height; null when there is none). */
export function fieldSizes(report: NetworkReport): (number | null)[] {
  return report.layers.map((l) => l.receptiveField?.size[0] ?? null);
}

/**
 * Asserts the report has exactly one error, that it matches `where`, and that its
 * message contains every fragment; returns it for further checks.
 */
export function expectSingleError(
  report: NetworkReport,
  where: Partial<Pick<Diagnostic, 'layerIndex' | 'layerName' | 'field'>>,
  ...fragments: string[]
): Diagnostic {
  expect(report.ok).toBe(false);
  expect(report.errors.map((e) => e.message)).toHaveLength(1);
  const error = report.errors[0] as Diagnostic;
  expect(error).toMatchObject({ severity: 'error', ...where });
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}
