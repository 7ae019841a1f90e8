import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { LOCALES } from '../article.js';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import { isHttpUrl, isImageReference, isValidDate, quote } from '../check-metadata.js';
import type { SourceFormat } from '../document.js';
import { readInput } from '../ingest/read-input.js';
import type { OptimizeResult } from '../optimize.js';
import { isValidSlug } from '../plan/slug-rule.js';
import { MARKDOWN_TARGETS, type MarkdownTarget, markdownFileName } from '../render/markdown-target.js';
import type { WriterProgress } from '../write/writer.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import {
  COMMON_EXIT_CODES,
  DISPLAY_VARIABLES,
  formatHelpSections,
  GHOST_VARIABLES,
  LLM_VARIABLES,
  WORDPRESS_VARIABLES,
} from './help-sections.js';
import {
  addPublishOptions,
  type OptimizePublishFlags,
  preparePublishAfterOptimize,
  readPreviousFile,
} from './optimize-publish.js';
import { isLocale, parsePositiveInteger } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { writeToStream } from './write-to-stream.js';
import { addWriterOptions, checkWriterName, type WriterFlagOptions, writerFlags } from './writer-options.js';

interface OptimizeCommandOptions extends WriterFlagOptions, OptimizePublishFlags {
  output?: string;
  format?: string;
  keyphrase?: string;
  title?: string;
  description?: string;
  slug?: string;
  minWords?: number;
  siteName?: string;
  author?: string;
  authorUrl?: string;
  siteLogo?: string;
  url?: string;
  date?: string;
  image?: string;
  imageAlt?: string;
  faq?: boolean;
  toc: boolean;
  inputFormat?: string;
  json?: boolean;
  force?: boolean;
  concurrency?: number;
  locale?: string;
  allowPrivateUrls?: boolean;
  target?: string;
  sitePages?: string;
}

const OUTPUT_FORMATS = ['md', 'html', 'json', 'fragment'] as const;
/** Written when no --format is given: the fragment only on request. */
const DEFAULT_FORMATS = ['md', 'html', 'json'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];
const INPUT_FORMATS: readonly SourceFormat[] = ['text', 'markdown', 'html', 'html-page'];

/** Progress of an LLM run, one line per stage or section on stderr (stdout stays for results). */
function createProgressReporter(
  context: CliContext,
  enabled: boolean,
): ((event: WriterProgress) => void) | undefined {
  if (!enabled) return undefined;
  return (event) => {
    const count = event.total ? ` [${event.done ?? 0}/${event.total}]` : '';
    context.stderr.write(`plume: ${event.message}${count}\n`);
  };
}

