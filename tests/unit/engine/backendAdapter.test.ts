import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { adapterLabel, gpuAdapterNote, type GpuAdapterSummary } from '../../../src/core/gpuAdapter';
import { chooseBackend } from '../../../src/engine/backend';
import { describeAdapter, type AdapterLike } from '../../../src/engine/gpuAdapter';
import { tf } from '../../../src/engine/tf';

/**
 * Choosing a backend when the browser offers a WebGPU adapter, with fake adapters in each
 * shape browsers have shipped. Node has no WebGPU, so `navigator.gpu` is stubbed; for the
 * adapters that must be chosen, a CPU backend stands in under the name 'webgpu' (registered
 * before tfjs's WebGPU module, whose own registration then leaves it in place).
 */

/**
 * `GPUAdapterInfo` as current Chromium has it: every field a getter on the prototype, so
 * `Object.values(info)` is empty, and `isFallbackAdapter` on the info.
 */
class PrototypeInfo {
  readonly #fields: Record<string, string | boolean>;
  constructor(fields: Record<string, string | boolean>) {
    this.#fields = fields;
  }
  get vendor() {
    return String(this.#fields.vendor ?? '');
  }
  get architecture() {
    return String(this.#fields.architecture ?? '');
  }
  get device() {
    return String(this.#fields.device ?? '');
  }
  get description() {
    return String(this.#fields.description ?? '');
  }
  get isFallbackAdapter() {
    return this.#fields.isFallbackAdapter === true;
  }
}

/** SwiftShader in Chromium 150 with --enable-unsafe-webgpu, as measured on this machine. */
const currentSwiftShader = (): AdapterLike => ({
  info: new PrototypeInfo({
    vendor: 'google',
    architecture: 'swiftshader',
    isFallbackAdapter: true,
  }),
});

function offer(adapter: AdapterLike | null) {
  const requestAdapter = vi.fn(async () => adapter);
  vi.stubGlobal('navigator', { gpu: { requestAdapter } });
  return requestAdapter;
}

beforeAll(() => {
  tf.env().set('IS_TEST', true);
  // A stand-in that starts anywhere, so an adapter the probe accepts ends up chosen.
  tf.registerBackend('webgpu', () => new MathBackendCPU());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('reading an adapter field by field', () => {
  test('current Chromium: the fields are prototype getters, the fallback flag is on the info', async () => {
    const adapter = currentSwiftShader();
    // What the old check read: nothing at all.
    expect(Object.values(adapter.info ?? {})).toEqual([]);
    expect(await describeAdapter(adapter)).toEqual({
      vendor: 'google',
      architecture: 'swiftshader',
      device: '',
      description: '',
      software: true,
    });
  });

  test('the fallback flag alone, or a software renderer named in a field, marks it software', async () => {
    const flagged = await describeAdapter({ info: new PrototypeInfo({ isFallbackAdapter: true }) });
    expect(flagged.software).toBe(true);
    const named = await describeAdapter({
      info: new PrototypeInfo({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.7, 256 bits)' }),
    });
    expect(named.software).toBe(true);
  });

  test('older browsers: the flag on the adapter, the info only from requestAdapterInfo()', async () => {
    expect((await describeAdapter({ isFallbackAdapter: true })).software).toBe(true);
    const requestAdapterInfo = vi.fn(
      async () => new PrototypeInfo({ vendor: 'google', architecture: 'swiftshader' }),
    );
    const asked = await describeAdapter({ requestAdapterInfo });
    expect(requestAdapterInfo).toHaveBeenCalledOnce();
    expect([asked.vendor, asked.architecture, asked.software]).toEqual([
      'google',
      'swiftshader',
      true,
    ]);
  });

  test('an adapter that says nothing is taken as hardware and labelled as unnamed', async () => {
    const silent = await describeAdapter({});
    expect(silent.software).toBe(false);
    expect(adapterLabel(silent)).toBe('unnamed adapter');
    const refusing = await describeAdapter({
      requestAdapterInfo: () => Promise.reject(new Error('needs a user gesture')),
    });
    expect(refusing.software).toBe(false);
  });
});

describe('choosing a backend with a WebGPU adapter on offer', () => {
  const software: [string, () => AdapterLike][] = [
    ['current Chromium (info getters, info.isFallbackAdapter)', currentSwiftShader],
    [
      'older Chromium (adapter.isFallbackAdapter, requestAdapterInfo)',
      () => ({
        isFallbackAdapter: true,
        requestAdapterInfo: async () =>
          new PrototypeInfo({ vendor: 'google', architecture: 'swiftshader' }),
      }),
    ],
    [
      'requestAdapterInfo() only, no flag',
      () => ({
        requestAdapterInfo: async () =>
          new PrototypeInfo({ vendor: 'google', architecture: 'swiftshader' }),
      }),
    ],
  ];

  test.each(software)('a software adapter is skipped for WASM: %s', async (_, make) => {
    offer(make());
    const choice = await chooseBackend();
    expect(choice.name).toBe('wasm');
    expect(choice.attempts[0]).toEqual({
      name: 'webgpu',
      ok: false,
      reason: "WebGPU's adapter (google swiftshader) is a software renderer, slower than WASM.",
    });
    expect(choice.gpuAdapter).toMatchObject({ vendor: 'google', architecture: 'swiftshader' });
    expect(choice.gpuAdapter?.software).toBe(true);
  });

  test('a real GPU (nvidia ampere) is chosen, and reported', async () => {
    offer({ info: new PrototypeInfo({ vendor: 'nvidia', architecture: 'ampere' }) });
    const choice = await chooseBackend();
    expect(choice.name).toBe('webgpu');
    expect(choice.attempts).toEqual([{ name: 'webgpu', ok: true, reason: 'running on webgpu.' }]);
    expect(choice.gpuAdapter).toEqual({
      vendor: 'nvidia',
      architecture: 'ampere',
      device: '',
      description: '',
      software: false,
    });
  });

  test('an adapter with no info at all is tried', async () => {
    offer({});
    const choice = await chooseBackend();
    expect(choice.name).toBe('webgpu');
    expect(choice.gpuAdapter?.software).toBe(false);
  });

  test('asked for by name, WebGPU runs even on the software adapter', async () => {
    offer(currentSwiftShader());
    const choice = await chooseBackend({ preferred: 'webgpu' });
    expect(choice.name).toBe('webgpu');
    expect(choice.gpuAdapter?.software).toBe(true);
  });

  test('no adapter, or WASM asked for by name: no adapter is reported, WebGPU is not asked', async () => {
    offer(null);
    const none = await chooseBackend();
    expect(none.name).toBe('wasm');
    expect(none.attempts[0]?.reason).toBe('WebGPU found no graphics adapter.');
    expect(none.gpuAdapter).toBeNull();
    const requestAdapter = offer(currentSwiftShader());
    const wasm = await chooseBackend({ preferred: 'wasm' });
    expect(wasm.name).toBe('wasm');
    expect(wasm.gpuAdapter).toBeNull();
    expect(requestAdapter).not.toHaveBeenCalled();
  });
});

describe("the backend line's adapter note", () => {
  const swiftshader: GpuAdapterSummary = {
    vendor: 'google',
    architecture: 'swiftshader',
    device: '',
    description: '',
    software: true,
  };
  const ampere: GpuAdapterSummary = {
    ...swiftshader,
    vendor: 'nvidia',
    architecture: 'ampere',
    software: false,
  };

  test('names the adapter in use, or the one skipped and why', () => {
    expect(gpuAdapterNote('webgpu', ampere)).toBe('on nvidia ampere');
    expect(gpuAdapterNote('webgpu', swiftshader)).toBe('on google swiftshader (software)');
    expect(gpuAdapterNote('wasm', swiftshader)).toBe(
      "skipped WebGPU's software adapter, google swiftshader",
    );
    expect(gpuAdapterNote('webgl', ampere)).toBe("WebGPU's nvidia ampere not used");
    expect(gpuAdapterNote('wasm', null)).toBeNull();
  });
});
