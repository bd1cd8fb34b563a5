/**
 * The lab's security headers, in one place: the Content-Security-Policy of the built page
 * (a <meta> in index.html), the headers `vite preview` and `vite` send, and the list the
 * README gives for a static host (`staticHostHeadersMarkdown`, checked by a unit test).
 * Pure data and functions: vite.config.ts, the unit tests and the browser tests import it.
 */

/** A policy as directive -> sources, so variants are built by editing data, not strings. */
export type PolicyDirectives = Readonly<Record<string, readonly string[]>>;

/**
 * The built lab's policy. Nothing leaves the page's origin, and nothing inline runs.
 * - `blob:` in worker-src and script-src: tfjs-backend-wasm starts each thread as a worker
 *   from a blob URL, which then importScripts() its code from another blob URL.
 * - `'wasm-unsafe-eval'`: compiling the WASM backend's .wasm files (no JavaScript eval).
 * - `style-src 'unsafe-inline'` stays for style *attributes* only: KaTeX's renderToString
 *   (the maths panel, lessons and exercise questions through markdown-it) writes
 *   `style="height:…;vertical-align:…"` into the HTML the page inserts, and the browser
 *   checks attributes parsed from markup against the policy (React's style={} and d3's
 *   .style() go through CSSOM and would pass without it). `style-src-elem 'self'` then
 *   refuses every inline <style> element and foreign style sheet in browsers that know
 *   it (Chrome 75, Firefox 108, Safari 15.4); older ones fall back to style-src.
 * - `frame-ancestors` is ignored in a <meta>, so it is only in the header variant.
 */
export const LAB_POLICY: PolicyDirectives = {
  'default-src': ["'self'"],
  'script-src': ["'self'", 'blob:', "'wasm-unsafe-eval'"],
  'worker-src': ["'self'", 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'style-src-elem': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Writes a policy as the header or meta value: `name source source; name …`. */
export function policyText(directives: PolicyDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy as a header: a header can also forbid framing. */
export const HEADER_POLICY: PolicyDirectives = { ...LAB_POLICY, 'frame-ancestors': ["'none'"] };

/**
 * The development server's policy: Vite's dev client injects each CSS module as a <style>
 * element, the React refresh preamble is an inline script, and hot reload talks over a
 * WebSocket. The built lab never needs these.
 */
export const DEV_POLICY: PolicyDirectives = {
  ...HEADER_POLICY,
  'script-src': [...(LAB_POLICY['script-src'] ?? []), "'unsafe-inline'"],
  'style-src-elem': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'ws:', 'wss:'],
};

/** Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** What a static host serving the built lab should send with every file. */
export const STATIC_HOST_HEADERS: Readonly<Record<string, string>> = {
  ...ISOLATION_HEADERS,
  'Content-Security-Policy': policyText(HEADER_POLICY),
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** The headers of `vite` (development) and `vite preview` (the built lab). */
export const DEV_SERVER_HEADERS: Readonly<Record<string, string>> = {
  ...STATIC_HOST_HEADERS,
  'Content-Security-Policy': policyText(DEV_POLICY),
};

/** The attributes of the <meta> the build puts first in index.html's head. */
export function policyMetaAttributes(): Readonly<Record<string, string>> {
  return { 'http-equiv': 'Content-Security-Policy', content: policyText(LAB_POLICY) };
}

/** The README's list of headers for a static host (between its generated markers). */
export function staticHostHeadersMarkdown(): string {
  const lines = Object.entries(STATIC_HOST_HEADERS).map(([name, value]) => `${name}: ${value}`);
  return ['```text', ...lines, '```'].join('\n');
}
