import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { messageOf } from '../core/errors';
import { chooseBackend, type BackendName } from '../engine/backend';
import { tf } from '../engine/tf';
import { readDiskDataset, type DiskDataset } from './pretrainData';
import {
  PRETRAINED_INDEX_FILE,
  PRETRAINED_INDEX_FORMAT,
  PRETRAINED_INDEX_VERSION,
  parsePretrainedIndex,
  type PretrainedEntry,
} from './pretrainIndex';
import { runJob } from './pretrainJob';
import { PRETRAIN_JOBS, selectJobs } from './pretrainPlan';

const USAGE = `usage: npm run pretrain [-- [--only <id>[,<id>...]] [--quick] [--backend wasm|cpu] [--out <dir>] [--data <dir>]]
  --only     train only these (job ids or network ids): ${PRETRAIN_JOBS.map((j) => j.id).join(', ')}
  --quick    one epoch on 1,000 images each, written to a temporary folder unless --out is given
  --backend  wasm (the default; cpu is the fallback when wasm cannot start)
  --out      where the checkpoints and index.json go (default public/models)
  --data     where the datasets are (default public/data, written by npm run datasets)`;

interface Options {
  readonly only: string[];
  readonly quick: boolean;
  readonly backend: BackendName;
  readonly out: string;
  readonly data: string;
}

function parseArgs(args: readonly string[]): Options | string {
  const only: string[] = [];
  let quick = false;
  let backend: BackendName = 'wasm';
  let out: string | null = null;
  let data = 'public/data';
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = (args[i] ?? '').split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--only') only.push(...value().split(',').filter(Boolean));
    else if (flag === '--quick') quick = true;
    else if (flag === '--backend') {
      const name = value();
      if (name !== 'wasm' && name !== 'cpu') return `--backend must be wasm or cpu, not "${name}".`;
      backend = name;
    } else if (flag === '--out') out = value();
    else if (flag === '--data') data = value();
    else if (flag === '--help' || flag === '-h') return '';
    else return `unknown argument "${args[i] ?? ''}".`;
  }
  const defaultOut = quick ? join(tmpdir(), 'cnn-lab-pretrain-quick') : 'public/models';
  return { only, quick, backend, out: resolve(out ?? defaultOut), data: resolve(data) };
}

/** The entries already listed in the output folder whose files are still there. */
function previousEntries(out: string): PretrainedEntry[] {
  const path = join(out, PRETRAINED_INDEX_FILE);
  if (!existsSync(path)) return [];
  try {
    const index = parsePretrainedIndex(JSON.parse(readFileSync(path, 'utf8')) as unknown);
    return index.models.filter((m) => existsSync(join(out, m.file)));
  } catch (error) {
    console.warn(`Rewriting ${path}: ${messageOf(error)}.`);
    return [];
  }
}

function writeIndex(out: string, entries: readonly PretrainedEntry[]): void {
  const order = (e: PretrainedEntry) => {
    const at = PRETRAIN_JOBS.findIndex((j) => j.id === e.id);
    return at < 0 ? PRETRAIN_JOBS.length : at;
  };
  const models = [...entries].sort((a, b) => order(a) - order(b));
  const index = { format: PRETRAINED_INDEX_FORMAT, version: PRETRAINED_INDEX_VERSION, models };
  writeFileSync(join(out, PRETRAINED_INDEX_FILE), `${JSON.stringify(index, null, 2)}\n`);
}

/** Runs the command; returns the exit status. */
export async function main(args: readonly string[]): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    if (options) console.error(`Error: ${options}`);
    console[options ? 'error' : 'log'](USAGE);
    return options ? 2 : 0;
  }
  let jobs;
  try {
    jobs = selectJobs(options.only);
  } catch (error) {
    console.error(`Error: ${messageOf(error)}`);
    return 2;
  }
  // Quiet the "install tfjs-node" banner: this script runs the lab's own backends.
  tf.env().set('IS_TEST', true);
  const choice = await chooseBackend({
    preferred: options.backend,
    exclude: ['webgpu', 'webgl'],
  });
  if (choice.name !== options.backend) {
    choice.attempts.forEach((a) => console.warn(`${a.name}: ${a.reason}`));
  }
  // On WASM the engine adds Conv2DBackpropFilter, MaxPoolGrad and Conv2DBackpropInput.
  console.log(
    `Backend: ${choice.attempts.at(-1)?.reason ?? choice.name} Kernels the engine put in: ${choice.addedKernels.join(', ') || 'none'}.`,
  );
  mkdirSync(options.out, { recursive: true });
  let entries = previousEntries(options.out);
  const datasets = new Map<string, DiskDataset>();
  const started = performance.now();
  for (const job of jobs) {
    let data = datasets.get(job.dataset);
    try {
      data ??= readDiskDataset(options.data, job.dataset);
    } catch (error) {
      console.error(`Error: ${job.id}: ${messageOf(error)}`);
      return 1;
    }
    datasets.set(job.dataset, data);
    const result = await runJob(job, data, {
      backend: choice.name,
      quick: options.quick,
      log: (line) => console.log(line),
    });
    const file = `${job.id}.json`;
    const text = JSON.stringify(result.checkpoint);
    writeFileSync(join(options.out, file), text);
    const entry: PretrainedEntry = {
      id: job.id,
      network: job.network,
      dataset: job.dataset,
      title: job.title,
      epochs: result.checkpoint.epoch,
      seed: job.seed,
      testAccuracy: Number(result.testAccuracy.toFixed(4)),
      file,
      bytes: Buffer.byteLength(text),
      params: result.params,
      backend: choice.name,
      trainingSeconds: Math.round(result.trainingSeconds),
      samplesPerSecond: Math.round(result.samplesPerSecond),
    };
    entries = [...entries.filter((e) => e.id !== job.id), entry];
    writeIndex(options.out, entries);
    console.log(
      `[${job.id}] wrote ${join(options.out, file)} (${(entry.bytes / 1024).toFixed(0)} KB)`,
    );
  }
  const total = entries.reduce((sum, e) => sum + e.bytes, 0);
  console.log(
    `Done in ${((performance.now() - started) / 1000).toFixed(0)} s. ${options.out}: ${entries.length} networks, ${(total / 1024).toFixed(0)} KB of checkpoints.`,
  );
  return 0;
}
