import { proxy, wrap } from 'comlink';
import type { EngineApi, EngineEvent } from '../../worker/api';
import { createEngineWorker, takeEarlyWorker } from './earlyWorker';

/**
 * The page's link to the engine: starts it lazily, runs calls one at a time, restarts it
 * after a crash, and tags calls so a reply that a newer request has overtaken is dropped.
 * It knows nothing of the store; the client wires that in through `initialise`.
 */

/** One running engine: its calls and how to stop it. */
export interface EngineConnection {
  /**
   * The engine's calls. Every call is awaited, so comlink's remote (whose methods all
   * return promises) and a plain object in tests both fit.
   */
  readonly api: EngineApi;
  terminate(): void;
}

/** Makes a connection; `onCrash` is called when the engine dies under it. */
export type ConnectEngine = (onCrash: (reason: string) => void) => EngineConnection;

/**
 * The lab's engine in a module Web Worker, reached through comlink. The first connection
 * takes the worker made while the page loaded (earlyWorker.ts); later ones (a restart, a
 * new backend) make their own.
 */
export const connectWorker: ConnectEngine = (onCrash) => {
  const early = takeEarlyWorker();
  const worker = early?.worker ?? createEngineWorker();
  // A worker that failed to load or threw outside any call: its pending calls never settle.
  worker.addEventListener('error', (event) => onCrash(event.message || 'the worker failed'));
  // One that failed before anyone listened is reported once the connection exists.
  const earlyError = early?.error;
  if (earlyError) setTimeout(() => onCrash(earlyError), 0);
  const remote = wrap<EngineApi>(worker);
  // The listener runs on this side: comlink must pass it as a proxy, not try to copy it.
  const listen = (onEvent: (event: EngineEvent) => void) => remote.listen(proxy(onEvent));
  const api = new Proxy(remote, {
    get: (target, key, receiver) =>
      key === 'listen' ? listen : (Reflect.get(target, key, receiver) as unknown),
  }) as unknown as EngineApi;
  return { api, terminate: () => worker.terminate() };
};

/** A call that was pending on an engine that stopped (crashed, or replaced by a restart). */
export class EngineStoppedError extends Error {
  override readonly name = 'EngineStoppedError';
}

/** True for the error every pending call of a stopped engine rejects with. */
export function isEngineStopped(error: unknown): boolean {
  return error instanceof EngineStoppedError;
}

/**
 * The engine's calls, each settling when the engine stops if it has not by then: a
 * terminated worker never answers, and a job waiting on it would hold the queue for good.
 */
function settlingOnStop(api: EngineApi, stopped: Promise<never>): EngineApi {
  return new Proxy(api, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        // Reflect.apply, not value.apply: on comlink's remote every property is another remote.
        const result: unknown = Reflect.apply(value as (...a: unknown[]) => unknown, target, args);
        return result instanceof Promise ? Promise.race([result, stopped]) : result;
      };
    },
  });
}

/** A tagged call's outcome: its value, or `current: false` when a newer request overtook it. */
export type Reply<T> = { readonly current: true; readonly value: T } | { readonly current: false };

export interface EngineBridge {
  /** The engine's calls, or null before the first start and after a failed one. */
  readonly api: EngineApi | null;
  /** True once a start was asked for (the engine may still be starting, or have given up). */
  readonly started: boolean;
  /** Starts the engine unless it is already started; resolves when `initialise` is done. */
  start(): Promise<void>;
  /** Stops the engine and starts a new one (a new backend choice). */
  restart(): Promise<void>;
  /** Runs `job` after every job queued before it; `api` is read when the job runs. */
  serial<T>(job: (api: EngineApi | null) => Promise<T>): Promise<T>;
  /**
   * Like `serial`, for requests where only the newest on `topic` matters: a queued one
   * that a newer request overtook is skipped, and a reply that arrives after a newer
   * request was made is dropped (errors included).
   */
  latest<T>(topic: string, job: (api: EngineApi) => Promise<T>): Promise<Reply<T>>;
  /** Makes every request on `topic` made so far stale, e.g. when the page cleared what they would set. */
  supersede(topic: string): void;
}

export interface BridgeDeps {
  readonly connect: ConnectEngine;
  /** Brings a new engine into step with the page (listen, backend, setup); runs after each start. */
  initialise(api: EngineApi): Promise<void>;
  /**
   * Told when the engine crashed; `restarting` is false when it crashed before it was ready
   * or has crashed too often, and the bridge leaves it stopped.
   */
  onCrash(reason: string, restarting: boolean): void;
}

/** An engine that keeps crashing (the same fault each time) is given up on after this many restarts. */
export const MAX_CRASH_RESTARTS = 3;

/** The bridge over engines made by `deps.connect`. */
export function createEngineBridge(deps: BridgeDeps): EngineBridge {
  let connection: EngineConnection | null = null;
  /** Rejects every call still pending on the current engine; set by `begin`. */
  let settlePending: (reason: string) => void = () => {};
  let started = false;
  let starting: Promise<void> = Promise.resolve();
  /** Bumped on every start, so a crash report from an engine already replaced is ignored. */
  let generation = 0;
  /** True once the current engine finished `initialise`; a crash before that is not retried. */
  let ready = false;
  let restarts = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let lastId = 0;
  const newest = new Map<string, number>();
  const supersede = (topic: string): number => {
    const id = ++lastId;
    newest.set(topic, id);
    return id;
  };

  function stop(reason: string): void {
    settlePending(reason);
    connection?.terminate();
    connection = null;
    ready = false;
    // Calls still waiting on the old engine never settle; later jobs must not wait for them.
    queue = Promise.resolve();
  }

  function crash(of: number, reason: string): void {
    if (of !== generation) return;
    const restarting = ready && restarts < MAX_CRASH_RESTARTS;
    if (restarting) restarts++;
    stop(`The training engine stopped (${reason}).`);
    deps.onCrash(reason, restarting);
    if (restarting) void begin();
  }

  function begin(): Promise<void> {
    started = true;
    const current = ++generation;
    const raw = deps.connect((reason) => crash(current, reason));
    const stopped = new Promise<never>((_, reject) => {
      settlePending = (reason) => reject(new EngineStoppedError(reason));
    });
    // Nobody may be waiting when it stops; the rejection is still handled.
    stopped.catch(() => undefined);
    connection = { api: settlingOnStop(raw.api, stopped), terminate: () => raw.terminate() };
    const api = connection.api;
    starting = deps.initialise(api).then(() => {
      if (current === generation) ready = true;
    });
    return starting;
  }

  const serial = <T>(job: (api: EngineApi | null) => Promise<T>): Promise<T> => {
    const run = () => job(connection?.api ?? null);
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    get api() {
      return connection?.api ?? null;
    },
    get started() {
      return started;
    },
    start: () => (started ? starting : begin()),
    restart: () => {
      stop('The training engine was restarted, so this request was dropped.');
      return begin();
    },
    serial,
    latest<T>(topic: string, job: (api: EngineApi) => Promise<T>): Promise<Reply<T>> {
      const id = supersede(topic);
      const isNewest = () => newest.get(topic) === id;
      return serial(async (api): Promise<Reply<T>> => {
        if (!isNewest() || !api) return { current: false };
        try {
          const value = await job(api);
          return isNewest() ? { current: true, value } : { current: false };
        } catch (error) {
          if (isNewest()) throw error;
          return { current: false };
        }
      });
    },
    supersede: (topic) => void supersede(topic),
  };
}
