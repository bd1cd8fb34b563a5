import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * How busy the machine is apart from the benchmark itself, from Linux's /proc: the CPU time
 * of every process minus that of this process and its descendants (Chromium, vite preview).
 * On a shared 2-core machine another job can halve the figures; this says when it did.
 */

const CLOCK_TICKS = 100;

interface Sample {
  readonly t: number;
  /** All CPUs' busy time, in ticks. */
  readonly busy: number;
  /** This process tree's CPU time, in ticks. */
  readonly own: number;
}

export const canMeasureCpu = () => existsSync('/proc/stat');

function machineBusy(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [, ...values] = line.trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  return total - (n[3] ?? 0) - (n[4] ?? 0);
}

/** utime + stime of this process and every descendant still running. */
function treeTime(root: number): number {
  const parent = new Map<number, number>();
  const time = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: split after its last ')'.
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      time.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while being read.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === root) return true;
      p = parent.get(p) ?? 0;
    }
    return false;
  };
  let sum = 0;
  for (const [pid, t] of time) if (inTree(pid)) sum += t;
  return sum;
}

export function cpuSample(): Sample | null {
  if (!canMeasureCpu()) return null;
  return { t: performance.now(), busy: machineBusy(), own: treeTime(process.pid) };
}

/** CPU cores used by other processes between two samples (null off Linux). */
export function otherCores(from: Sample | null, to: Sample | null): number | null {
  if (!from || !to || to.t <= from.t) return null;
  const seconds = (to.t - from.t) / 1000;
  const other = to.busy - from.busy - (to.own - from.own);
  return Math.max(0, other / CLOCK_TICKS / seconds);
}

/** Waits (up to `maxMs`) until other processes use under `cores` CPU over a 3 s sample. */
export async function waitForQuiet(
  cores: number,
  maxMs: number,
  say: (text: string) => void,
): Promise<{ waitedSeconds: number; otherCores: number | null }> {
  const started = Date.now();
  let told = false;
  for (;;) {
    const a = cpuSample();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const used = otherCores(a, cpuSample());
    if (used === null || used < cores || Date.now() - started > maxMs) {
      return { waitedSeconds: Math.round((Date.now() - started) / 1000), otherCores: used };
    }
    if (!told) say(`  waiting for other processes to settle (${used.toFixed(2)} cores busy)…`);
    told = true;
  }
}
