/** The process streams a command reads and writes; tests pass their own. */
export interface CliStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C: long work stops and writes nothing. */
  signal?: AbortSignal;
}

/** Context handed to every command. */
export interface CliContext extends CliStreams {
  /** Colours on stdout: a terminal, or FORCE_COLOR; never with NO_COLOR (see use-color.ts). */
  color: boolean;
}
