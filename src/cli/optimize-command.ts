import { basename, resolve } from 'node:path';
import type { Command } from 'commander';
import { LOCALES } from '../article.js';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import { isHttpUrl, isImageReference, isValidDate, quote } from '../check-metadata.js';
import type { SourceFormat } from '../document.js';
import { readInput } from '../ingest/read-input.js';
import { isValidSlug } from '../plan/slug-rule.js';
import { MARKDOWN_TARGETS, type MarkdownTarget, markdownFileName } from '../render/markdown-target.js';
import type { WriterProgress } from '../write/writer.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import { isLocale, parsePositiveInteger } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { writeToStream } from './write-to-stream.js';
import { addWriterOptions, checkWriterName, type WriterFlagOptions, writerFlags } from './writer-options.js';

interface OptimizeCommandOptions extends WriterFlagOptions {
  output?: string;
  format?: string;
  keyphrase?: string;
  title?: string;
  description?: string;
  slug?: string;
  minWords: number;
  siteName?: string;
  author?: string;
  url?: string;
  date?: string;
  image?: string;
  imageAlt?: string;
  faq?: boolean;
  toc: boolean;
  inputFormat?: string;
  json?: boolean;
  force?: boolean;
  concurrency?: string;
  locale: string;
  allowPrivateUrls?: boolean;
  target: string;
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
    .description('Turn an article into a structured, SEO-ready French article (Markdown, HTML and report).')
    .argument('<file>', 'article to optimize (.txt, .md, .html), - for standard input, or an http(s) address')
    .option(
      '-o, --output <dir>',
      'directory for <slug>.md, <slug>.html and <slug>.report.json, or - for stdout',
      'out',
    )
    .option(
      '--format <format>',
      `write only this format: ${OUTPUT_FORMATS.join(', ')} (default: md, html and json; md with -o -)`,
    )
    .option(
      '--target <generator>',
      `Markdown for a static site generator: ${MARKDOWN_TARGETS.join(', ')} (its front matter and file name, no H1 or « Sommaire » in the body)`,
      'plain',
    )
    .option('-k, --keyphrase <text>', 'focus keyphrase (default: front matter, else extracted from the text)')
    .option('-t, --title <text>', 'SEO title (default: built from the article, keyphrase first)')
    .option('-d, --description <text>', 'meta description (default: built from the lead, 120-156 characters)')
    .option('-s, --slug <slug>', 'URL slug (default: from the keyphrase)')
    .option(
      '--min-words <n>',
      'minimum words in the body',
      parsePositiveInteger,
      DEFAULT_AUDIT_CONFIG.minWords,
    )
    .option('--site-name <name>', 'site name, for Open Graph and JSON-LD publisher')
    .option('--author <name>', 'author, for JSON-LD and Open Graph')
    .option('--url <url>', 'canonical URL of the published article')
    .option('--date <date>', 'publication date, YYYY-MM-DD (default: the source date, else today)')
    .option('--image <path-or-url>', 'featured image: og:image, large Twitter card, JSON-LD image')
    .option('--image-alt <text>', 'alternative text of the image (default: front matter, else the H1)')
    .option('--faq', 'add FAQ structured data from question headings (off: Google rarely shows FAQ results)')
    .option('--no-toc', 'no table of contents, even with 4 or more sections')
    .option('--input-format <format>', `input format: ${INPUT_FORMATS.join(', ')} (default: detected)`)
    .option('--json', 'print the summary as JSON instead of text')
    .option('--force', 'replace output files that Plume did not write')
    .option('--concurrency <n>', 'sections written at once with an LLM provider (default: 4)')
    .option('--locale <locale>', 'fr-FR, fr-CA, fr-BE or fr-CH', 'fr-FR')
    .option(
      '--allow-private-urls',
      'let an address reach loopback and private networks (refused by default)',
    );
  addWriterOptions(command).action((file: string, options: OptimizeCommandOptions) =>
    runOptimizeCommand(file, options, context, setExitCode),
  );
}

