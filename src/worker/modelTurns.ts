/**
 * Everything that reads or replaces the model's variables takes turns: a training step
 * replaces the weights (disposing the old tensors), so a snapshot or an inspection that
 * read them meanwhile would read freed memory ("Tensor is disposed"). A step holds its
 * turn only for itself, so a save during a long run waits one step, not for the run to end.
 */
export function createTurns(): <T>(job: () => Promise<T> | T) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T> | T): Promise<T> => {
    const next = last.then(job, job);
    last = next.catch(() => undefined);
    return next;
  };
}
