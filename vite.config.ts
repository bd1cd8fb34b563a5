import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Cross-origin isolation lets the WASM backend use threads (SharedArrayBuffer);
// the same headers are sent by the dev server and by `vite preview`.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  base: './',
  server: { headers: isolationHeaders, port: 5173 },
  preview: { headers: isolationHeaders, port: 4173 },
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
    // Engine tests train small networks; on a loaded 2-core machine 5 s is too tight a limit.
    testTimeout: 60_000,
  },
});
