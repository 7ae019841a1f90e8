import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { LOCALES } from '../article.js';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import type { ArticleProcessor } from '../batch/article-processor.js';
import type { BatchArticleOptions } from '../batch/article-task.js';
import type { BatchSitePages } from '../batch/batch-site-pages.js';
import type { BatchArticleResult } from '../batch/run-batch.js';
import { isValidDate, quote } from '../check-metadata.js';
import type { SiteConfig } from '../config/site-config.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import { DISPLAY_VARIABLES, formatHelpSections, LLM_VARIABLES } from './help-sections.js';
import { isLocale, parsePositiveInteger } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { addWriterOptions, checkWriterName, type WriterFlagOptions, writerFlags } from './writer-options.js';

/** The batch's own addition to the shared writer flags. */
interface BatchWriterOptions extends WriterFlagOptions {
  callsInFlight: number;
}

interface BatchCommandOptions extends BatchWriterOptions {
  output: string;
  minWords?: number;
  locale?: string;
  siteName?: string;
  author?: string;
  date?: string;
  toc: boolean;
  faq?: boolean;
  threads?: number;
  concurrency: number;
  force?: boolean;
  json?: boolean;
  queue?: string;
  queueName?: string;
  sitePages?: string;
}

interface WorkerCommandOptions extends BatchWriterOptions {
  queue: string;
  queueName?: string;
  concurrency?: number;
}

/** The shared writer flags plus the batch's cap on LLM calls in flight across articles. */
function addBatchWriterOptions(command: Command): Command {
  return addWriterOptions(command).option(
    '--calls-in-flight <n>',
    'appels LLM simultanés, tous articles confondus',
    parsePositiveInteger,
    8,
  );
}

/**
 * The local processor: worker threads for the offline writer, the LLM writer
 * on this thread (`concurrency` articles at once) when a provider is configured.
 */
async function createLocalProcessor(
  context: CliContext,
  options: BatchWriterOptions,
  sizes: { threads: number; concurrency: number },
  sitePages: BatchSitePages | undefined,
): Promise<{ processor: ArticleProcessor; writerName: string }> {
  checkWriterName(options.writer);
  const { loadCliLlmConfig } = await import('./create-cli-writer.js');
  // The configuration only: the LLM processor builds the one provider of the batch.
  const config = await loadCliLlmConfig({
    cwd: process.cwd(),
    env: context.env,
    flags: writerFlags(options),
    ...(options.writer ? { writer: options.writer } : {}),
    ...(options.config ? { configPath: options.config } : {}),
  });
  if (config) {
    // The LLM writer's articles are written on this thread.
    if (sitePages) (await import('../batch/batch-site-pages.js')).registerSitePages(sitePages);
    const { createLlmProcessor } = await import('../batch/create-llm-processor.js');
    const processor = createLlmProcessor({
      config,
      concurrency: sizes.concurrency,
      callsInFlight: options.callsInFlight,
      ...(context.signal ? { signal: context.signal } : {}),
    });
    return { processor, writerName: `${config.provider}:${config.model}` };
  }
  const { createThreadProcessor } = await import('../batch/create-thread-processor.js');
  const processor = createThreadProcessor({ size: sizes.threads, ...(sitePages ? { sitePages } : {}) });
  if (processor.mode !== 'threads') {
    // Only a broken install gets here (the script ships beside main.js): slower, still correct.
    context.stderr.write(
      'plume: optimize-worker-thread.mjs introuvable à côté de la CLI : tout se fait sur le fil principal.\n',
    );
  }
  return { processor, writerName: 'offline' };
}

/** Redis errors are one line: unreachable at start is a setup problem (exit 2), lost later a failure (exit 1). */
function redisExitCode(error: unknown, context: CliContext): number | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'RedisUnreachableError') {
    context.stderr.write(`plume: ${error.message}\n`);
    return EXIT_CODES.badInput;
  }
  if (error.name === 'RedisConnectionLostError') {
    context.stderr.write(`plume: ${error.message}\n`);
    return EXIT_CODES.internal;
  }
  return undefined;
}

