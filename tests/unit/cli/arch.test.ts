import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The few Node APIs this test uses. tsconfig.json checks tests/unit together with the
 * browser code and without Node's types (which a reference here would leak into every
 * browser file), so the modules are loaded by name and given these minimal types.
 */
interface NodeApis {
  execFile(
    file: string,
    args: readonly string[],
    options: { cwd: string; timeout: number },
    callback: (error: { code?: unknown } | null, stdout: string, stderr: string) => void,
  ): unknown;
  mkdtempSync(prefix: string): string;
  writeFileSync(path: string, text: string): void;
  rmSync(path: string, options: { recursive: boolean; force: boolean }): void;
  tmpdir(): string;
}

const loadModule = (name: string): Promise<unknown> => import(/* @vite-ignore */ name);
const node = Object.assign(
  {},
  ...(await Promise.all(['node:child_process', 'node:fs', 'node:os'].map(loadModule))),
) as NodeApis;
const nodeBinary = (globalThis as { process?: { execPath?: string } }).process?.execPath ?? 'node';

const ROOT = decodeURIComponent(new URL('../../../', import.meta.url).pathname);

/** Runs `arch` as `npm run arch` does, through tsx, and collects its output and exit status. */
function arch(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    node.execFile(
      nodeBinary,
      ['--import', 'tsx', 'src/cli/arch.ts', ...args],
      { cwd: ROOT, timeout: 20_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const dir = node.mkdtempSync(`${node.tmpdir()}/arch-cli-`);
const file = (name: string, text: string): string => {
  const path = `${dir}/${name}`;
  node.writeFileSync(path, text);
  return path;
};

const seedExample = file(
  'seed.json',
  JSON.stringify({
    name: 'seed example',
    input: [32, 32, 3],
    layers: [
      { type: 'conv2d', filters: 10, kernel: 5, stride: 1, padding: 2, activation: 'relu' },
      { type: 'maxpool2d', size: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
  }),
);
const impossible = file(
  'impossible.json',
  JSON.stringify({ input: [4, 4, 1], layers: [{ type: 'conv2d', filters: 1, kernel: 7 }] }),
);
const notJson = file('broken.json', '{ "input": [28, 28, 1], "layers": [ ');
const missing = `${dir}/missing.json`;

// Each run starts a Node process (about half a second), so they all start at once, here.
const runs: Record<string, Run> = {};
beforeAll(async () => {
  const jobs: Record<string, string[]> = {
    table: ['lenet5'],
    json: ['vgg16', '--json'],
    file: [seedExample, '--json'],
    missing: [missing],
    notJson: [notJson],
    unknown: ['vgg17'],
    impossible: [impossible],
    impossibleJson: [impossible, '--json'],
  };
  const results = await Promise.all(Object.values(jobs).map((args) => arch(...args)));
  Object.keys(jobs).forEach((key, i) => {
    runs[key] = results[i] as Run;
  });
}, 60_000);

afterAll(() => node.rmSync(dir, { recursive: true, force: true }));

const run = (key: string): Run => {
  const r = runs[key];
  if (!r) throw new Error(`no run ${key}`);
  return r;
};

describe('npm run arch -- <name>', () => {
  it('prints the table with totals for a catalogue name and exits 0', () => {
    const { code, stdout, stderr } = run('table');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('LeNet-5');
    expect(stdout).toMatch(
      /^#\s+layer\s+type\s+output shape\s+parameters\s+MACs\s+receptive field$/m,
    );
    expect(stdout).toMatch(/^1\s+conv2d_1\s+conv2d\s+28×28×6\s+156\s/m);
    expect(stdout).toMatch(/^\s+total\s+61,706\s+416,520$/m);
  });

  it('--json prints one parseable JSON object whose totals match', () => {
    const { code, stdout, stderr } = run('json');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const json = JSON.parse(stdout) as Record<string, unknown>;
    expect(json.name).toBe('VGG-16');
    expect(json.totalParams).toBe(138_357_544);
    expect(json.layers).toHaveLength(24);
    expect(json.warnings).toEqual([]);
  });

  it('reads a network file and gives the issue’s numbers for the seed example', () => {
    const { code, stdout } = run('file');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as {
      totalParams: number;
      totalMacs: number;
      layers: { name: string; outputShape: number[]; params: number; macs: number }[];
    };
    expect(json.totalParams).toBe(26370);
    expect(json.totalMacs).toBe(793600);
    expect(json.layers[0]).toMatchObject({
      name: 'conv2d_1',
      outputShape: [32, 32, 10],
      params: 760,
      macs: 768000,
      receptiveField: 5,
    });
  });
});

describe('npm run arch with something it cannot use exits 2 and says why', () => {
  it('a missing file', () => {
    const { code, stdout, stderr } = run('missing');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`cannot read ${missing}: no such file`);
  });

  it('a file that is not JSON', () => {
    const { code, stderr } = run('notJson');
    expect(code).toBe(2);
    expect(stderr).toContain(`${notJson} is not valid JSON`);
  });

  it('an unknown name, listing the names it knows', () => {
    const { code, stderr } = run('unknown');
    expect(code).toBe(2);
    expect(stderr).toContain('"vgg17" is neither a catalogue name nor a .json file');
    expect(stderr).toContain('vgg16');
    expect(stderr).toContain('lenet5');
  });

  it('an impossible network, with --json: the readable error on stderr', () => {
    const { code, stdout, stderr } = run('impossibleJson');
    expect(code).toBe(2);
    expect(stderr).toContain('Error: layer 1 (conv2d_1), kernel: the 7×7 kernel');
    expect(stderr).toContain('7 > 4');
    const json = JSON.parse(stdout) as { errors: string[]; layers: unknown[] };
    expect(json.errors).toHaveLength(1);
    expect(json.layers).toHaveLength(1);
  });

  it('an impossible network, as a table: the error follows the table', () => {
    const { code, stdout } = run('impossible');
    expect(code).toBe(2);
    expect(stdout).toContain('Error: layer 1 (conv2d_1), kernel: the 7×7 kernel');
  });
});
