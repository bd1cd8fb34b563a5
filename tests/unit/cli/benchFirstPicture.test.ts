import { describe, expect, it } from 'vitest';
import { parseArgs, type Options } from '../../../src/cli/benchArgs';
import { median } from '../../../src/cli/benchFirstPicture';
import {
  firstPictureTable,
  isFailed,
  type FailedFirstPictureRow,
  type FirstPictureRow,
} from '../../../src/cli/benchResult';

const options = (args: string[]): Options => {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
};

describe('the first-picture options', () => {
  it('times three fresh loads by default, into and from dist/, without the WebGPU flag', () => {
    const o = options([]);
    expect([o.firstPictureRuns, o.firstPictureOnly, o.dist, o.unsafeWebGpu]).toEqual([
      3,
      false,
      'dist',
      false,
    ]);
  });

  it('reads the run count, a build folder of its own, and the software WebGPU flag', () => {
    const o = options(['--first-picture', '5', '--first-picture-only', '--dist', '/tmp/d']);
    expect([o.firstPictureRuns, o.firstPictureOnly, o.dist]).toEqual([5, true, '/tmp/d']);
    expect(options(['--first-picture', '0']).firstPictureRuns).toBe(0);
    expect(options(['--unsafe-webgpu']).unsafeWebGpu).toBe(true);
    // Timing the webgpu backend needs the adapter the flag offers.
    expect(options(['--backends', 'webgpu']).unsafeWebGpu).toBe(true);
  });

  it('refuses to time only the first picture zero times', () => {
    expect(parseArgs(['--first-picture-only', '--first-picture', '0'])).toMatch(
      /^--first-picture needs a number ≥ 1/,
    );
  });
});

describe('the first-picture figures', () => {
  it('takes the median of the runs, so one slow load does not move it', () => {
    expect(median([900, 5000, 950])).toBe(950);
    expect(median([900, 1000, 1100, 4000])).toBe(1050);
  });

  it('prints one line per network with what WebGPU offered and what the lab chose', () => {
    const row: FirstPictureRow = {
      mode: 'first-picture',
      network: 'lenet5',
      dataset: 'mnist',
      browserFlags: ['--enable-unsafe-webgpu'],
      webgpuOffered: 'google swiftshader (fallback)',
      backendShown: 'wasm',
      backendAdapterShown: "skipped WebGPU's software adapter, google swiftshader",
      firstPictureMs: 1012,
      runsMs: [1103, 1012, 987],
      engineStartedMs: 640,
      runSetUpMs: 820,
      problems: [],
      refusedRequests: 0,
      otherCpuCores: 0.1,
      loadAverage1m: 0.5,
    };
    const failed: FailedFirstPictureRow = {
      mode: 'first-picture',
      network: 'mlp',
      error: 'the feature maps never appeared',
    };
    expect(isFailed(row)).toBe(false);
    expect(isFailed(failed)).toBe(true);
    const lines = firstPictureTable([row, failed]).split('\n');
    expect(lines[0]).toMatch(
      /^network\s+WebGPU offered\s+backend shown\s+engine started ms\s+run set up ms\s+first picture ms/,
    );
    expect(lines[1]).toContain('google swiftshader (fallback)');
    expect(lines[1]).toContain("wasm skipped WebGPU's software adapter, google swiftshader");
    expect(lines[1]).toMatch(/640\s+820\s+1012\s+1103, 1012, 987$/);
    expect(lines[2]).toMatch(/^mlp(\s+—){5}\s+error: the feature maps never appeared$/);
  });
});
