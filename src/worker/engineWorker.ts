/// <reference lib="webworker" />
import { expose } from 'comlink';
import { browserLoaderDeps } from '../data/browserLoader';
import { loadDatasetById } from '../data/loader';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { createEngine } from './engine';

/**
 * The engine's worker entry: every tensor lives here, so training never blocks the
 * page. Datasets come from the same Cache Storage the page filled, so they are not
 * downloaded twice.
 */
const engine = createEngine({
  loadDataset: (id, baseUrl) => loadDatasetById(browserLoaderDeps(baseUrl), id),
  now: () => performance.now(),
  // Vite emits these as the lab's own hashed assets.
  wasmPaths: {
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
  },
});

expose(engine);
