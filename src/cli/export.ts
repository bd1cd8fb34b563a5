/**
 * `npm run export -- <catalogue name | network.json | checkpoint.json> --format pytorch|keras [--out FILE]`
 * Writes the network and its training as a PyTorch or Keras script. From a checkpoint the
 * script loads the checkpoint's weights (pass the same file beside it) and its settings.
 * Exit status 2 on a bad name, file, format or network, with the reason.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { CATALOGUE, catalogueEntryOf } from '../core/catalogue';
import { ExportError } from '../core/export/graph';
import { kerasScript } from '../core/export/keras';
import { pytorchScript } from '../core/export/pytorch';
import type { NetworkDocument } from '../core/network';
import { exportSetupOf, settingsFromRecord } from '../state/exportSetup';
import { defaultSettings } from '../state/settings';
import { messageOf } from '../core/errors';

const FORMATS = { pytorch: pytorchScript, keras: kerasScript } as const;
type Format = keyof typeof FORMATS;

const USAGE = `usage: npm run export -- <name | network.json | checkpoint.json> --format pytorch|keras [--out FILE]
names: ${CATALOGUE.map((e) => e.id).join(', ')}`;

interface Source {
  readonly network: NetworkDocument;
  readonly setup: ReturnType<typeof exportSetupOf>;
}

function readSource(target: string): Source {
  const entry = catalogueEntryOf(target);
  if (entry) return { network: entry.network, setup: exportSetupOf(defaultSettings()) };
  if (!target.toLowerCase().endsWith('.json'))
    throw new ExportError(`"${target}" is neither a catalogue name nor a .json file.\n${USAGE}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(target, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ExportError(
      code === 'ENOENT'
        ? `cannot read ${target}: no such file.`
        : `${target} is not valid JSON: ${messageOf(error)}`,
    );
  }
  const doc = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  if (doc.format === 'cnn-lab-checkpoint') {
    const settings = (
      typeof doc.settings === 'object' && doc.settings !== null ? doc.settings : {}
    ) as Record<string, unknown>;
    const stats = settings.stats as { mean?: unknown; std?: unknown } | undefined;
    const validStats =
      stats && Array.isArray(stats.mean) && Array.isArray(stats.std)
        ? { mean: stats.mean.map(Number), std: stats.std.map(Number) }
        : undefined;
    return {
      network: doc.network as NetworkDocument,
      setup: exportSetupOf(settingsFromRecord(settings, doc.dataset), {
        ...(validStats ? { stats: validStats } : {}),
        checkpointFile: basename(target),
      }),
    };
  }
  return { network: raw as NetworkDocument, setup: exportSetupOf(defaultSettings()) };
}

function main(args: readonly string[]): number {
  const at = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const format = at('--format') ?? 'pytorch';
  const out = at('--out');
  const target = args.find(
    (a, i) => !a.startsWith('--') && !['--format', '--out'].includes(args[i - 1] ?? ''),
  );
  if (!target || !(format in FORMATS)) {
    console.error(!target ? USAGE : `unknown format "${format}"; use pytorch or keras.\n${USAGE}`);
    return 2;
  }
  try {
    const { network, setup } = readSource(target);
    const script = FORMATS[format as Format](network, setup);
    if (out) writeFileSync(out, script);
    else process.stdout.write(script);
    if (out) console.error(`wrote ${out} (${format}, ${script.split('\n').length} lines)`);
    return 0;
  } catch (error) {
    console.error(messageOf(error));
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
