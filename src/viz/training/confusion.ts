import { interpolateBlues } from 'd3';

/** Per-class accuracy (recall): correct / total for each true class; null for an empty class. */
export function perClassAccuracy(confusion: readonly (readonly number[])[]): (number | null)[] {
  return confusion.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    return total === 0 ? null : (row[i] ?? 0) / total;
  });
}

/** Fill for a cell holding `count` of a row totalling `rowTotal`: darker for a larger share. */
export function cellColor(count: number, rowTotal: number): string {
  return count === 0 ? '#ffffff' : interpolateBlues(0.15 + 0.85 * (count / Math.max(1, rowTotal)));
}

/** Text colour that stays readable (WCAG AA) on a cell of that share. */
export function cellTextColor(count: number, rowTotal: number): string {
  return count / Math.max(1, rowTotal) > 0.45 ? '#ffffff' : '#1b1f24';
}
