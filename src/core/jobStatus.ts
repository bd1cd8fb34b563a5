/**
 * Where a long experiment job is, as the worker reports it and the page polls it: not
 * started, running with its progress (`done` of `total`, plus what the experiment adds,
 * e.g. which network is training), finished with its outcome, or stopped and why.
 * Every experiment that runs in the background (the adversarial sweep, the loss surface,
 * the initialisation runs, the shift and transfer experiments) reports this one shape.
 */
export type JobStatus<Outcome, Progress extends object = object> =
  | { readonly state: 'idle' }
  | ({ readonly state: 'running'; readonly done: number; readonly total: number } & Progress)
  | { readonly state: 'done'; readonly outcome: Outcome }
  | { readonly state: 'stopped'; readonly message: string };

/** The running state of a job's status. */
export type RunningStatus<S> = Extract<S, { state: 'running' }>;

/** The progress fields of a running status (without `state`). */
export type JobProgress<S> = Omit<RunningStatus<S>, 'state'>;