/** Probes the queue's Redis; when it does not answer, says so in one line, sets the exit code and returns false. */
async function redisAnswers(
  url: string,
  context: CliContext,
  setExitCode: (code: number) => void,
): Promise<boolean> {
  const [{ parseRedisUrl, probeRedis }, { readRedisTimeout }] = await Promise.all([
    import('../batch/queue/redis-connection.js'),
    import('../batch/queue/queue-settings.js'),
  ]);
  try {
    await probeRedis(parseRedisUrl(url), readRedisTimeout(context.env));
    return true;
  } catch (error) {
    const code = redisExitCode(error, context);
    if (code === undefined) throw error;
    setExitCode(code);
    return false;
  }
}

/** The queue with --queue, else the local processor; undefined (exit code set) when Redis fails. */
async function createBatchProcessor(
  context: CliContext,
  options: BatchCommandOptions,
  setExitCode: (code: number) => void,
  sitePages: BatchSitePages | undefined,
): Promise<{ processor: ArticleProcessor; writerName: string } | undefined> {
  try {
    if (options.queue) {
      const [{ createQueueProcessor }, { readRedisTimeout }] = await Promise.all([
        import('../batch/queue/create-queue-processor.js'),
        import('../batch/queue/queue-settings.js'),
      ]);
      const processor = await createQueueProcessor({
        url: options.queue,
        timeoutMs: readRedisTimeout(context.env),
        force: options.force === true,
        ...(options.queueName ? { queueName: options.queueName } : {}),
        onNotice: (message) => context.stderr.write(`plume: ${message}\n`),
      });
      // The workers choose the writer: the hash (and job id) only says the article went through the queue.
      return { processor, writerName: 'queue' };
    }
    return await createLocalProcessor(
      context,
      options,
      {
        threads: options.threads ?? availableParallelism(),
        concurrency: options.concurrency,
      },
      sitePages,
    );
  } catch (error) {
    const code = redisExitCode(error, context);
    if (code === undefined) throw error;
    setExitCode(code);
    return undefined;
  }
}

/** `plume batch --help`: examples, environment and exit codes. */
const BATCH_HELP = formatHelpSections({
  examples: [
    'plume batch articles/ -o out/',
    'plume batch "articles/**/*.md" --threads 2 -o out/',
    'plume batch articles/ --provider openai --concurrency 4 -o out/',
    'plume batch articles/ --queue redis://127.0.0.1:6379 -o out/',
  ],
  variables: [
    ['PLUME_REDIS_TIMEOUT_MS', 'délai maximal pour joindre Redis, en millisecondes'],
    ...LLM_VARIABLES,
    ...DISPLAY_VARIABLES,
  ],
  exitCodes: [
    [0, 'tous les articles écrits (ou déjà à jour), contraintes respectées'],
    [1, 'au moins un article en erreur (introuvable, illisible, modèle en échec), ou erreur interne'],
    [2, 'option invalide, dossier de sortie verrouillé ou inutilisable, Redis injoignable'],
    [3, 'au moins un article écrit ne respecte pas une contrainte'],
    [130, 'interrompu : relancez la même commande pour finir'],
  ],
});

/** `plume worker --help`: examples, environment and exit codes. */
const WORKER_HELP = formatHelpSections({
  examples: [
    'plume worker --queue redis://127.0.0.1:6379',
    'plume worker --queue redis://redis.interne:6379 --provider mistral --concurrency 4',
  ],
  variables: [
    ['PLUME_REDIS_TIMEOUT_MS', 'délai maximal pour joindre Redis, en millisecondes'],
    ...LLM_VARIABLES,
    ...DISPLAY_VARIABLES,
  ],
  exitCodes: [
    [0, 'arrêté proprement (SIGTERM ou Ctrl-C)'],
    [1, 'connexion à Redis perdue, ou erreur interne'],
    [2, 'Redis injoignable au démarrage, option invalide'],
  ],
});

