import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { build, type Rolldown } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './chromium';
import type { CheckRow } from './gpu/convBiasCheck';

/**
 * The engine's own kernels on the GPU backends. WebGL and WebGPU run here on SwiftShader
 * (the lab trains on WASM there), so nothing else exercises them; a person with a GPU gets
 * them first. gpu/convBiasCheck.ts is bundled with Vite and served from a routed page at
 * 127.0.0.1 (a secure context, which WebGPU needs), in a browser started with
 * --enable-unsafe-webgpu so SwiftShader's WebGPU adapter is offered.
 */
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'],
  },
});

const TOLERANCE = 1e-5;
const PAGE = 'http://127.0.0.1:9/gpu-check.html';

async function bundle(): Promise<string> {
  const entry = fileURLToPath(new URL('./gpu/convBiasCheck.ts', import.meta.url));
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry, name: 'convBiasCheck', formats: ['iife'], fileName: 'check' },
    },
  })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('The check did not bundle.');
  return chunk.code;
}

test('conv2d with its bias fused gives the CPU backend’s output and gradients on WebGL and WebGPU', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const code = await bundle();
  await page.route(PAGE, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8">' }),
  );
  await page.goto(PAGE);
  await page.addScriptTag({ content: code });
  const rows = (await page.evaluate(`window.convBiasCheck(['webgl', 'webgpu'])`)) as CheckRow[];
  expect(rows.filter((r) => r.error)).toEqual([]);
  for (const backend of ['webgl', 'webgpu']) {
    const own = rows.filter((r) => r.backend === backend);
    expect(own, backend).toHaveLength(6);
    for (const row of own) {
      expect(row.ran, `${backend} ${row.name}`).toBe(backend);
      expect(row.errors, `${backend} ${row.name}`).toHaveLength(4);
      for (const e of row.errors) expect(e, `${backend} ${row.name}`).toBeLessThan(TOLERANCE);
    }
  }
});