export function registerOptimizeCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  const command = program
    .command('optimize')
    .description(
      'Transforme un article en article français structuré et optimisé pour le référencement (Markdown, HTML et rapport).',
    )
    .argument(
      '<fichier>',
      'article à optimiser (.txt, .md, .html), - pour l’entrée standard, ou une adresse http(s)',
    )
    .option(
      '-o, --output <dossier>',
      'dossier de <slug>.md, <slug>.html et <slug>.report.json, ou - pour la sortie standard',
      'out',
    )
    .option(
      '--format <format>',
      `n’écrit que ce format : ${OUTPUT_FORMATS.join(', ')} ; fragment : le corps en HTML (sans <h1> ni en-tête) pour un CMS (par défaut : md, html et json ; md avec -o -)`,
    )
    .option(
      '--target <générateur>',
      `Markdown pour un générateur de site statique : ${MARKDOWN_TARGETS.join(', ')} (son front matter et son nom de fichier, sans H1 ni « Sommaire » dans le corps ; par défaut : site.target, sinon plain)`,
    )
    .option(
      '-k, --keyphrase <texte>',
      'expression-clé principale (par défaut : front matter, sinon extraite du texte)',
    )
    .option(
      '-t, --title <texte>',
      'titre SEO (par défaut : construit depuis l’article, expression-clé en tête)',
    )
    .option(
      '-d, --description <texte>',
      'méta-description (par défaut : tirée du chapeau, 120 à 156 caractères)',
    )
    .option('-s, --slug <slug>', 'slug de l’adresse (par défaut : tiré de l’expression-clé)')
    .option(
      '--min-words <n>',
      'nombre minimal de mots du corps (par défaut : site.minWords, sinon 700)',
      parsePositiveInteger,
    )
    .option('--site-name <nom>', 'nom du site, pour Open Graph et l’éditeur JSON-LD (par défaut : site.name)')
    .option(
      '--author <nom>',
      'auteur, pour JSON-LD et Open Graph (par défaut : celui de la source, sinon site.author)',
    )
    .option(
      '--author-url <adresse>',
      'page de l’auteur : JSON-LD author.url, article:author (défaut : site.authorUrl)',
    )
    .option('--site-logo <adresse>', 'logo du site, JSON-LD publisher.logo (par défaut : site.logo)')
    .option('--url <adresse>', 'adresse canonique de l’article publié')
    .option(
      '--site-pages <fichier>',
      'pages du site vers lesquelles lier les mots de l’article (maillage interne) : sitemap.xml, .json ou .txt « adresse<TAB>titre » (par défaut : site.pages)',
    )
    .option(
      '--image <chemin-ou-adresse>',
      'image à la une : og:image, grande carte Twitter, image JSON-LD (par défaut : front matter, sinon site.image)',
    )
    .option('--image-alt <texte>', 'texte alternatif de l’image (par défaut : front matter, sinon le H1)')
    .option(
      '--date <date>',
      'date de publication AAAA-MM-JJ (par défaut : celle de la source, sinon aujourd’hui)',
    )
    .option(
      '--faq',
      'ajoute les données structurées FAQ des intertitres en question (désactivé : Google n’en montre plus guère)',
    )
    .option('--no-toc', 'pas de sommaire, même avec 4 sections ou plus')
    .option('--input-format <format>', `format d’entrée : ${INPUT_FORMATS.join(', ')} (par défaut : détecté)`)
    .option('--json', 'affiche le résumé en JSON plutôt qu’en texte')
    .option('--force', 'remplace les fichiers de sortie que Plume n’a pas écrits')
    .option(
      '--concurrency <n>',
      'sections rédigées en même temps avec un fournisseur LLM (par défaut : 4)',
      parsePositiveInteger,
    )
    .option(
      '--locale <locale>',
      `variété de français : ${LOCALES.join(', ')} (par défaut : site.locale, sinon fr-FR)`,
    )
    .option(
      '--allow-private-urls',
      'autorise une adresse du réseau local ou de la machine (refusée par défaut)',
    );
  command.addHelpText(
    'after',
    formatHelpSections({
      examples: [
        'plume optimize article.txt -o out/',
        'plume optimize article.md -k "talents en IA" --site-name "Mon site" --author "Jeanne Dupont" -o out/',
        'plume optimize page.html --format html -o - > article.html',
        'cat article.txt | plume optimize - --format json -o -',
        'plume optimize https://example.org/article -o out/',
        'OPENAI_API_KEY=sk-… plume optimize article.txt --provider openai --model gpt-4o-mini',
        'plume optimize article.txt --image photo.jpg --publish ghost --site https://blog.exemple.fr',
        'plume optimize article.txt --publish wordpress --site https://exemple.fr --tags IA,Emploi',
      ],
      variables: [...LLM_VARIABLES, ...WORDPRESS_VARIABLES, ...GHOST_VARIABLES, ...DISPLAY_VARIABLES],
      exitCodes: [
        [0, 'écrit, et toutes les contraintes obligatoires sont respectées'],
        COMMON_EXIT_CODES.internal,
        COMMON_EXIT_CODES.badInput,
        [3, 'écrit comme brouillon : une contrainte n’est pas respectée (le résumé dit laquelle)'],
        COMMON_EXIT_CODES.interrupted,
      ],
    }),
  );
  addPublishOptions(addWriterOptions(command)).action((file: string, options: OptimizeCommandOptions) =>
    runOptimizeCommand(file, options, context, setExitCode),
  );
}

/**
 * The writer, renderers and summary of `plume optimize`, loaded here, not at start-up: `plume audit` and
 * `--help` need none of them. Started before the configuration is read, so that the modules' files are
 * read (on libuv's pool) while the calling thread searches the configuration. An error before they are
 * awaited (a bad option, a configuration to fix) is reported as before: the loading is never left
 * unhandled.
 */
function loadOptimizeModules() {
  const loading = Promise.all([
    import('../optimize.js'),
    import('../render/render-json.js'),
    import('./format-summary.js'),
    import('./create-cli-writer.js'),
    import('../render/render-fragment.js'),
  ]);
  loading.catch(() => undefined);
  return loading;
}

