/**
 * Lets the worker's event loop take pending messages (a pause, a new setting)
 * between training steps. A MessageChannel round trip is used rather than
 * setTimeout(0), which browsers clamp to 4 ms once timers nest.
 */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Waits `ms` milliseconds (slow motion), or just yields when 0. */
export function pauseFor(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : yieldToEvents();
}
