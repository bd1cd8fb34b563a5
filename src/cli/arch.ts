/**
 * `npm run arch -- <catalogue id | path/to/network.json> [--json]`
 * Prints each layer's output shape, parameters, multiply-accumulates and receptive
 * field, with totals: the numbers instructors put on slides. Exit status 2 on a bad
 * name, file or network, with the same message the explorer shows.
 */
import { readFileSync } from 'node:fs';
import { analyzeNetwork } from '../core/analyze';
import { CATALOGUE, catalogueEntryOf } from '../core/catalogue';
import { formatDiagnostic } from '../core/diagnostics';
import { formatReportTable, toArchJson } from '../core/report';

const USAGE = `usage: npm run arch -- <name | path/to/network.json> [--json]
names: ${CATALOGUE.map((e) => e.id).join(', ')}`;

/** Reads the network named on the command line, or says what went wrong. */
function loadNetwork(target: string): { network: unknown } | { problem: string } {
  const entry = catalogueEntryOf(target);
  if (entry) return { network: entry.network };
  if (!target.toLowerCase().endsWith('.json')) {
    return { problem: `"${target}" is neither a catalogue name nor a .json file.\n${USAGE}` };
  }
  let text: string;
  try {
    text = readFileSync(target, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problem: `cannot read ${target}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}.`,
    };
  }
  try {
    return { network: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: `${target} is not valid JSON: ${(error as Error).message}` };
  }
}

function main(args: string[]): number {
  const json = args.includes('--json');
  const targets = args.filter((a) => a !== '--json');
  if (targets.length !== 1 || args.some((a) => a.startsWith('--') && a !== '--json')) {
    console.error(USAGE);
    return 2;
  }
  const loaded = loadNetwork(targets[0] ?? '');
  if ('problem' in loaded) {
    console.error(`Error: ${loaded.problem}`);
    return 2;
  }
  const report = analyzeNetwork(loaded.network);
  if (json) console.log(JSON.stringify(toArchJson(report), null, 2));
  else console.log(formatReportTable(report));
  if (!report.ok) {
    // The table shows the errors too, but scripts read stderr for the reason of a failure.
    report.errors.forEach((d) => console.error(formatDiagnostic(d)));
    return 2;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
