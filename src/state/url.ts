import { analyzeNetwork } from '../core/analyze';
import { catalogueEntryOf } from '../core/catalogue';
import { formatDiagnostic } from '../core/diagnostics';
import type { NetworkDocument } from '../core/network';
import { presetNetwork, SETTINGS, URL_VERSION, type LabSettings } from './settings';

/**
 * Longest link fragment the lab reads at all (Chromium's own URL limit is 2 MB).
 * Single values have their own, much smaller limits, so one oversized parameter
 * is ignored on its own and the rest of the link still applies.
 */
export const MAX_FRAGMENT_LENGTH = 1_000_000;

export interface DecodedLink {
  readonly settings: LabSettings;
  /** What was ignored or replaced, one sentence each, for the notice. */
  readonly problems: readonly string[];
  /** A network the link carried that has errors, so the person can still open it. */
  readonly rejectedNetwork?: NetworkDocument;
}

/** The settings as a URL fragment: `v=1&panel=architecture&preset=lenet5&layer=0`. */
export function encodeSettings(settings: LabSettings): string {
  const params = new URLSearchParams({ v: String(URL_VERSION) });
  for (const s of SETTINGS) {
    if (s.omit?.(settings)) continue;
    params.set(s.param, s.codec.encode(settings[s.key]));
  }
  return params.toString();
}

const quote = (text: string): string =>
  JSON.stringify(text.length > 30 ? `${text.slice(0, 27)}...` : text);

/**
 * Reads settings from a link fragment of unknown origin. Never throws, never runs
 * anything: each broken or unknown part falls back to its default and is named.
 */
export function decodeSettings(fragment: string): DecodedLink {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const problems: string[] = [];
  let params = new URLSearchParams();
  if (text.length > MAX_FRAGMENT_LENGTH) {
    problems.push(
      `The link is too long to read (${text.length.toLocaleString('en-US')} characters), so the lab opened with its defaults.`,
    );
  } else {
    params = new URLSearchParams(text);
  }
  const version = params.get('v');
  if (version !== null && version !== String(URL_VERSION)) {
    problems.push(
      /^\d+$/.test(version) && Number(version) > URL_VERSION
        ? `The link was made by a newer version of the lab (v=${version}); settings this version does not know were ignored.`
        : `The link's version ${quote(version)} is not one the lab knows; its settings were read as version ${URL_VERSION}.`,
    );
  }
  const known = new Set(['v', ...SETTINGS.map((s) => s.param)]);
  const unknown = [...new Set(params.keys())].filter((k) => !known.has(k));
  if (unknown.length) {
    problems.push(
      `Ignored unknown setting${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).map(quote).join(', ')}${unknown.length > 5 ? ' and more' : ''}.`,
    );
  }
  const repeated = [...known].filter((k) => params.getAll(k).length > 1);
  if (repeated.length) {
    problems.push(
      `The link gives ${repeated.map(quote).join(', ')} more than once; the first value was used and the others ignored.`,
    );
  }
  const settings: Partial<Record<keyof LabSettings, unknown>> = {};
  for (const s of SETTINGS) {
    const raw = params.get(s.param);
    const earlier = settings as Partial<LabSettings>;
    if (raw === null) {
      settings[s.key] = s.defaultValue(earlier);
      continue;
    }
    const decoded = s.codec.decode(raw);
    if (decoded.ok) settings[s.key] = decoded.value;
    else {
      settings[s.key] = s.defaultValue(earlier);
      problems.push(`Ignored ${s.label}: ${decoded.reason}.`);
    }
  }
  return checkSettings(settings as unknown as LabSettings, problems);
}

/** Cross-checks that need the core: a network with errors, a layer index past the end. */
function checkSettings(settings: LabSettings, problems: string[]): DecodedLink {
  let result = settings;
  let rejectedNetwork: NetworkDocument | undefined;
  const report = analyzeNetwork(settings.network);
  if (report.errors.length > 0) {
    rejectedNetwork = settings.network;
    const title = catalogueEntryOf(settings.presetId)?.title ?? settings.presetId;
    const first = report.errors.slice(0, 3).map(formatDiagnostic).join(' ');
    const more = report.errors.length > 3 ? ` (and ${report.errors.length - 3} more)` : '';
    problems.push(
      `The network in the link has ${report.errors.length} error${report.errors.length > 1 ? 's' : ''}, so ${title} is shown instead. ${first}${more}`,
    );
    result = { ...result, network: presetNetwork(settings.presetId) };
  }
  const layers = Array.isArray(result.network.layers) ? result.network.layers.length : 0;
  if (result.selectedLayer >= layers) {
    problems.push(
      `The link selects layer ${result.selectedLayer + 1}, but the network has ${layers}; the first layer is selected instead.`,
    );
    result = { ...result, selectedLayer: 0 };
  }
  return rejectedNetwork
    ? { settings: result, problems, rejectedNetwork }
    : { settings: result, problems };
}
