/**
 * Numbers as the maths panel writes them: four significant figures, trailing zeros
 * dropped, very small or large values in scientific notation. Only numbers reach the TeX
 * strings, never text a person typed, so the formulas are ours alone.
 */

/** The short decimal form of v: 4 significant figures, e.g. 0.1234, −12.5, 3.2e-7. */
export function formatNumber(v: number, digits = 4): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  let text: string;
  if (abs >= 1e-3 && abs < 1e5) {
    text = v.toPrecision(digits);
    if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  } else {
    const [mantissa = '', exponent = ''] = v.toExponential(digits - 1).split('e');
    const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
    text = `${m}e${exponent.replace('+', '')}`;
  }
  return text.replace(/^-/, '−');
}

/** v in TeX: scientific notation as a × 10^b, the minus sign as TeX's. */
export function texNumber(v: number, digits = 4): string {
  const text = formatNumber(v, digits).replace(/−/g, '-');
  if (text === '∞') return '\\infty';
  if (text === '-∞') return '-\\infty';
  if (text === 'NaN') return '\\text{NaN}';
  const [m, e] = text.split('e');
  return e === undefined ? text : `${m}\\times 10^{${e}}`;
}

/** v in TeX, in parentheses when negative, for use as a factor in a product. */
export function texFactor(v: number, digits = 4): string {
  const t = texNumber(v, digits);
  return v < 0 || t.includes('\\times') ? `\\left(${t}\\right)` : t;
}

/** Parses a number the panel displayed (Unicode minus included); NaN if it is none. */
export function parseDisplayed(text: string): number {
  return Number(text.trim().replace(/−/g, '-'));
}

/** The index a typed text names, trunc(text) clamped to 0 … count − 1, or null when it is no number. */
export function indexFromText(text: string, count: number): number | null {
  const v = Math.trunc(Number(text));
  return Number.isFinite(v) ? Math.max(0, Math.min(count - 1, v)) : null;
}
