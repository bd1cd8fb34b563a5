import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './src/cli/chromium';

// Overridable so that several checkouts or build folders can be tested side by side.
const PORT = Number(process.env.E2E_PORT ?? 4179);
const DIST = process.env.E2E_DIST ?? 'dist';
const RESULTS = process.env.E2E_RESULTS ?? 'test-results';

/** Browser tests run against the production build served by `vite preview`. */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `${RESULTS}/e2e`,
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: `${RESULTS}/e2e.json` }]],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1400, height: 900 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
