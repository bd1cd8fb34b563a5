import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  HEADER_POLICY,
  LAB_POLICY,
  STATIC_HOST_HEADERS,
  policyText,
  staticHostHeadersMarkdown,
} from '../../../src/app/securityPolicy';

const README = readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
const START = '<!-- headers: generated from src/app/securityPolicy.ts -->';
const END = '<!-- /headers -->';

describe('the README', () => {
  it('lists exactly the headers src/app/securityPolicy.ts defines for a static host', () => {
    const start = README.indexOf(START);
    const end = README.indexOf(END);
    expect(start, `README.md has no "${START}" marker`).toBeGreaterThan(0);
    // On failure, paste `staticHostHeadersMarkdown()` between the README's markers.
    expect(README.slice(start + START.length, end).trim()).toBe(staticHostHeadersMarkdown());
  });
});

describe('the security policy', () => {
  it('lets nothing in from beyond the page’s origin, and forbids framing in the header', () => {
    for (const [name, sources] of Object.entries(LAB_POLICY)) {
      for (const source of sources) {
        // Only keywords, the origin itself and local schemes: no host, no wildcard.
        expect(source, `${name} ${source}`).toMatch(/^('[a-z-]+'|blob:|data:)$/);
      }
    }
    expect(LAB_POLICY['script-src']).not.toContain("'unsafe-inline'");
    expect(LAB_POLICY['script-src']).not.toContain("'unsafe-eval'");
    expect(LAB_POLICY['style-src-elem']).toEqual(["'self'"]);
    expect(policyText(HEADER_POLICY)).toContain("frame-ancestors 'none'");
    expect(STATIC_HOST_HEADERS['X-Frame-Options']).toBe('DENY');
  });
});