/** `plume optimize <file>`: read, optimize, write the files (or stdout) and set the exit code. */
async function runOptimizeCommand(
  file: string,
  options: OptimizeCommandOptions,
  context: CliContext,
  setExitCode: (code: number) => void,
): Promise<void> {
  const loading = loadOptimizeModules();
  const { readPlumeConfigFile } = await import('../config/read-plume-config.js');
  const { config, file: configFile } = await readPlumeConfigFile(process.cwd(), options.config);
  const { site, audit, fileDirectory } = config;
  const locale = options.locale ?? site.locale ?? 'fr-FR';
  const target = (options.target ?? site.target ?? 'plain') as MarkdownTarget;
  const format = validateOptions(options, locale);
  const siteName = options.siteName ?? site.name;
  const publishWritten = await preparePublishAfterOptimize(options, context);
  // Read only when given: most runs link nothing and load nothing for it.
  const sitePages =
    options.sitePages !== undefined || site.pages !== undefined
      ? await (await import('../config/load-site-pages.js')).loadSitePages({
          flag: options.sitePages,
          configured: site.pages,
          configDirectory: fileDirectory,
          cwd: process.cwd(),
        })
      : undefined;
  const [{ optimize }, { renderJson }, { formatSummary }, { createCliWriter }, { renderHtmlFragment }] =
    await loading;
  const source = await readInput(file, {
    // Read only for `-`: reading context.stdin builds the stream.
    ...(file === '-' ? { stdin: context.stdin } : {}),
    allowPrivateUrls: options.allowPrivateUrls === true,
    ...(context.signal ? { signal: context.signal } : {}),
  });
  const { writer } = await createCliWriter({
    cwd: process.cwd(),
    env: context.env,
    ...(options.writer ? { writer: options.writer } : {}),
    ...(options.config ? { configPath: options.config } : {}),
    configFile: configFile ?? null,
    flags: {
      ...writerFlags(options),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    },
  });
  const progress = createProgressReporter(context, writer.name !== 'offline' && !options.json);
  const result = await optimize(source.text, {
    writer,
    locale,
    onProgress: progress,
    signal: context.signal,
    ...(source.fileName ? { fileName: source.fileName } : {}),
    ...(source.notes.length > 0 ? { sourceNotes: source.notes } : {}),
    ...(source.url ? { url: source.url } : {}),
    ...(options.inputFormat || source.format
      ? { format: (options.inputFormat ?? source.format) as SourceFormat }
      : {}),
    ...(options.keyphrase ? { keyphrase: options.keyphrase } : {}),
    ...(options.title ? { title: options.title } : {}),
    ...(options.description ? { description: options.description } : {}),
    ...(options.slug ? { slug: options.slug } : {}),
    ...(siteName ? { siteName } : {}),
    ...(options.author ? { author: options.author } : {}),
    ...(site.author ? { defaultAuthor: site.author } : {}),
    ...((options.authorUrl ?? site.authorUrl) ? { authorUrl: options.authorUrl ?? site.authorUrl } : {}),
    ...((options.siteLogo ?? site.logo) ? { siteLogo: options.siteLogo ?? site.logo } : {}),
    ...(options.image ? { image: options.image } : {}),
    ...(site.image ? { defaultImage: site.image } : {}),
    ...(options.url ? { canonicalUrl: options.url } : {}),
    ...(site.url ? { siteUrl: site.url } : {}),
    ...(sitePages ? { sitePages } : {}),
    ...(options.date ? { date: options.date } : {}),
    minWords: options.minWords ?? site.minWords ?? DEFAULT_AUDIT_CONFIG.minWords,
    // The same audit settings as `plume audit`: the report of an optimized file and its audit agree.
    config: audit.thresholds,
    disable: audit.disable,
    ...(options.imageAlt ? { imageAlt: options.imageAlt } : {}),
    target,
    tableOfContents: options.toc,
    faq: options.faq === true,
    now: () => new Date(),
  });
  const contents: Record<OutputFormat, string> = {
    md: result.markdown,
    html: result.html,
    json: renderJson(result),
    fragment: renderHtmlFragment(result.article, { tableOfContents: options.toc }),
  };
  const sourceName = file === '-' ? 'entrée standard' : file;
  let published: number = EXIT_CODES.ok;
  if (options.output === '-') {
    await writeToStream(context.stdout, contents[format ?? 'md']);
    context.stderr.write(
      options.json ? `${JSON.stringify(result.report)}\n` : formatSummary(result, { sourceName }),
    );
  } else {
    const {
      paths: written,
      markdownPath,
      previous,
    } = await writeFilesOf(result, contents, format, { ...options, target }, source.fileName);
    context.stdout.write(
      options.json
        ? renderJson(result)
        : formatSummary(result, {
            sourceName: source.fileName ? basename(source.fileName) : sourceName,
            written,
            color: context.color,
          }),
    );
    if (publishWritten && markdownPath) published = await publishWritten(markdownPath, previous);
  }
  // A model that failed and was replaced by offline work is not « done », even if the constraints hold.
  const done = result.report.passed && result.report.writerStats.degraded !== true;
  setExitCode(done && published === EXIT_CODES.ok ? EXIT_CODES.ok : EXIT_CODES.constraintFailed);
}