export function registerBatchCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command('batch')
    .description(
      'Optimise de nombreux articles dans un dossier : reprend où il s’est arrêté, sur plusieurs fils, ou sur plusieurs machines avec --queue.',
    )
    .argument(
      '<entrées...>',
      'dossiers, fichiers ou motifs (« articles/**/*.md ») ; fichiers .txt, .md et .html',
    )
    .option(
      '-o, --output <dossier>',
      'dossier de <slug>.md, <slug>.html, <slug>.report.json et batch-report.json',
      'out',
    )
    .option(
      '--min-words <n>',
      'nombre minimal de mots du corps (par défaut : site.minWords, sinon 700)',
      parsePositiveInteger,
    )
    .option(
      '--locale <locale>',
      `variété de français : ${LOCALES.join(', ')} (par défaut : site.locale, sinon fr-FR)`,
    )
    .option('--site-name <nom>', 'nom du site, pour Open Graph et l’éditeur JSON-LD (par défaut : site.name)')
    .option(
      '--author <nom>',
      'auteur, pour JSON-LD et Open Graph (par défaut : celui de chaque source, sinon site.author)',
    )
    .option(
      '--date <date>',
      'date de publication AAAA-MM-JJ (par défaut : celle de chaque source, sinon aujourd’hui)',
    )
    .option('--faq', 'ajoute les données structurées FAQ des intertitres en question')
    .option('--no-toc', 'pas de sommaire, même avec 4 sections ou plus')
    .option(
      '--threads <n>',
      `fils de travail du rédacteur hors ligne (par défaut : ${availableParallelism()}, les cœurs disponibles)`,
      parsePositiveInteger,
    )
    .option(
      '--concurrency <n>',
      'articles rédigés en même temps avec un fournisseur LLM',
      parsePositiveInteger,
      4,
    )
    .option(
      '--site-pages <fichier>',
      'pages du site vers lesquelles lier les mots de chaque article (maillage interne) : sitemap.xml, .json ou .txt « adresse<TAB>titre » (par défaut : site.pages)',
    )
    .option('--force', 'refait chaque article, même ceux déjà faits avec la même entrée et les mêmes options')
    .option('--json', 'affiche batch-report.json au lieu du tableau récapitulatif')
    .option(
      '--queue <url-redis>',
      'confie les articles à des `plume worker` par Redis, ex. redis://127.0.0.1:6379',
    )
    .option('--queue-name <nom>', 'nom de la file BullMQ (par défaut : plume)');
  command.addHelpText('after', BATCH_HELP);
  addBatchWriterOptions(command).action((inputs: string[], options: BatchCommandOptions) =>
    runBatchCommand(inputs, options, context, setExitCode),
  );
}