/** `plume optimize <file>`: read, optimize, write the files (or stdout) and set the exit code. */
async function runOptimizeCommand(
  file: string,
  options: OptimizeCommandOptions,
  context: CliContext,
  setExitCode: (code: number) => void,
): Promise<void> {
  const format = validateOptions(options);
  // Loaded here, not at start-up: `plume audit` and `--help` need none of the writer, renderers or LLM stack.
  const [
    { optimize },
    { renderJson },
    { formatSummary },
    { writeOutputFiles },
    { createCliWriter },
    { renderHtmlFragment },
  ] = await Promise.all([
    import('../optimize.js'),
    import('../render/render-json.js'),
    import('./format-summary.js'),
    import('./write-output-files.js'),
    import('./create-cli-writer.js'),
    import('../render/render-fragment.js'),
  ]);
  const source = await readInput(file, {
    stdin: context.stdin,
    allowPrivateUrls: options.allowPrivateUrls === true,
    ...(context.signal ? { signal: context.signal } : {}),
  });
  const { writer } = await createCliWriter({
    cwd: process.cwd(),
    env: context.env,
    ...(options.writer ? { writer: options.writer } : {}),
    ...(options.config ? { configPath: options.config } : {}),
    flags: {
      ...writerFlags(options),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    },
  });
  const progress = createProgressReporter(context, writer.name !== 'offline' && !options.json);
  const result = await optimize(source.text, {
    writer,
    locale: options.locale,
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
    ...(options.siteName ? { siteName: options.siteName } : {}),
    ...(options.author ? { author: options.author } : {}),
    ...(options.url ? { canonicalUrl: options.url } : {}),
    ...(options.date ? { date: options.date } : {}),
    ...(options.image ? { image: options.image } : {}),
    ...(options.imageAlt ? { imageAlt: options.imageAlt } : {}),
    target: options.target as MarkdownTarget,
    minWords: options.minWords,
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
  if (options.output === '-') {
    await writeToStream(context.stdout, contents[format ?? 'md']);
    context.stderr.write(
      options.json ? `${JSON.stringify(result.report)}\n` : formatSummary(result, { sourceName }),
    );
  } else {
    const names: Record<OutputFormat, string> = {
      md: markdownFileName(result.article, options.target as MarkdownTarget),
      html: `${result.article.metadata.slug}.html`,
      json: `${result.article.metadata.slug}.report.json`,
      fragment: `${result.article.metadata.slug}.fragment.html`,
    };
    const wanted = format ? [format] : DEFAULT_FORMATS;
    const written = await writeOutputFiles(
      options.output ?? 'out',
      wanted.map((kind) => ({ name: names[kind], content: contents[kind] })),
      {
        force: options.force === true,
        ...(source.fileName ? { protectedPaths: [resolve(source.fileName)] } : {}),
      },
    );
    context.stdout.write(
      options.json
        ? renderJson(result)
        : formatSummary(result, {
            sourceName: source.fileName ? basename(source.fileName) : sourceName,
            written,
            color: context.color,
          }),
    );
  }
  // A model that failed and was replaced by offline work is not « done », even if the constraints hold.
  const done = result.report.passed && result.report.writerStats.degraded !== true;
  setExitCode(done ? EXIT_CODES.ok : EXIT_CODES.constraintFailed);
}

function validateOptions(options: OptimizeCommandOptions): OutputFormat | undefined {
  if (options.format !== undefined && !OUTPUT_FORMATS.includes(options.format as OutputFormat)) {
    throw new UsageError(
      `unknown output format "${options.format}": expected one of ${OUTPUT_FORMATS.join(', ')}.`,
    );
  }
  if (!MARKDOWN_TARGETS.includes(options.target as MarkdownTarget)) {
    throw new UsageError(
      `--target « ${quote(options.target)} » inconnu : ${MARKDOWN_TARGETS.join(', ')} sont attendus.`,
    );
  }
  if (options.inputFormat !== undefined && !INPUT_FORMATS.includes(options.inputFormat as SourceFormat)) {
    throw new UsageError(
      `unknown input format "${options.inputFormat}": expected one of ${INPUT_FORMATS.join(', ')}.`,
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
  if (!isLocale(options.locale)) {
    throw new UsageError(`unknown locale "${options.locale}": expected one of ${LOCALES.join(', ')}.`);
  }
  checkWriterName(options.writer);
  if (options.url !== undefined && !isHttpUrl(options.url)) {
    throw new UsageError(
      `--url « ${quote(options.url)} » invalide : une adresse http ou https est attendue.`,
    );
  }
  return options.format as OutputFormat | undefined;
}
