import { toOutputError } from '../io/output-error.js';

/** What a failed write to standard output is called in messages. */
export const STANDARD_OUTPUT = 'la sortie standard';

/**
 * Writes `text` and resolves once the stream took it. A failed write (`> /dev/full`, a closed
 * pipe) rejects with an `OutputError` (exit 2, one line) instead of an unhandled 'error' event.
 */
export function writeToStream(
  stream: NodeJS.WritableStream,
  text: string,
  label = STANDARD_OUTPUT,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => reject(toOutputError(error, label) ?? error);
    // Kept after a failure: the stream emits 'error' after the callback, and must find a listener.
    stream.on('error', fail);
    stream.write(text, (error) => {
      if (error) return fail(error);
      stream.off('error', fail);
      resolve();
    });
  });
}

/**
 * Watches the process's standard output for the rest of the run: a write that fails after the
 * command has finished (a pipe closed early, a full disk) still gives one French line and exit 2,
 * never a stack trace. Returns a function that, once the command has finished, reports a failure
 * it has not reported itself and gives the final exit code.
 */
export function watchStandardOutput(
  stdout: NodeJS.WritableStream,
  stderr: NodeJS.WritableStream,
  setExitCode: (code: number) => void,
): (commandExitCode: number) => number {
  let failure: unknown;
  let finished = false;
  let reported = false;
  const report = () => {
    if (reported) return;
    reported = true;
    const error = toOutputError(failure, STANDARD_OUTPUT);
    stderr.write(`plume: ${error?.message ?? `impossible d’écrire ${STANDARD_OUTPUT}.`}\n`);
    setExitCode(2);
  };
  stdout.on('error', (error) => {
    failure ??= error;
    if (finished) report();
  });
  // Nowhere left to say it: the exit code alone tells.
  stderr.on('error', () => setExitCode(2));
  return (commandExitCode) => {
    finished = true;
    // The command already said it (exit 2 from an OutputError): one line is enough.
    if (failure !== undefined && commandExitCode === 2) reported = true;
    if (failure !== undefined) report();
    return failure === undefined ? commandExitCode : 2;
  };
}
