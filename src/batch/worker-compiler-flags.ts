import { setFlagsFromString } from 'node:v8';

/**
 * V8 flags for a process that runs the pipeline on worker threads (a batch, `plume serve`), by V8 major
 * version: flags differ from one to the next, and an unknown one prints an error. Each worker thread
 * compiles the pipeline's hottest functions again with V8's optimizing compiler (TurboFan), on the same
 * cores as the articles: with V8's default inlining budget, a third of the CPU time of a 1,000-article
 * batch on this project's 2-core machine. A smaller cumulative inlining budget makes those compilations
 * smaller: 12 % fewer instructions over a thread's first 300 articles (valgrind), the same code run, the
 * same articles. Measured on Node 20 (V8 11) only: other versions keep V8's defaults.
 */
const FLAGS_BY_V8_MAJOR: Readonly<Record<number, readonly string[]>> = {
  11: ['--max-inlined-bytecode-size-cumulative=200'],
};

/** The flags for V8 `version` (« 11.3.244.8-node.33 »), without those the user already gave Node. */
export function workerCompilerFlags(version: string, execArgv: readonly string[]): string[] {
  const flags = FLAGS_BY_V8_MAJOR[Number.parseInt(version, 10)] ?? [];
  return flags.filter((flag) => {
    const name = flag.slice(0, flag.indexOf('='));
    // `--max-inlined-bytecode-size-cumulative=…` or `--max_inlined_bytecode_size_cumulative …`: theirs wins.
    return !execArgv.some((given) => given.replaceAll('_', '-').startsWith(name));
  });
}

export interface TuneCompilerOptions {
  setFlags?: (flag: string) => void;
  v8Version?: string;
  execArgv?: readonly string[];
}

/**
 * Sets the flags for the whole process before a worker thread starts: a thread's isolate reads them as
 * it compiles, and checks them against its code cache, which the build records under the same flags
 * (scripts/record-worker-code-cache.mjs). The main thread's own code, compiled already, keeps its cache.
 */
export function tuneCompilerForWorkerThreads(options: TuneCompilerOptions = {}): void {
  const {
    setFlags = setFlagsFromString,
    v8Version = process.versions.v8,
    execArgv = process.execArgv,
  } = options;
  for (const flag of workerCompilerFlags(v8Version, execArgv)) setFlags(flag);
}
