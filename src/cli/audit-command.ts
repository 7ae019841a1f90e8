import type { Command } from 'commander';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import type { SourceFormat } from '../document.js';
import { readInput } from '../ingest/read-input.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import { formatReport } from './format-report.js';
import { parseList, parsePositiveInteger } from './parse-options.js';
import { UsageError } from './usage-error.js';

interface AuditCommandOptions {
  keyphrase?: string;
  synonyms?: string[];
  title?: string;
  description?: string;
  slug?: string;
  minWords?: number;
  siteUrl?: string;
  format?: string;
  json?: boolean;
  allowPrivateUrls?: boolean;
}

const FORMATS: readonly SourceFormat[] = ['text', 'markdown', 'html', 'html-page'];

export function registerAuditCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  program
    .command('audit')
    .description('Audit an article: French SEO and readability report with scores out of 100.')
    .argument('<file>', 'article to audit (.txt, .md, .html), - for standard input, or an http(s) address')
    .option('-k, --keyphrase <text>', 'focus keyphrase (default: front matter keyphrase)')
    .option('--synonyms <list>', 'comma-separated synonyms of the keyphrase', parseList)
    .option('-t, --title <text>', 'SEO title (default: front matter title, HTML <title> or the H1)')
    .option('-d, --description <text>', 'meta description (default: front matter description or HTML meta)')
    .option('-s, --slug <slug>', 'URL slug (default: front matter slug)')
    .option(
      '--min-words <n>',
      'minimum words in the body',
      parsePositiveInteger,
      DEFAULT_AUDIT_CONFIG.minWords,
    )
    .option('--site-url <url>', 'address of the site, so that links to it count as internal')
    .option(
      '--format <format>',
      `input format: ${FORMATS.join(', ')} (default: from the extension and content)`,
    )
    .option('--json', 'print the report as JSON')
    .option('--allow-private-urls', 'let an address reach loopback and private networks (refused by default)')
    .action(async (file: string, options: AuditCommandOptions) => {
      if (options.format !== undefined && !FORMATS.includes(options.format as SourceFormat)) {
        throw new UsageError(`unknown format "${options.format}": expected one of ${FORMATS.join(', ')}.`);
      }
      // Loaded here, not at start-up: `plume --version`, `--help` and the other commands need no audit.
      const [{ ingest }, { auditDocument }] = await Promise.all([
        import('../ingest/ingest.js'),
        import('../audit/audit.js'),
      ]);
      const source = await readInput(file, {
        stdin: context.stdin,
        allowPrivateUrls: options.allowPrivateUrls === true,
        ...(context.signal ? { signal: context.signal } : {}),
      });
      const document = await ingest(source.text, {
        ...(source.fileName ? { fileName: source.fileName } : {}),
        ...(source.url ? { url: source.url } : {}),
        ...(options.format || source.format
          ? { format: (options.format ?? source.format) as SourceFormat }
          : {}),
      });
      const report = auditDocument(document, {
        keyphrase: options.keyphrase,
        synonyms: options.synonyms,
        title: options.title,
        description: options.description,
        slug: options.slug,
        minWords: options.minWords,
        siteUrl: options.siteUrl,
      });
      if (options.json) {
        context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        context.stdout.write(
          formatReport(report, { color: context.color, sourceName: file === '-' ? 'entrée standard' : file }),
        );
      }
      setExitCode(EXIT_CODES.ok);
    });
}