/** Writes the files into the output folder; the Markdown file there before is read first (for --publish). */
async function writeFilesOf(
  result: OptimizeResult,
  contents: Record<OutputFormat, string>,
  format: OutputFormat | undefined,
  options: OptimizeCommandOptions,
  sourceFileName: string | undefined,
): Promise<{ paths: string[]; markdownPath?: string; previous?: string }> {
  const { writeOutputFiles } = await import('./write-output-files.js');
  const output = options.output ?? 'out';
  const slug = result.article.metadata.slug;
  const names: Record<OutputFormat, string> = {
    md: markdownFileName(result.article, options.target as MarkdownTarget),
    html: `${slug}.html`,
    json: `${slug}.report.json`,
    fragment: `${slug}.fragment.html`,
  };
  const previous = options.publish ? await readPreviousFile(resolve(output, names.md)) : undefined;
  const wanted = format ? [format] : DEFAULT_FORMATS;
  const paths = await writeOutputFiles(
    output,
    wanted.map((kind) => ({ name: names[kind], content: contents[kind] })),
    {
      force: options.force === true,
      ...(sourceFileName ? { protectedPaths: [resolve(sourceFileName)] } : {}),
    },
  );
  const markdownPath = paths.find((path) => path.endsWith('.md'));
  return { paths, ...(markdownPath ? { markdownPath } : {}), ...(previous ? { previous } : {}) };
}

function validateOptions(options: OptimizeCommandOptions, locale: string): OutputFormat | undefined {
  if (options.format !== undefined && !OUTPUT_FORMATS.includes(options.format as OutputFormat)) {
    throw new UsageError(
      `format de sortie « ${quote(options.format)} » inconnu : ${OUTPUT_FORMATS.join(', ')} attendu.`,
    );
  }
  if (options.target !== undefined && !MARKDOWN_TARGETS.includes(options.target as MarkdownTarget)) {
    throw new UsageError(
      `--target « ${quote(options.target)} » inconnu : ${MARKDOWN_TARGETS.join(', ')} sont attendus.`,
    );
  }
  if (options.inputFormat !== undefined && !INPUT_FORMATS.includes(options.inputFormat as SourceFormat)) {
    throw new UsageError(
      `format d’entrée « ${quote(options.inputFormat)} » inconnu : ${INPUT_FORMATS.join(', ')} attendu.`,
    );
  }
  if (options.date !== undefined && !isValidDate(options.date)) {
    throw new UsageError(
      `--date « ${quote(options.date)} » invalide : une date réelle AAAA-MM-JJ (ou AAAA-MM-JJTHH:MM:SSZ) est attendue.`,
    );
  }
  if (options.image !== undefined && !isImageReference(options.image)) {
    throw new UsageError(
      `--image « ${quote(options.image)} » invalide : une adresse http(s) ou un chemin est attendu.`,
    );
  }
  if (options.slug !== undefined && !isValidSlug(options.slug)) {
    throw new UsageError(
      `--slug « ${quote(options.slug)} » invalide : minuscules ASCII, chiffres et tirets simples, 75 caractères au plus.`,
    );
  }
  if (!isLocale(locale)) {
    throw new UsageError(`variété « ${quote(locale)} » inconnue : ${LOCALES.join(', ')} attendu.`);
  }
  checkWriterName(options.writer);
  if (options.url !== undefined && !isHttpUrl(options.url)) {
    throw new UsageError(
      `--url « ${quote(options.url)} » invalide : une adresse http ou https est attendue.`,
    );
  }
  return options.format as OutputFormat | undefined;
}
