/**
 * `npm run datasets`: turns source data into the files the browser loads, in public/data/,
 * with a manifest.json listing every dataset (built or not, and how to make it available).
 *
 * Exit status: 0 when MNIST is built and every other dataset is built, up to date, or
 * missing or unreadable from the default places (it is then listed as unavailable with
 * the reason, and the page says so). 1 when MNIST cannot be built (it must always work),
 * when a folder named with --fashion-mnist or --cifar10 is missing or holds corrupt files,
 * or, with --strict, when any source found is corrupt. So `npm install` never fails for a
 * missing optional dataset, while a person who names a folder hears about its problems.
 */
import { performance } from 'node:perf_hooks';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataFormatError } from '../src/data/errors';
import {
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  findDataset,
  type AvailableDataset,
  type DatasetEntry,
  type Manifest,
  type UnavailableDataset,
} from '../src/data/manifest';
import { PACKED_VERSION } from '../src/data/packed';
import { computeStats } from '../src/data/stats';
import { cifar10Recipe } from './cifar10';
import { fashionMnistRecipe } from './fashionMnist';
import { fileStamp, sha256 } from './files';
import { mnistRecipe } from './mnist';
import {
  PACKED_EXTENSION,
  isOutputIntact,
  readPreviousManifest,
  removeStaleOutputs,
  writeManifest,
  writeSplit,
} from './output';
import type { BuildOptions, FoundSource, Recipe } from './recipe';

/** Bump when the way splits are chosen changes, so every output is rebuilt. */
const BUILD_REVISION = 2;
const SEED = 'cnn-lab datasets';
const RECIPES: readonly Recipe[] = [mnistRecipe, fashionMnistRecipe, cifar10Recipe];
const REQUIRED = new Set(['mnist']);

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(projectRoot, 'public', 'data');
const manifestPath = join(outDir, MANIFEST_FILE);

interface Args {
  readonly dirs: Record<string, string | undefined>;
  readonly force: boolean;
  readonly strict: boolean;
}

const USAGE = `Usage: npm run datasets -- [--fashion-mnist DIR] [--cifar10 DIR] [--force] [--strict]

  --fashion-mnist DIR  folder with the four Fashion-MNIST IDX files (.gz or not)
  --cifar10 DIR        folder with data_batch_1.bin … and test_batch.bin (CIFAR-10 binary version)
  --force              rebuild even what is up to date
  --strict             exit 1 when any source found is corrupt (for CI)`;

