import type { LayerReport, NetworkReport } from './analyze';
import { formatDiagnostic } from './diagnostics';
import type { ReceptiveField } from './receptiveField';
import { formatShape } from './shape';

/** A receptive field as one number when square, else `[height, width]`; null when undefined. */
export function receptiveFieldValue(
  field: ReceptiveField | null,
): number | [number, number] | null {
  if (!field) return null;
  return field.size[0] === field.size[1] ? field.size[0] : [field.size[0], field.size[1]];
}

/** A whole number with thousands separators: 138357544 → "138,357,544". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A large count in short form for drawings: 15470264320 → "15.5G". */
export function formatCompact(n: number): string {
  const units: [number, string][] = [
    [1e9, 'G'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (n >= size) return `${Number((n / size).toPrecision(3))}${suffix}`;
  }
  return String(n);
}

/** The receptive field as text: `5`, `3×7`, or `—` when the input is not an image. */
export function formatReceptiveField(field: ReceptiveField | null): string {
  const value = receptiveFieldValue(field);
  if (value === null) return '—';
  return Array.isArray(value) ? value.join('×') : String(value);
}

export interface ArchJsonLayer {
  name: string;
  type: string;
  outputShape: number[] | null;
  params: number;
  macs: number;
  receptiveField: number | [number, number] | null;
  jump: number | [number, number] | null;
}

export interface ArchJson {
  name: string;
  input: number[] | null;
  layers: ArchJsonLayer[];
  totalParams: number;
  totalMacs: number;
  warnings: string[];
  errors: string[];
}

const pairValue = (p: readonly [number, number]): number | [number, number] =>
  p[0] === p[1] ? p[0] : [p[0], p[1]];

/** The report as the plain object `npm run arch -- --json` prints. */
export function toArchJson(report: NetworkReport): ArchJson {
  return {
    name: report.name,
    input: report.input ? [...report.input] : null,
    layers: report.layers.map((l) => ({
      name: l.name,
      type: l.type,
      outputShape: l.outputShape ? [...l.outputShape] : null,
      params: l.paramCount,
      macs: l.macs,
      receptiveField: receptiveFieldValue(l.receptiveField),
      jump: l.receptiveField ? pairValue(l.receptiveField.jump) : null,
    })),
    totalParams: report.totalParams,
    totalMacs: report.totalMacs,
    warnings: report.warnings.map(formatDiagnostic),
    errors: report.errors.map(formatDiagnostic),
  };
}

const COLUMNS = ['#', 'layer', 'type', 'output shape', 'parameters', 'MACs', 'receptive field'];

function row(l: LayerReport): string[] {
  return [
    String(l.index + 1),
    l.name,
    l.type,
    l.outputShape ? formatShape(l.outputShape) : '?',
    formatCount(l.paramCount),
    formatCount(l.macs),
    formatReceptiveField(l.receptiveField),
  ];
}

/** The report as an aligned plain-text table with totals and diagnostics, for terminals and slides. */
export function formatReportTable(report: NetworkReport): string {
  const body = report.layers.map(row);
  const input = ['', 'input', '', report.input ? formatShape(report.input) : '?', '', '', '1'];
  const total = [
    '',
    'total',
    '',
    '',
    formatCount(report.totalParams),
    formatCount(report.totalMacs),
    '',
  ];
  const rows = [COLUMNS, input, ...body, total];
  const widths = COLUMNS.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const numeric = new Set([0, 4, 5, 6]);
  const line = (r: string[]) =>
    r
      .map((cell, c) =>
        numeric.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const lines = [
    report.name,
    '',
    line(COLUMNS),
    rule,
    ...rows.slice(1, -1).map(line),
    rule,
    line(total),
  ];
  if (report.totalState > 0) {
    lines.push(`(plus ${formatCount(report.totalState)} non-trainable batch-norm statistics)`);
  }
  if (report.diagnostics.length) lines.push('', ...report.diagnostics.map(formatDiagnostic));
  return lines.join('\n');
}
