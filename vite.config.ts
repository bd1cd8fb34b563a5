import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import {
  DEV_SERVER_HEADERS,
  STATIC_HOST_HEADERS,
  policyMetaAttributes,
} from './src/app/securityPolicy.ts';

/**
 * The built page carries its Content-Security-Policy as a <meta>, first in the head, so a
 * static host that sends no headers still enforces it. Only in the build: the dev server's
 * page needs the looser header policy (Vite injects styles and an inline preamble).
 */
function policyMeta(): Plugin {
  return {
    name: 'cnn-lab-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', injectTo: 'head-prepend', attrs: { ...policyMetaAttributes() } },
    ],
  };
}

export default defineConfig({
  plugins: [
    react(),
    policyMeta(),
    VitePWA({
      // A new version waits until the person reloads (src/app/serviceWorker.ts shows the
      // notice), so one tab never runs old and new files side by side.
      registerType: 'prompt',
      // The page registers the worker itself (an inline registration would break the CSP).
      injectRegister: false,
      manifest: {
        name: 'CNN Lab',
        short_name: 'CNN Lab',
        description: 'Build, train and look inside neural networks in your browser.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // The app shell, its code and styles, the WASM backend and the trained weights.
        // (The plugin adds the web app manifest itself.)
        globPatterns: ['**/*.{html,js,css,wasm,svg,woff2,json}'],
        // The datasets (tens of MB) are not precached: src/data/loader.ts keeps each one a
        // person opened in its own Cache Storage cache (`cnn-lab-data`) and reads it from
        // there offline, so the service worker leaves data/ to it.
        globIgnores: ['data/**'],
        navigateFallbackDenylist: [/\/data\//],
        // tfjs's chunks and the threaded WASM binary are larger than Workbox's 2 MB default.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  base: './',
  // The dev server sends the looser development policy; `vite preview` the built lab's.
  server: { headers: DEV_SERVER_HEADERS, port: 5173 },
  preview: { headers: STATIC_HOST_HEADERS, port: 4173 },
  worker: {
    format: 'es',
    // tfjs-backend-wasm starts its threads from the source text of a bundled function
    // (Function.prototype.toString); minifying renames what that text refers to, and the
    // threads fail with "e is not defined". The worker bundle is therefore left unminified.
    rolldownOptions: { output: { minify: false } },
  },
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // Engine tests train small networks; on a loaded 2-core machine 5 s is too tight a limit.
    testTimeout: 60_000,
  },
});
