import { SETTINGS, type LabSettings } from '../state/settings';

/**
 * A partial link fragment (no version) for a step's or an exercise's state, written from
 * the settings it changes with the URL table's own codecs: a lesson can name a network
 * document or a unit as values instead of hand-compressing the `arch` text.
 * Keys are written in the table's decoding order, as a full link lists them.
 */
export function linkOf(changes: Partial<LabSettings>): string {
  const params = new URLSearchParams();
  for (const s of SETTINGS) {
    const value = changes[s.key];
    if (value === undefined) continue;
    // Each row's codec encodes its own key's type; the spec type forgets the pairing.
    params.set(s.param, (s.codec as { encode(v: unknown): string }).encode(value));
  }
  return params.toString();
}
