import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { classifyError } from '../errors/classify-error.js';
import { quoteInput } from '../ingest/input-limits.js';
import { VERSION } from '../version.js';
import { registerAuditCommand } from './audit-command.js';
import { registerBatchCommand, registerWorkerCommand } from './batch-command.js';
import type { CliContext, CliStreams } from './cli-context.js';
import { configureFrenchHelp, translateCommanderMessage } from './commander-in-french.js';
import { EXIT_CODES } from './exit-codes.js';
import { COMMON_EXIT_CODES, DISPLAY_VARIABLES, formatHelpSections } from './help-sections.js';
import { registerOptimizeCommand } from './optimize-command.js';
import { registerPublishCommand } from './publish-command.js';
import { registerServeCommand } from './serve-command.js';
import { useColor } from './use-color.js';

/** Runs `plume` with its arguments and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], streams: CliStreams): Promise<number> {
  // Copied as property descriptors, not spread: `stdin` may be a getter that builds the stream on first use.
  const context = Object.defineProperties(
    { color: useColor(streams.stdout, streams.env) },
    Object.getOwnPropertyDescriptors(streams),
  ) as CliContext;
  let exitCode: number = EXIT_CODES.ok;
  const program = configureFrenchHelp(new Command('plume'))
    .description(
      'Transforme un article en article français structuré, optimisé pour le référencement, et le prouve par un audit.',
    )
    .version(VERSION, '-v, --version', 'affiche la version de Plume')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => streams.stdout.write(text),
      writeErr: (text) => streams.stderr.write(text),
      // One line, in French, in the same voice as our own errors.
      outputError: (text, write) => write(`plume: ${translateCommanderMessage(text)} (voir plume --help)\n`),
    })
    .addHelpText(
      'after',
      formatHelpSections({
        examples: [
          'plume optimize article.txt -o out/',
          'plume audit "articles/*.md" --fail-under seo=80,readability=60',
          'plume batch articles/ -o out/',
          'plume serve --port 9000',
          'plume help optimize',
        ],
        variables: DISPLAY_VARIABLES,
        exitCodes: [
          COMMON_EXIT_CODES.ok,
          COMMON_EXIT_CODES.internal,
          COMMON_EXIT_CODES.badInput,
          [3, 'écrit, mais une contrainte n’est pas respectée (ou audit sous le seuil de --fail-under)'],
          COMMON_EXIT_CODES.interrupted,
        ],
        notes: [
          'Configuration : plume.config.json, .plumerc(.json|.yaml|.yml), plume.config.yaml ou la clé « plume »',
          'de package.json, cherchés depuis le dossier courant vers le haut (ou --config fichier).',
        ],
      }),
    );
  const setExitCode = (code: number) => {
    exitCode = code;
  };
  const registrations: [string, typeof registerAuditCommand][] = [
    ['optimize', registerOptimizeCommand],
    ['audit', registerAuditCommand],
    ['serve', registerServeCommand],
    ['publish', registerPublishCommand],
    ['batch', registerBatchCommand],
    ['worker', registerWorkerCommand],
  ];
  // `plume audit …` needs only the audit command: the others' options are not built (start-up time).
  // Anything else (`--help`, `help audit`, a typo that gets suggestions) gets them all, in this order.
  const invoked = registrations.find(([name]) => name === argv[0]);
  for (const [, register] of invoked ? [invoked] : registrations) register(program, context, setExitCode);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, streams);
  }
}

function handleError(error: unknown, streams: CliStreams): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its one-line message; help and version exit 0.
    return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.badInput;
  }
  const { kind } = classifyError(error);
  if (kind === 'input' || error instanceof InvalidArgumentError) {
    streams.stderr.write(`plume: ${(error as Error).message}\n`);
    return EXIT_CODES.badInput;
  }
  if (streams.signal?.aborted) {
    streams.stderr.write('plume: interrompu, rien n’a été écrit.\n');
    return EXIT_CODES.interrupted;
  }
  if (kind === 'setup') {
    // Setup to fix before running again: the message names the variable or field, never a key.
    streams.stderr.write(`plume: ${(error as Error).message}\n`);
    return EXIT_CODES.badInput;
  }
  if (kind === 'provider') {
    streams.stderr.write(`plume: échec du fournisseur LLM : ${(error as Error).message}\n`);
    return EXIT_CODES.internal;
  }
  // A message may quote the input (a pattern, a value): one line, bounded.
  const message = quoteInput(error instanceof Error ? error.message : String(error), 200);
  streams.stderr.write(`plume: erreur interne : ${message}\n`);
  if (streams.env.PLUME_DEBUG && error instanceof Error && error.stack)
    streams.stderr.write(`${error.stack}\n`);
  return EXIT_CODES.internal;
}
