/**
 * Numbers as the explainers print them in cells: whole numbers as they are, others with at
 * most `digits` decimals, a true minus sign (−) and no "−0".
 */
export function formatCell(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return String(value);
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  if (rounded === 0) return '0';
  const text = Number.isInteger(rounded)
    ? String(Math.abs(rounded))
    : Math.abs(rounded).toFixed(digits).replace(/0+$/, '');
  return rounded < 0 ? `−${text}` : text;
}

/** A count with thousands separators: 1,600,000,000 (core's, so every panel writes counts alike). */
export { formatCount } from '../../core/report';

/** A large count in words, to one or two significant figures: "1.6 billion", "4 million", "10 thousand". */
export function formatCountInWords(n: number): string {
  const scales: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
    [1e3, 'thousand'],
  ];
  for (const [size, word] of scales) {
    if (Math.abs(n) >= size) return `${Number((n / size).toPrecision(2))} ${word}`;
  }
  return String(n);
}
