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

/** One thread of this process tree and its CPU time so far (ticks). */
export interface ThreadTicks {
  readonly pid: number;
  readonly tid: number;
  readonly name: string;
  readonly ticks: number;
}

/** Every thread of this process and its descendants (Chromium names its threads). */
export function threadTicks(): ThreadTicks[] | null {
  if (!canMeasureCpu()) return null;
  const root = process.pid;
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Gone.
    }
  }
  const threads: ThreadTicks[] = [];
  for (const pid of parent.keys()) {
    let p = pid;
    for (let hops = 0; p > 1 && p !== root && hops < 64; hops++) p = parent.get(p) ?? 0;
    if (p !== root) continue;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const text = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        threads.push({
          pid,
          tid: Number(tid),
          name,
          ticks: Number(fields[11]) + Number(fields[12]),
        });
      } catch {
        // Gone.
      }
    }
  }
  return threads;
}

/**
 * CPU seconds between two readings: the engine (the worker and any WASM threads, all named
 * DedicatedWorker), the page's main thread (the main thread of the process that runs the
 * worker), and everything else of the benchmark's (compositor, raster, GPU process, Node).
 */
export function cpuSplit(
  from: ThreadTicks[] | null,
  to: ThreadTicks[] | null,
): { worker: number; main: number; rest: number } | null {
  if (!from || !to) return null;
  const before = new Map(from.map((t) => [`${t.pid}/${t.tid}`, t.ticks]));
  const renderers = new Set(
    to.filter((t) => t.name.startsWith('DedicatedWorker')).map((t) => t.pid),
  );
  const split = { worker: 0, main: 0, rest: 0 };
  for (const t of to) {
    const used = (t.ticks - (before.get(`${t.pid}/${t.tid}`) ?? 0)) / CLOCK_TICKS;
    if (t.name.startsWith('DedicatedWorker')) split.worker += used;
    else if (t.tid === t.pid && renderers.has(t.pid)) split.main += used;
    else split.rest += used;
  }
  return split;
}
