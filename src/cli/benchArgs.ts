/** The benchmark's command line: its options, their defaults and the help text. */

/** The command line's help text. */
export const USAGE = `usage: npm run bench -- [options]
  --json                 print only the JSON lines
  --no-build             use the existing build (skip vite build)
  --dist DIR             build into and serve DIR instead of dist/ (several checkouts or
                         people benchmarking side by side)
  --backends a,b         backends to time (default wasm,cpu; webgl and webgpu run on
                         SwiftShader here and are marked "software")
  --networks a,b         mlp, lenet5, vgg-mini-32 (default: all three; vgg-mini-32 only
                         when CIFAR-10 is in public/data/manifest.json)
  --batch N              batch size (default 32)
  --warmup S             seconds of training before measuring (default 4)
  --measure S            seconds measured (default 12)
  --accuracy             train LeNet-5 and the MLP on MNIST to the end (wasm), with the
                         lab's settings: seconds from play to the target validation
                         accuracy, then to the first test evaluation at the target (the
                         test split is evaluated at each validation from the first hit on),
                         and the test accuracy at the end
  --accuracy-cifar       also vgg-mini-32 on CIFAR-10 (slow)
  --cifar-augment        vgg-mini-32 standardised, with flips and shifts of 3 (the recipe
                         of the runs before 3 December 2026), not the lab's settings
  --epochs N             epochs for --accuracy (default: the lab's, 5)
  --cifar-epochs N       epochs for --accuracy-cifar (default 8)
  --first-picture N      open each network's link N times in a fresh browser context with
                         the feature maps panel and time the first engine picture
                         (default 3; 0 skips it); the backend is the lab's own choice
  --first-picture-only   time only the first picture
  --no-convnetjs         skip ConvNetJS (timed in a Chromium page of its own on LeNet-5
                         and MNIST, same batch, warm-up and measured seconds, when lenet5
                         is timed) and its ratio
  --unsafe-webgpu        start Chromium with --enable-unsafe-webgpu, which offers
                         SwiftShader's software WebGPU adapter (the lab must skip it);
                         on by itself when --backends has webgpu
  --trace DIR            write a Chromium trace of each measurement window to DIR
  --wait-idle            before each configuration, wait (up to 10 min) until other
                         processes use under 0.25 of a core; every line reports
                         otherCpuCores, the CPU other processes used while it measured`;

/** The networks the benchmark can time. */
export const NETWORKS = ['mlp', 'lenet5', 'vgg-mini-32'] as const;
export type NetworkId = (typeof NETWORKS)[number];
/** The backends the benchmark can time. */
export const BACKENDS = ['wasm', 'cpu', 'webgl', 'webgpu'] as const;
export type BackendId = (typeof BACKENDS)[number];
/** Backends that run on SwiftShader here, so their figures are software rendering's. */
export const SOFTWARE_BACKENDS: readonly BackendId[] = ['webgl', 'webgpu'];
/** The dataset each network is timed on. */
export const DATASET_OF: Readonly<Record<NetworkId, string>> = {
  mlp: 'mnist',
  lenet5: 'mnist',
  'vgg-mini-32': 'cifar10',
};
/** Validation accuracy the accuracy mode times (the targets; 97% for LeNet-5). */
export const TARGET_OF: Readonly<Record<NetworkId, number>> = {
  mlp: 0.95,
  lenet5: 0.97,
  'vgg-mini-32': 0.55,
};

/** What the command line asked for. */
export interface Options {
  readonly json: boolean;
  readonly build: boolean;
  /** The build folder: built into (unless --no-build) and served. */
  readonly dist: string;
  readonly backends: BackendId[];
  readonly networks: NetworkId[];
  readonly batch: number;
  readonly warmupS: number;
  readonly measureS: number;
  readonly accuracy: boolean;
  readonly accuracyCifar: boolean;
  readonly epochs: number | null;
  readonly cifarEpochs: number;
  /** vgg-mini-32 standardised with flips and shifts of 3, instead of the lab's settings. */
  readonly cifarAugment: boolean;
  readonly traceDir: string | null;
  readonly waitIdle: boolean;
  /** Times the first picture is measured per network (0: not measured). */
  readonly firstPictureRuns: number;
  readonly firstPictureOnly: boolean;
  /** ConvNetJS is timed on LeNet-5 beside the lab (off with --no-convnetjs). */
  readonly convnetjs: boolean;
  /** Chromium offers its software WebGPU adapter (--enable-unsafe-webgpu). */
  readonly unsafeWebGpu: boolean;
}

/** The options, or the text to print instead: the usage for --help, or what was wrong and the usage. */
export function parseArgs(args: readonly string[]): Options | string {
  const value = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const known = new Set([
    '--json',
    '--no-build',
    '--backends',
    '--networks',
    '--batch',
    '--warmup',
    '--measure',
    '--accuracy',
    '--accuracy-cifar',
    '--cifar-augment',
    '--epochs',
    '--cifar-epochs',
    '--trace',
    '--wait-idle',
    '--dist',
    '--first-picture',
    '--first-picture-only',
    '--no-convnetjs',
    '--unsafe-webgpu',
    '--help',
  ]);
  const withValue = new Set([
    '--backends',
    '--networks',
    '--batch',
    '--warmup',
    '--measure',
    '--epochs',
    '--cifar-epochs',
    '--trace',
    '--dist',
    '--first-picture',
  ]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!known.has(a)) return `unknown option ${a}\n${USAGE}`;
    if (withValue.has(a)) i++;
  }
  if (args.includes('--help')) return USAGE;
  const list = <T extends string>(text: string | undefined, allowed: readonly T[], all: T[]) => {
    if (text === undefined) return all;
    const items = text.split(',').filter(Boolean);
    const bad = items.filter((b) => !(allowed as readonly string[]).includes(b));
    if (bad.length) throw new Error(`unknown ${bad.join(', ')}; choose from ${allowed.join(', ')}`);
    return items as T[];
  };
  const number = (name: string, fallback: number, min: number) => {
    const text = value(name);
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isFinite(n) || n < min) throw new Error(`${name} needs a number ≥ ${min}`);
    return n;
  };
  try {
    const accuracyCifar = args.includes('--accuracy-cifar');
    const epochs = value('--epochs');
    const backends = list(value('--backends'), BACKENDS, ['wasm', 'cpu']);
    const firstPictureOnly = args.includes('--first-picture-only');
    const firstPictureRuns = Math.round(number('--first-picture', 3, firstPictureOnly ? 1 : 0));
    return {
      json: args.includes('--json'),
      build: !args.includes('--no-build'),
      dist: value('--dist') ?? 'dist',
      backends,
      networks: list(value('--networks'), NETWORKS, [...NETWORKS]),
      batch: Math.round(number('--batch', 32, 1)),
      warmupS: number('--warmup', 4, 0),
      measureS: number('--measure', 12, 1),
      accuracy: args.includes('--accuracy') || accuracyCifar,
      accuracyCifar,
      epochs: epochs === undefined ? null : Math.round(number('--epochs', 5, 1)),
      cifarEpochs: Math.round(number('--cifar-epochs', 8, 1)),
      cifarAugment: args.includes('--cifar-augment'),
      traceDir: value('--trace') ?? null,
      waitIdle: args.includes('--wait-idle'),
      firstPictureRuns,
      firstPictureOnly,
      convnetjs: !args.includes('--no-convnetjs'),
      unsafeWebGpu: args.includes('--unsafe-webgpu') || backends.includes('webgpu'),
    };
  } catch (error) {
    return `${(error as Error).message}\n${USAGE}`;
  }
}
