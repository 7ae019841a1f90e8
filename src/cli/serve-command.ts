import { type Command, InvalidArgumentError } from 'commander';
import { DEFAULT_JOB_TIME_LIMIT_MS } from '../server/job-time-limit.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import { COMMON_EXIT_CODES, DISPLAY_VARIABLES, formatHelpSections, LLM_VARIABLES } from './help-sections.js';
import { parsePositiveInteger } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { addWriterOptions, checkWriterName, type WriterFlagOptions, writerFlags } from './writer-options.js';

interface ServeCommandOptions extends WriterFlagOptions {
  host: string;
  port: number;
  token?: string;
  allowPrivateUrls?: boolean;
  rateLimit: number;
  maxBody: number;
  maxLlmJobs: number;
  jobTimeLimit: number;
}

const BYTES_PER_MEGABYTE = 1024 * 1024;

function parsePort(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new InvalidArgumentError('un numéro de port de 0 à 65535 est attendu.');
  }
  return parsed;
}

function parseNonNegativeInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new InvalidArgumentError('un nombre entier, 0 ou plus, est attendu.');
  return parsed;
}

function parseMegabytes(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 100) {
    throw new InvalidArgumentError('une taille en mégaoctets, au-dessus de 0 et au plus 100, est attendue.');
  }
  return parsed;
}

/** `plume serve --help`: examples, environment and exit codes. */
const SERVE_HELP = formatHelpSections({
  examples: [
    'plume serve',
    'plume serve --port 9000 --allow-private-urls',
    'PLUME_TOKEN=$(openssl rand -hex 32) plume serve --host 0.0.0.0',
    'plume serve --provider openai --model gpt-4o-mini',
  ],
  variables: [
    ['PLUME_TOKEN', 'jeton exigé sur /api (comme --token, sans se montrer dans ps)'],
    ...LLM_VARIABLES,
    ...DISPLAY_VARIABLES,
  ],
  exitCodes: [
    [0, 'serveur arrêté par Ctrl-C'],
    COMMON_EXIT_CODES.internal,
    [2, 'réglage refusé : port pris, hôte public sans jeton, jeton trop court, option invalide'],
  ],
});

export function registerServeCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command('serve')
    .description('Sert la page web et l’API HTTP (optimize, audit) sur cette machine.')
    .option(
      '--host <adresse>',
      'adresse d’écoute ; toute adresse autre que la boucle locale exige un jeton',
      '127.0.0.1',
    )
    .option('--port <n>', 'port d’écoute (0 en choisit un libre)', parsePort, 8787)
    .option(
      '--token <jeton>',
      'jeton exigé sur chaque requête /api (par défaut : PLUME_TOKEN ; préférez la variable, les options se voient dans ps)',
    )
    .option(
      '--allow-private-urls',
      'autorise les adresses du réseau local ou de la machine comme source (refusées par défaut : protection SSRF)',
    )
    .option(
      '--rate-limit <n>',
      'requêtes d’API par minute et par adresse cliente, 0 pour aucune limite',
      parseNonNegativeInteger,
      60,
    )
    .option(
      '--max-body <mo>',
      'taille maximale d’une requête en mégaoctets, envois compris',
      parseMegabytes,
      5,
    )
    .option(
      '--max-llm-jobs <n>',
      'articles rédigés par LLM en même temps ; au-delà, HTTP 429',
      parsePositiveInteger,
      2,
    )
    .option(
      '--job-time-limit <s>',
      'secondes de calcul d’un optimize ou audit hors ligne sur son fil de travail ; au-delà, HTTP 503',
      parsePositiveInteger,
      DEFAULT_JOB_TIME_LIMIT_MS / 1000,
    );
  command.addHelpText('after', SERVE_HELP);
  addWriterOptions(command).action(async (options: ServeCommandOptions) => {
    checkWriterName(options.writer);
    const token = options.token ?? (context.env.PLUME_TOKEN || undefined);
    // Loaded here, not at start-up: the other commands need neither Hono nor the server.
    const [{ startServer, checkServerSecurity, ServerConfigError }, { createConfiguredWriterFactory }] =
      await Promise.all([import('../server/start-server.js'), import('../server/writer-factory.js')]);
    try {
      // Before the LLM stack is loaded: an unsafe setup is refused at once.
      checkServerSecurity({ host: options.host, ...(token === undefined ? {} : { token }) });
    } catch (error) {
      if (ServerConfigError.isInstance(error)) throw new UsageError(error.message);
      throw error;
    }
    const writerFactory = await createConfiguredWriterFactory({
      cwd: process.cwd(),
      env: context.env,
      ...(options.writer ? { writer: options.writer } : {}),
      ...(options.config ? { configPath: options.config } : {}),
      flags: writerFlags(options),
    });
    // The configuration's `site.pages`: optimize links to them when a request gives no `sitePages`.
    const { site, fileDirectory } = await (await import('../config/read-plume-config.js')).readPlumeConfig(
      process.cwd(),
      options.config,
    );
    const sitePages =
      site.pages === undefined
        ? undefined
        : await (await import('../config/load-site-pages.js')).loadSitePages({
            configured: site.pages,
            configDirectory: fileDirectory,
            cwd: process.cwd(),
          });
    let server: Awaited<ReturnType<typeof startServer>>;
    try {
      server = await startServer({
        host: options.host,
        port: options.port,
        writerFactory,
        maxBodyBytes: Math.round(options.maxBody * BYTES_PER_MEGABYTE),
        maxConcurrentLlmJobs: options.maxLlmJobs,
        jobTimeLimitMs: options.jobTimeLimit * 1000,
        ...(sitePages && sitePages.length > 0 ? { sitePages } : {}),
        allowPrivateUrls: options.allowPrivateUrls === true,
        rateLimit: options.rateLimit === 0 ? false : { requestsPerMinute: options.rateLimit },
        ...(token === undefined ? {} : { token }),
      });
    } catch (error) {
      if (ServerConfigError.isInstance(error)) throw new UsageError(error.message);
      throw error;
    }
    const writers = writerFactory.config
      ? `hors ligne, LLM (${writerFactory.config.provider} ${writerFactory.config.model})`
      : 'hors ligne';
    context.stdout.write(
      `plume: à l’écoute sur ${server.url} (Ctrl-C pour arrêter)\n` +
        `plume: rédacteurs : ${writers} ; jeton d’API ${token === undefined ? 'non demandé (boucle locale seulement)' : 'exigé'}\n`,
    );
    if (server.placeholderPage) {
      context.stderr.write(
        'plume: la page web (src/web/) est absente : une page de remplacement est servie.\n',
      );
    }
    await waitForAbort(context.signal);
    await server.close();
    context.stdout.write('plume: serveur arrêté.\n');
    setExitCode(EXIT_CODES.ok);
  });
}

/** Serves until Ctrl-C (the CLI's abort signal); without a signal, until the process ends. */
function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal === undefined) return;
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
