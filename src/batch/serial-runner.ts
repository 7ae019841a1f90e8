/** Runs a function once every function given before it has finished. */
export type SerialRunner = <T>(run: () => Promise<T>) => Promise<T>;

/**
 * Runs the functions it is given one after the other, in the order given, each once the one before it
 * has settled: a worker thread's jobs, which await (files, imports) between their steps, where a job the
 * pool sent ahead would otherwise start. A function that fails rejects its own promise only.
 */
export function createSerialRunner(): SerialRunner {
  let previous: Promise<unknown> = Promise.resolve();
  return (run) => {
    const result = previous.then(run);
    previous = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  };
}
