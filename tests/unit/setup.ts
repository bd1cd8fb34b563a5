import { setFlagsFromString } from 'node:v8';
import { base64ToBytes } from '../../src/data/checkpointWeights';
import { WINOGRAD_WASM } from '../../src/engine/kernels/winogradWasm';

// The engine's kernels come in two variants, plain SIMD and with relaxed SIMD's fused
// multiply-adds (src/cli/kernels.ts, fusedText). Chromium compiles the fused ones; Node 20's
// V8 only behind this flag, which is turned on here so the tests run the variant the
// browser runs as well as the plain one (tests/unit/engine/kernelVariants.ts).
if (!WebAssembly.validate(base64ToBytes(WINOGRAD_WASM.fused ?? '') as BufferSource)) {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
}
