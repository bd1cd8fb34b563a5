/** Samples per second over the last second or so of steps: a moving window, not a lifetime average. */
export function createThroughputMeter(windowMs = 1500) {
  const marks: { t: number; samples: number }[] = [];
  return {
    /** Records a step of `samples` images finishing at time `t` (ms); returns the current rate. */
    record(samples: number, t: number): number {
      marks.push({ t, samples });
      while (marks.length > 2 && t - (marks[0]?.t ?? t) > windowMs) marks.shift();
      const first = marks[0];
      if (!first || marks.length < 2) return 0;
      const elapsed = (t - first.t) / 1000;
      const counted = marks.slice(1).reduce((sum, m) => sum + m.samples, 0);
      return elapsed > 0 ? counted / elapsed : 0;
    },
    reset(): void {
      marks.length = 0;
    },
  };
}