/** `plume batch <inputs...>`: collect the inputs, run them (threads, LLM or queue), print the summary. */
async function runBatchCommand(
  inputs: string[],
  options: BatchCommandOptions,
  context: CliContext,
  setExitCode: (code: number) => void,
): Promise<void> {
  const { readPlumeConfig } = await import('../config/read-plume-config.js');
  const { site, fileDirectory } = await readPlumeConfig(process.cwd(), options.config);
  const sitePages = await loadBatchSitePages(options, site, fileDirectory);
  const articleOptions = {
    ...validateArticleOptions(options, site),
    ...(sitePages ? { sitePagesHash: sitePages.hash } : {}),
  };
  // Loaded here, not at start-up: other commands need none of the batch, thread or queue code.
  const [
    { collectInputs },
    { runBatch, batchExitCode, BATCH_REPORT_NAME },
    { batchSummaryLines },
    progressModule,
  ] = await Promise.all([
    import('../batch/collect-inputs.js'),
    import('../batch/run-batch.js'),
    import('../batch/format-batch-summary.js'),
    import('../batch/batch-progress.js'),
  ]);
  // Before inputs are read or BullMQ is loaded: an unreachable Redis is the one line shown, at once.
  if (options.queue && !(await redisAnswers(options.queue, context, setExitCode))) return;
  const cwd = process.cwd();
  const outputDirectory = resolve(cwd, options.output);
  const collected = await collectInputs(inputs, { cwd, exclude: [outputDirectory] });
  if (collected.files.length === 0 && collected.missing.length === 0) {
    throw new UsageError(`aucun fichier .txt, .md ou .html trouvé dans ${inputs.join(', ')}.`);
  }
  if (collected.ignored > 0 && !options.json) {
    context.stderr.write(
      `plume: ${collected.ignored} fichier${collected.ignored > 1 ? 's ignorés' : ' ignoré'} : ni .txt, ni .md, ni .html.\n`,
    );
  }

  const chosen = await createBatchProcessor(context, options, setExitCode, sitePages);
  if (!chosen) return;
  const { processor, writerName } = chosen;

  const stopOnInterrupt = () => void processor.close();
  context.signal?.addEventListener('abort', stopOnInterrupt, { once: true });
  const progress = progressModule.createBatchProgress({
    stream: context.stderr,
    interactive: Boolean((context.stderr as { isTTY?: boolean }).isTTY) && context.env.TERM !== 'dumb',
  });
  let report: Awaited<ReturnType<typeof runBatch>>;
  try {
    report = await runBatch({
      files: collected.files,
      missing: collected.missing,
      outputDirectory,
      cwd,
      options: articleOptions,
      defaultDate: new Date().toISOString().slice(0, 10),
      writerName,
      processor,
      force: options.force === true,
      ...(context.signal ? { signal: context.signal } : {}),
      onEvent: options.json ? undefined : progress.onEvent,
    });
  } catch (error) {
    if (error instanceof Error && error.name === 'BatchLockedError') throw new UsageError(error.message);
    throw error;
  } finally {
    context.signal?.removeEventListener('abort', stopOnInterrupt);
    progress.finish();
    await processor.close();
  }
  const reportFile = join(outputDirectory, BATCH_REPORT_NAME);
  const reportPath = relative(cwd, reportFile);
  // Both from batch-report.json, a slice at a time: the batch holds no list of its articles.
  if (options.json) {
    const { readFileInSlices } = await import('../io/read-file-in-slices.js');
    for (const slice of readFileInSlices(reportFile)) context.stdout.write(slice);
  } else {
    const { readBatchReportArticles } = await import('../batch/write-batch-report.js');
    const lines = batchSummaryLines(report, () => readBatchReportArticles<BatchArticleResult>(reportFile), {
      color: context.color,
      reportPath,
    });
    let slice = '';
    for (const line of lines) {
      slice += `${line}\n`;
      if (slice.length > 1 << 16) {
        context.stdout.write(slice);
        slice = '';
      }
    }
    context.stdout.write(slice);
  }
  setExitCode(report.interrupted ? EXIT_CODES.interrupted : batchExitCode(report));
}

