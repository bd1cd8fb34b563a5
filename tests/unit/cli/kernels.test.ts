import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  KERNELS_DIR,
  compileWat,
  expectedModules,
  fusedText,
  generatedModule,
} from '../../../src/cli/kernels';

/**
 * The engine's WebAssembly kernels are written as .wat text and shipped as generated
 * base64 modules (`npm run kernels`). These tests compile the text again with wabt, so a
 * .wat edited without regenerating fails here instead of shipping the old kernel.
 */
describe('npm run kernels', () => {
  test('every generated module is what its .wat compiles to today', async () => {
    const expected = await expectedModules();
    expect([...expected.keys()]).toContain('filterGradWasm.ts');
    for (const [name, text] of expected) {
      expect(readFileSync(join(KERNELS_DIR, name), 'utf8'), name).toBe(text);
    }
  });

  test('the bytes decode back from the module and run as WebAssembly', async () => {
    const bytes = await compileWat(
      't.wat',
      '(module (func (export "two") (result i32) i32.const 2))',
    );
    const text = generatedModule('twoThings.wat', bytes);
    expect(text).toContain('export const TWO_THINGS_WASM');
    expect(text).not.toContain('fused:');
    const base64 = [...text.matchAll(/'([A-Za-z0-9+/=]*)'/g)].map((m) => m[1]).join('');
    const instance = new WebAssembly.Instance(
      new WebAssembly.Module(Buffer.from(base64, 'base64')),
    );
    expect((instance.exports.two as () => number)()).toBe(2);
  });

  test('each accumulation becomes one fused multiply-add, and nothing else changes', async () => {
    const sum = (op: string) =>
      `(module (func (export "f") (param $x v128) (param $y v128) (param $acc v128) (result v128) ${op}))`;
    const plain = sum('(f32x4.add (local.get $acc) (f32x4.mul (local.get $x) (local.get $y)))');
    expect(fusedText(plain)).toBe(
      sum('(f32x4.relaxed_madd (local.get $x) (local.get $y) (local.get $acc))'),
    );
    // Not an accumulation: a sum of a product and something else is left as it is.
    expect(
      fusedText(sum('(f32x4.add (f32x4.mul (local.get $x) (local.get $y)) (local.get $acc))')),
    ).toBeNull();
    // The kernels with such loops ship a fused variant; it compiles, with relaxed SIMD on.
    const modules = await expectedModules();
    for (const name of ['winogradWasm.ts', 'filterGradWasm.ts', 'inputGradWasm.ts'])
      expect(modules.get(name), name).toContain('fused:');
    expect(modules.get('pairPoolGradWasm.ts')).not.toContain('fused:');
    const fused = await compileWat('f.wat', fusedText(plain) as string);
    const run = new WebAssembly.Instance(new WebAssembly.Module(fused as BufferSource)).exports
      .f as unknown;
    expect(run).toBeTypeOf('function');
  });

  test('a .wat that does not validate is an error, not a module', async () => {
    await expect(compileWat('bad.wat', '(module (func (result i32)))')).rejects.toThrow();
  });
});
