import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { HEADER_POLICY, LAB_POLICY, policyText } from '../../src/app/securityPolicy';
import { expect, test } from './fixtures';
import { labPage, trainingPage } from './pages';

/**
 * The Content-Security-Policy holds while the lab does its heaviest work: training on the
 * WASM backend (blob: thread workers, compiled WASM), typesetting formulas (KaTeX) and
 * highlighting code (highlight.js). Every `securitypolicyviolation` event the page or a
 * frame sees is recorded from before the first script runs.
 */

const RECORD_VIOLATIONS = () => {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push(
      `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
    );
  });
};

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

const DIST = process.env.E2E_DIST ?? 'dist';

test.describe('the Content-Security-Policy', () => {
  test.setTimeout(150_000);

  test('the built page carries the policy, and the server sends it with the framing headers', async ({
    page,
  }) => {
    const html = await readFile(path.resolve(DIST, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('<script'));
    // First in the head, before any script, so it covers everything the page loads.
    expect(head).toContain('http-equiv="Content-Security-Policy"');
    const response = await page.goto('./');
    const meta = page.locator('meta[http-equiv="Content-Security-Policy"]');
    await expect(meta).toHaveAttribute('content', policyText(LAB_POLICY));
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toBe(policyText(HEADER_POLICY));
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  });

  test('the recorder sees a violation: an inline <style> element is refused', async ({ page }) => {
    // Plain `page`, not `lab`: the browser logs the refusal as a console error on purpose.
    await page.addInitScript(RECORD_VIOLATIONS);
    await page.goto('./');
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    // Once per policy that refuses it: the header's and the meta's.
    await expect.poll(async () => (await violations(page)).length).toBeGreaterThan(0);
    for (const seen of await violations(page))
      expect(seen).toMatch(/^style-src-elem refused inline/);
  });

  test('no violation while training on WASM, typesetting the maths and highlighting the code', async ({
    lab,
  }) => {
    await lab.addInitScript(RECORD_VIOLATIONS);
    const training = trainingPage(lab);
    await training.open('preset=lenet5&data=mnist&seed=1&backend=wasm');
    await expect(lab.getByTestId('backend')).toContainText(/wasm/i);
    expect(await training.trainSteps(3)).toBeGreaterThanOrEqual(3);
    // Threads need cross-origin isolation: the policy must not cost it.
    expect(await lab.evaluate(() => crossOriginIsolated)).toBe(true);

    await labPage(lab).openPanel('The maths');
    await expect(lab.locator('.katex').first()).toBeVisible();
    await labPage(lab).openPanel('Code');
    await expect(lab.locator('code.hljs .hljs-keyword').first()).toBeVisible();

    expect(await violations(lab)).toEqual([]);
  });
});
