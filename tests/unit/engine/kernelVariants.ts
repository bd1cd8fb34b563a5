import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  allowFusedKernels,
  kernelVariant,
  type KernelModule,
} from '../../../src/engine/wasmSimdModule';

/**
 * Runs a kernel's suite once for each of its variants (wasmSimdModule.ts, KernelModule):
 * with fused multiply-adds, as Chromium runs it, and plain, as a browser without relaxed
 * SIMD does; and checks first that the variant named is the one that runs.
 */
export function eachKernelVariant(title: string, source: KernelModule, suite: () => void): void {
  describe.each(['fused', 'plain'] as const)(`${title} (%s multiply-adds)`, (variant) => {
    beforeAll(() => allowFusedKernels(variant === 'fused'));
    afterAll(() => allowFusedKernels(true));
    test(`runs the ${variant} variant here`, () => {
      expect(source.fused).toBeTypeOf('string');
      expect(kernelVariant(source)).toBe(variant);
    });
    suite();
  });
}
