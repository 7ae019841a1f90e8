import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import { quote } from '../check-metadata.js';
import type { PlumeConfig } from '../config/site-config.js';
import type { SourceFormat } from '../document.js';
import { isUrlInput, readInput } from '../ingest/read-input.js';
import { type AuditedFile, SCORE_NAMES, type ScoreFailure } from './audited-file.js';
import type { CliContext } from './cli-context.js';
import { EXIT_CODES } from './exit-codes.js';
import { formatReport } from './format-report.js';
import { COMMON_EXIT_CODES, DISPLAY_VARIABLES, formatHelpSections } from './help-sections.js';
import { parseFailUnder, type ScoreThresholds } from './parse-fail-under.js';
import { parseList, parsePositiveInteger } from './parse-options.js';
import { UsageError } from './usage-error.js';
import { writeToStream } from './write-to-stream.js';

interface AuditCommandOptions {
  keyphrase?: string;
  synonyms?: string[];
  title?: string;
  description?: string;
  slug?: string;
  minWords?: number;
  siteUrl?: string;
  inputFormat?: string;
  format?: string;
  json?: boolean;
  failUnder?: ScoreThresholds;
  config?: string;
  allowPrivateUrls?: boolean;
}

const INPUT_FORMATS: readonly SourceFormat[] = ['text', 'markdown', 'html', 'html-page'];
/** `terminal` for people; `json`, `sarif` and `github` (workflow annotations) for tools and CI. */
const OUTPUT_FORMATS = ['terminal', 'json', 'sarif', 'github'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function registerAuditCommand(
  program: Command,
  context: CliContext,
  setExitCode: (code: number) => void,
): void {
  program
    .command('audit')
    .description(
      'Audite un ou plusieurs articles : rapport de référencement et de lisibilité en français, scores sur 100.',
    )
    .argument(
      '<fichiers...>',
      'articles (.txt, .md, .html), dossiers, motifs (« articles/*.md »), - pour l’entrée standard, ou adresses http(s)',
    )
    .option('-k, --keyphrase <texte>', 'expression-clé principale (par défaut : celle du front matter)')
    .option('--synonyms <liste>', 'synonymes de l’expression-clé, séparés par des virgules', parseList)
    .option('-t, --title <texte>', 'titre SEO (par défaut : front matter, <title> HTML ou H1)')
    .option('-d, --description <texte>', 'méta-description (par défaut : front matter ou méta HTML)')
    .option('-s, --slug <slug>', 'slug de l’adresse (par défaut : celui du front matter)')
    .option(
      '--min-words <n>',
      'nombre minimal de mots du corps (par défaut : site.minWords, sinon 700)',
      parsePositiveInteger,
    )
    .option(
      '--site-url <adresse>',
      'adresse du site : les liens vers lui comptent comme internes (par défaut : site.url)',
    )
    .option('--input-format <format>', `format d’entrée : ${INPUT_FORMATS.join(', ')} (par défaut : détecté)`)
    .option(
      '--format <format>',
      `format de sortie : ${OUTPUT_FORMATS.join(', ')} (par défaut : terminal ; github : annotations de GitHub Actions)`,
    )
    .option('--json', 'le rapport en JSON (un tableau pour plusieurs fichiers), comme --format json')
    .option(
      '--fail-under <seuils>',
      'code de sortie 3 si un score est sous son seuil, ex. seo=80,readability=60',
      parseFailUnder,
    )
    .option(
      '--config <fichier>',
      'fichier de configuration (par défaut : cherché depuis le dossier courant vers le haut)',
    )
    .option(
      '--allow-private-urls',
      'autorise une adresse du réseau local ou de la machine (refusée par défaut)',
    )
    .addHelpText(
      'after',
      formatHelpSections({
        examples: [
          'plume audit article.md',
          'plume audit "articles/*.md" --fail-under seo=80,readability=60',
          'plume audit articles/ --format github --fail-under seo=70',
          'plume audit "articles/**/*.md" --format sarif > plume.sarif',
          'plume audit a.md b.md --json',
          'cat article.md | plume audit - -k "talents en IA"',
        ],
        variables: DISPLAY_VARIABLES,
        exitCodes: [
          [0, 'audit fait, et chaque score atteint son seuil de --fail-under'],
          COMMON_EXIT_CODES.internal,
          [2, 'fichier introuvable ou illisible, option ou configuration invalide'],
          [3, 'un score d’au moins un fichier est sous son seuil de --fail-under'],
        ],
        notes: [
          'Dans le fichier de configuration, « audit.disable » éteint des évaluations (ex. [passive-voice])',
          'et « audit.thresholds » règle leurs seuils (ex. sentenceLength.maxWords: 25).',
        ],
      }),
    )
    .action(async (inputs: string[], options: AuditCommandOptions) => {
      const { inputFormat, outputFormat } = resolveFormats(options, context);
      const { readPlumeConfig } = await import('../config/read-plume-config.js');
      const config = await readPlumeConfig(process.cwd(), options.config);
      const { names, several } = await expandInputs(inputs);
      const audited: AuditedFile[] = [];
      for (const name of names) {
        audited.push(await auditOne(name, options, inputFormat, config, context));
      }
      await writeToStream(context.stdout, await render(audited, outputFormat, several, context));
      if (outputFormat === 'terminal' || outputFormat === 'json') {
        for (const { file, failures } of audited) {
          for (const failure of failures)
            context.stderr.write(`plume: ${file} : ${describeFailure(failure)}\n`);
        }
      }
      const failed = audited.some((entry) => entry.failures.length > 0);
      setExitCode(failed ? EXIT_CODES.constraintFailed : EXIT_CODES.ok);
    });
}

/**
 * `--input-format` is the input, `--format` the output, as in `optimize`. `--format markdown`
 * (and the other input formats) still works as the input format it meant before, with a notice.
 */
function resolveFormats(
  options: AuditCommandOptions,
  context: CliContext,
): { inputFormat: SourceFormat | undefined; outputFormat: OutputFormat } {
  let inputFormat = options.inputFormat;
  let outputFormat = options.format;
  if (outputFormat !== undefined && INPUT_FORMATS.includes(outputFormat as SourceFormat)) {
    if (inputFormat !== undefined) {
      throw new UsageError(
        `--format ${outputFormat} et --input-format ${inputFormat} : donnez le format d’entrée avec --input-format seulement.`,
      );
    }
    context.stderr.write(
      `plume: --format ${outputFormat} est obsolète pour le format d’entrée : utilisez --input-format ${outputFormat} (--format choisit désormais le format de sortie).\n`,
    );
    inputFormat = outputFormat;
    outputFormat = undefined;
  }
  if (inputFormat !== undefined && !INPUT_FORMATS.includes(inputFormat as SourceFormat)) {
    throw new UsageError(
      `format d’entrée « ${quote(inputFormat)} » inconnu : ${INPUT_FORMATS.join(', ')} attendu.`,
    );
  }
  if (outputFormat !== undefined && !OUTPUT_FORMATS.includes(outputFormat as OutputFormat)) {
    throw new UsageError(
      `format de sortie « ${quote(outputFormat)} » inconnu : ${OUTPUT_FORMATS.join(', ')} attendu.`,
    );
  }
  if (options.json && outputFormat !== undefined && outputFormat !== 'json') {
    throw new UsageError(`--json et --format ${outputFormat} se contredisent : choisissez l’un des deux.`);
  }
  return {
    inputFormat: inputFormat as SourceFormat | undefined,
    outputFormat: options.json ? 'json' : ((outputFormat as OutputFormat | undefined) ?? 'terminal'),
  };
}

/**
 * The inputs as files to audit: a file, `-` or an address as given; a folder or a pattern
 * expanded to its .txt, .md and .html files. `several` when the answer is a list whatever
 * the count (more than one argument, a folder, a pattern): the JSON shape follows the command.
 */
async function expandInputs(inputs: readonly string[]): Promise<{ names: string[]; several: boolean }> {
  const cwd = process.cwd();
  const names: string[] = [];
  let several = inputs.length > 1;
  for (const input of inputs) {
    if (input === '-' || isUrlInput(input)) {
      names.push(input);
      continue;
    }
    const info = await stat(resolve(cwd, input)).catch(() => null);
    if (info?.isFile()) {
      names.push(input);
      continue;
    }
    if (info === null && !/[*?[\]{}]/u.test(input)) {
      // Not there and not a pattern: reading it gives the usual « Fichier introuvable ».
      names.push(input);
      continue;
    }
    several = true;
    const { collectInputs } = await import('../batch/collect-inputs.js');
    const collected = await collectInputs([input], { cwd });
    if (collected.files.length === 0) {
      throw new UsageError(`aucun fichier .txt, .md ou .html ne correspond à « ${quote(input)} ».`);
    }
    // Named as the user wrote the pattern: absolute stays absolute, relative stays relative.
    for (const file of collected.files) names.push(isAbsolute(input) ? file : relative(cwd, file));
  }
  return { names: [...new Set(names)], several };
}

async function auditOne(
  name: string,
  options: AuditCommandOptions,
  inputFormat: SourceFormat | undefined,
  config: PlumeConfig,
  context: CliContext,
): Promise<AuditedFile> {
  // Loaded here, not at start-up: `plume --version`, `--help` and the other commands need no audit.
  const [{ ingest }, { auditDocument }] = await Promise.all([
    import('../ingest/ingest.js'),
    import('../audit/audit.js'),
  ]);
  const source = await readInput(name, {
    // Read only for `-`: reading context.stdin builds the stream.
    ...(name === '-' ? { stdin: context.stdin } : {}),
    allowPrivateUrls: options.allowPrivateUrls === true,
    ...(context.signal ? { signal: context.signal } : {}),
  });
  const document = await ingest(source.text, {
    ...(source.fileName ? { fileName: source.fileName } : {}),
    ...(source.url ? { url: source.url } : {}),
    ...(inputFormat || source.format ? { format: (inputFormat ?? source.format) as SourceFormat } : {}),
  });
  const siteUrl = options.siteUrl ?? config.site.url;
  const report = auditDocument(document, {
    keyphrase: options.keyphrase,
    synonyms: options.synonyms,
    title: options.title,
    description: options.description,
    slug: options.slug,
    minWords: options.minWords ?? config.site.minWords ?? DEFAULT_AUDIT_CONFIG.minWords,
    ...(siteUrl ? { siteUrl } : {}),
    config: config.audit.thresholds,
    disable: config.audit.disable,
  });
  const failures: ScoreFailure[] = [];
  for (const [score, minimum] of Object.entries(options.failUnder ?? {}) as [
    ScoreFailure['score'],
    number,
  ][]) {
    const value = report.scores[score];
    if (value < minimum) failures.push({ score, value, minimum });
  }
  return { file: name === '-' ? 'entrée standard' : name, sourceText: source.text, report, failures };
}

function render(
  audited: readonly AuditedFile[],
  format: OutputFormat,
  several: boolean,
  context: CliContext,
): Promise<string> | string {
  switch (format) {
    case 'json': {
      const reports = audited.map(({ file, report }) => ({ file, ...report }));
      return `${JSON.stringify(several ? reports : audited[0]?.report, null, 2)}\n`;
    }
    case 'sarif':
      return Promise.all([import('./format-sarif.js'), import('../version.js')]).then(
        ([{ formatSarif }, { VERSION }]) => formatSarif(audited, VERSION),
      );
    case 'github':
      return import('./format-github-annotations.js').then(({ formatGithubAnnotations }) =>
        formatGithubAnnotations(audited),
      );
    case 'terminal': {
      const reports = audited.map(({ file, report }) =>
        formatReport(report, { color: context.color, sourceName: file }),
      );
      if (audited.length > 1) reports.push(formatTotals(audited));
      return reports.join('\n');
    }
  }
}

/** « 3 fichiers audités · SEO moyen 74 · lisibilité moyenne 81 · 1 sous le seuil ». */
function formatTotals(audited: readonly AuditedFile[]): string {
  const mean = (pick: (entry: AuditedFile) => number) =>
    Math.round(audited.reduce((sum, entry) => sum + pick(entry), 0) / audited.length);
  const failing = audited.filter((entry) => entry.failures.length > 0).length;
  return `${[
    `${audited.length} fichiers audités`,
    `SEO moyen ${mean((entry) => entry.report.scores.seo)}/100`,
    `lisibilité moyenne ${mean((entry) => entry.report.scores.readability)}/100`,
    ...(failing > 0 ? [`${failing} sous le seuil de --fail-under`] : []),
  ].join(' · ')}\n`;
}

function describeFailure(failure: ScoreFailure): string {
  return `${SCORE_NAMES[failure.score]} ${failure.value}/100, sous le seuil de ${failure.minimum} (--fail-under)`;
}