export function registerWorkerCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command('worker')
    .description(
      'Traite les tâches de `plume batch --queue` depuis Redis jusqu’à l’arrêt (SIGTERM ou Ctrl-C finissent les tâches en cours).',
    )
    .requiredOption('--queue <url-redis>', 'Redis qui tient la file, ex. redis://127.0.0.1:6379')
    .option('--queue-name <nom>', 'nom de la file BullMQ (par défaut : plume)')
    .option(
      '--concurrency <n>',
      `tâches à la fois (par défaut : ${availableParallelism()} hors ligne, une par cœur ; 4 avec un LLM)`,
      parsePositiveInteger,
    );
  command.addHelpText('after', WORKER_HELP);
  addBatchWriterOptions(command).action(async (options: WorkerCommandOptions) => {
    const [{ parseRedisUrl, probeRedis }, { readRedisTimeout }] = await Promise.all([
      import('../batch/queue/redis-connection.js'),
      import('../batch/queue/queue-settings.js'),
    ]);
    const timeoutMs = readRedisTimeout(context.env);
    try {
      // Before loading BullMQ and starting threads: an unreachable Redis is reported at once.
      await probeRedis(parseRedisUrl(options.queue), timeoutMs);
    } catch (error) {
      const code = redisExitCode(error, context);
      if (code === undefined) throw error;
      setExitCode(code);
      return;
    }
    const [{ runQueueWorker }, { readWorkerTimings }] = await Promise.all([
      import('../batch/queue/run-queue-worker.js'),
      import('../batch/queue/queue-settings.js'),
    ]);
    const { processor, writerName } = await createLocalProcessor(
      context,
      options,
      {
        threads: options.concurrency ?? availableParallelism(),
        concurrency: options.concurrency ?? 4,
      },
      undefined,
    );
    const concurrency = options.concurrency ?? (writerName === 'offline' ? availableParallelism() : 4);
    // First SIGTERM (or Ctrl-C): finish the jobs in progress; a second SIGTERM: release them to other workers.
    const stop = new AbortController();
    const forceStop = new AbortController();
    const onTerminate = () => (stop.signal.aborted ? forceStop.abort() : stop.abort());
    process.on('SIGTERM', onTerminate);
    const onInterrupt = () => stop.abort();
    context.signal?.addEventListener('abort', onInterrupt, { once: true });
    try {
      await runQueueWorker({
        url: options.queue,
        ...(options.queueName ? { queueName: options.queueName } : {}),
        concurrency,
        processor,
        writerName,
        timings: readWorkerTimings(context.env),
        stop: stop.signal,
        forceStop: forceStop.signal,
        log: (line) => context.stderr.write(`plume worker: ${line}\n`),
        timeoutMs,
      });
      setExitCode(EXIT_CODES.ok);
    } catch (error) {
      const code = redisExitCode(error, context);
      if (code === undefined) throw error;
      setExitCode(code);
    } finally {
      process.off('SIGTERM', onTerminate);
      context.signal?.removeEventListener('abort', onInterrupt);
      await processor.close();
    }
  });
}

/** The flags, else the configuration's `site` section, else the defaults. */
function validateArticleOptions(options: BatchCommandOptions, site: SiteConfig): BatchArticleOptions {
  const locale = options.locale ?? site.locale ?? 'fr-FR';
  if (!isLocale(locale)) {
    throw new UsageError(`variété « ${quote(locale)} » inconnue : ${LOCALES.join(', ')} attendu.`);
  }
  const siteName = options.siteName ?? site.name;

  if (options.date !== undefined && !isValidDate(options.date)) {
    throw new UsageError(
      `--date « ${quote(options.date)} » invalide : une date réelle AAAA-MM-JJ (ou AAAA-MM-JJTHH:MM:SSZ) est attendue.`,
    );
  }
  return {
    minWords: options.minWords ?? site.minWords ?? DEFAULT_AUDIT_CONFIG.minWords,
    locale,
    tableOfContents: options.toc,
    faq: options.faq === true,
    ...(siteName ? { siteName } : {}),
    ...(options.author ? { author: options.author } : {}),
    ...(site.author ? { defaultAuthor: site.author } : {}),
    ...(site.image ? { defaultImage: site.image } : {}),
    ...(options.date ? { date: options.date } : {}),
  };
}

/**
 * The site's pages (`--site-pages`, else `site.pages`), read once for the whole batch; undefined when none
 * are given. The queue's workers run elsewhere and would need the list in every job: refused there for now.
 */
async function loadBatchSitePages(
  options: BatchCommandOptions,
  site: SiteConfig,
  configDirectory: string | undefined,
): Promise<BatchSitePages | undefined> {
  if (options.sitePages === undefined && site.pages === undefined) return undefined;
  if (options.queue) {
    throw new UsageError(
      'les pages du site (--site-pages, site.pages) ne sont pas encore prises en charge avec --queue : lancez le lot sans --queue.',
    );
  }
  const [{ loadSitePages }, { batchSitePagesOf }] = await Promise.all([
    import('../config/load-site-pages.js'),
    import('../batch/batch-site-pages.js'),
  ]);
  const pages = await loadSitePages({
    flag: options.sitePages,
    configured: site.pages,
    configDirectory,
    cwd: process.cwd(),
  });
  return pages && pages.length > 0 ? batchSitePagesOf(pages) : undefined;
}