function parseArgs(argv: readonly string[]): Args {
  const dirs: Record<string, string | undefined> = {};
  let force = false;
  let strict = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--fashion-mnist' || flag === '--cifar10') {
      const value = inline ?? argv[++i];
      if (!value || value.startsWith('--')) throw new Error(`${flag} needs a folder.\n\n${USAGE}`);
      dirs[flag.slice(2)] = value;
    } else if (arg === '--force') force = true;
    else if (arg === '--strict') strict = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${arg}.\n\n${USAGE}`);
  }
  return { dirs, force, strict };
}

/** Identifies everything the outputs depend on; unchanged means no work to do. */
function fingerprintOf(recipe: Recipe, source: FoundSource): string {
  return sha256(
    JSON.stringify({
      revision: BUILD_REVISION,
      manifest: MANIFEST_VERSION,
      packed: PACKED_VERSION,
      seed: SEED,
      id: recipe.id,
      extra: source.extra ?? null,
      files: source.files.map(fileStamp),
    }),
  );
}

const describe = (recipe: Recipe) => ({
  id: recipe.id,
  title: recipe.title,
  description: recipe.description,
  classNames: recipe.classNames,
  imageShape: recipe.imageShape,
  licence: recipe.licence,
});

const isReusable = (entry: DatasetEntry | undefined): entry is AvailableDataset =>
  entry?.available === true &&
  isOutputIntact(outDir, entry.train) &&
  isOutputIntact(outDir, entry.test);

/** The shorter of the path relative to the project and the absolute path. */
const shortPath = (path: string) => {
  const fromRoot = relative(projectRoot, path);
  return fromRoot.length < path.length ? fromRoot : path;
};
const round6 = (values: readonly number[]) => values.map((v) => Math.round(v * 1e6) / 1e6);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Builds the dataset's files from its source and returns its manifest entry. */
function buildFrom(
  recipe: Recipe,
  source: FoundSource,
  fingerprint: string,
  log: (line: string) => void,
): AvailableDataset {
  const splits = recipe.read(source, `${SEED}/${recipe.id}`, log);
  const stats = computeStats(splits.train);
  const train = writeSplit(outDir, `${recipe.id}-train${PACKED_EXTENSION}`, splits.train);
  const test = writeSplit(outDir, `${recipe.id}-test${PACKED_EXTENSION}`, splits.test);
  return {
    ...describe(recipe),
    ...(splits.classNames ? { classNames: splits.classNames } : {}),
    available: true,
    train,
    test,
    mean: round6(stats.mean),
    std: round6(stats.std),
    fingerprint,
  };
}

interface Outcome {
  readonly entry: DatasetEntry;
  /** True when this outcome should make the build exit 1. */
  readonly failed: boolean;
}

function processRecipe(recipe: Recipe, args: Args, previous: Manifest | null): Outcome {
  const started = performance.now();
  const label = recipe.id.padEnd(14);
  const log = (line: string) => console.log(`  ${label}${line}`);
  const options: BuildOptions = { projectRoot, dirs: args.dirs };
  const source = recipe.locate(options);
  const before = previous ? findDataset(previous, recipe.id) : undefined;
  const required = REQUIRED.has(recipe.id);

  if (!source.found) {
    if (!source.explicit && isReusable(before)) {
      log('source not found; keeping the files of an earlier build');
      return { entry: before, failed: false };
    }
    log(`not available: looked in ${source.looked.join('; ')}`);
    log(`to add it: ${source.how}`);
    return {
      entry: { ...describe(recipe), available: false, how: source.how },
      failed: source.explicit || required,
    };
  }

  const fingerprint = fingerprintOf(recipe, source);
  if (
    !args.force &&
    before?.available &&
    before.fingerprint === fingerprint &&
    isReusable(before)
  ) {
    log(
      `up to date (${before.train.count.toLocaleString('en-US')} train / ${before.test.count.toLocaleString('en-US')} test)`,
    );
    return { entry: before, failed: false };
  }
  log(`building from ${shortPath(source.dir)}`);
  try {
    const entry = buildFrom(recipe, source, fingerprint, log);
    log(
      `built ${entry.train.count.toLocaleString('en-US')} train / ${entry.test.count.toLocaleString('en-US')} test, ` +
        `${megabytes(entry.train.bytes + entry.test.bytes)} in ${seconds(performance.now() - started)}`,
    );
    return { entry, failed: false };
  } catch (error) {
    if (!(error instanceof DataFormatError)) throw error;
    const problem = `${shortPath(error.file)}: ${error.problem}`;
    console.error(`  ${label}ERROR ${problem}`);
    const entry: UnavailableDataset = {
      ...describe(recipe),
      available: false,
      problem,
      how: 'Replace the damaged file named above with a good copy, then run `npm run datasets`.',
    };
    return { entry, failed: required || Boolean(args.dirs[recipe.id]) || args.strict };
  }
}

function main(): number {
  const started = performance.now();
  const args = parseArgs(process.argv.slice(2));
  console.log(`datasets: writing ${relative(projectRoot, outDir)}/`);
  const previous = readPreviousManifest(manifestPath);
  const outcomes = RECIPES.map((recipe) => processRecipe(recipe, args, previous));
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    datasets: outcomes.map((o) => o.entry),
  };
  const wrote = writeManifest(manifestPath, manifest);
  const removed = removeStaleOutputs(outDir, manifest);
  if (removed.length) console.log(`  removed stale files: ${removed.join(', ')}`);
  const available = manifest.datasets.filter((d) => d.available).map((d) => d.id);
  console.log(
    `datasets: ${available.length} of ${manifest.datasets.length} available (${available.join(', ') || 'none'}); ` +
      `${wrote ? 'manifest updated' : 'manifest unchanged'}; ${seconds(performance.now() - started)}`,
  );
  return outcomes.some((o) => o.failed) ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`datasets: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
