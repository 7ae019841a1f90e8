import type { Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { analyze } from './analyze/analyze.js';
import type { Article, ArticleMetadata } from './article.js';
import { type AuditConfigOverrides, mergeAuditConfig } from './audit/audit-config.js';
import type { CoverageResult } from './audit/check-coverage.js';
import type { FidelityResult } from './audit/check-fidelity.js';
import type { ConstraintResult } from './audit/check-hard-constraints.js';
import type { Report } from './audit/report.js';
import { resolveBrief } from './brief.js';
import { checkSourceMetadata, isHttpUrl, isImageReference, isValidDate, quote } from './check-metadata.js';
import type { Document } from './document.js';
import { evaluateDraft } from './evaluate-draft.js';
import { type IngestOptions, ingest } from './ingest/ingest.js';
import { InputError } from './ingest/input-error.js';
import { checkKeyphraseLength } from './ingest/input-limits.js';
import type { Lexicon } from './lang/fr/lexicon.js';
import { sharedLefffLexicon } from './lexicon/lefff-lexicon.js';
import { writeAndRepair } from './pipeline/write-and-repair.js';
import { buildSlug, isValidSlug } from './plan/build-slug.js';
import type { SeoPlan } from './plan/seo-plan.js';
import type { InternalLink, SitePage } from './plan/site-page.js';
import type { FaqEntry } from './render/json-ld.js';
import type { MarkdownTarget } from './render/markdown-target.js';
import { renderHtmlDocument } from './render/render-html.js';
import { renderMarkdown } from './render/render-markdown.js';
import type { DraftEvaluation } from './write/draft-evaluation.js';
import { createOfflineWriter } from './write/offline-writer.js';
import { frenchTypesetter } from './write/polish-article.js';
import {
  emptyWriterStats,
  type Writer,
  type WriterContext,
  type WriterOutput,
  type WriterProgress,
  type WriterStats,
} from './write/writer.js';

export interface OptimizeOptions extends IngestOptions {
  /** Focus keyphrase (default: the source's own, else extracted). */
  keyphrase?: string;
  /** SEO title (default: built from the source). */
  title?: string;
  /** Meta description (default: built from the lead). */
  description?: string;
  slug?: string;
  /** Minimum words of the body, headings excluded (default: 700). */
  minWords?: number;
  /** Locale of the article (default: `fr-FR`). */
  locale?: string;
  siteName?: string;
  author?: string;
  /** The author's page, an http(s) address (default: none; the configuration's `site.authorUrl`). */
  authorUrl?: string;
  /** The publisher's logo, an http(s) address (default: none; the configuration's `site.logo`). */
  siteLogo?: string;
  /** Author when neither `author` nor the source names one: the configuration's `site.author`. */
  defaultAuthor?: string;
  /** Image when neither `image` nor the source names one: the configuration's `site.image`. */
  defaultImage?: string;
  /** Canonical URL of the published article (default: none). */
  canonicalUrl?: string;
  /** The site's address (`site.url`): links to its host count as internal (default: the canonical URL's). */
  siteUrl?: string;
  /**
   * The site's other pages (`site.pages`, `--site-pages`): the article's words that name one link to it,
   * at most one link per page and per 150 words (default: none, no link added).
   */
  sitePages?: readonly SitePage[];
  /** Featured image, an http(s) address or a path (default: the source's front matter `image`). */
  image?: string;
  /** Alternative text of the image (default: the source's, else the H1). */
  imageAlt?: string;
  /** Publication date, ISO 8601 (default: the source's, else `now()` when given, else none). */
  date?: string;
  /** Clock for the default date (default: none, so the output is deterministic). */
  now?: () => Date;
  /** Table of contents for articles with 4 or more H2 (default: true). */
  tableOfContents?: boolean;
  /** FAQ structured data from the question headings and their first paragraph (default: false). */
  faq?: boolean;
  /** Static site generator the Markdown is written for (default: `plain`). */
  target?: MarkdownTarget;
  /** JSON-LD type (default: `Article`). */
  jsonLdType?: 'Article' | 'BlogPosting';
  /** Notes on how the source was read (an encoding guessed), copied into the report (default: none). */
  sourceNotes?: readonly string[];
  /** The writer (default: the offline writer). */
  writer?: Writer;
  /**
   * What a user does to get a writer that translates and expands, ending the messages of the language and
   * length constraints the offline writer cannot meet (default: the CLI's, naming `--provider`).
   */
  rewriterHint?: string;
  /** Threshold overrides for the audit. */
  config?: AuditConfigOverrides;
  /** Assessment ids not run, as `plume audit` reads them from `audit.disable` (default: none). */
  disable?: readonly string[];
  onProgress?: (event: WriterProgress) => void;
  signal?: AbortSignal;
}

/** The audit of the written article, with the hard constraints and the fidelity check. */
export interface OptimizeReport extends Report {
  /** True when every hard constraint holds. */
  passed: boolean;
  constraints: ConstraintResult[];
  fidelity: FidelityResult;
  /** Source sentences found in the article (offline writer); `null` when the writer rewrites them. */
  coverage: CoverageResult | null;
  writer: string;
  /** Calls, tokens, repair rounds and cost of the writer (zeros offline). */
  writerStats: WriterStats;
  keyphraseOrigin: SeoPlan['keyphraseOrigin'];
  /** French notes on how the source was read (an encoding guessed); empty when nothing to say. */
  sourceNotes: string[];
  /** Links added to the site's pages (`sitePages`), in reading order; absent when no pages were given. */
  internalLinks?: InternalLink[];
  /** Source language and length, to compare with the article. */
  source: { language: string; words: number };
  /** What Plume left out and why, in French: a front matter or page URL, date or slug that cannot be published. */
  warnings: string[];
}

export interface OptimizeResult {
  article: Article;
  markdown: string;
  html: string;
  plan: SeoPlan;
  report: OptimizeReport;
}

/**
 * The main job: any article in, a structured SEO-ready French article out,
 * with the audit that proves it (or says plainly what still fails).
 */
export async function optimize(
  source: string | Document,
  options: OptimizeOptions = {},
): Promise<OptimizeResult> {
  checkKeyphraseLength(options.keyphrase);
  checkImposedMetadata(options);
  const ingested = typeof source === 'string' ? await ingest(source, options) : source;
  checkFrontMatterSlug(ingested);
  const { document, warnings } = checkSourceMetadata(ingested);
  const config = mergeAuditConfig({
    ...options.config,
    ...(options.minWords === undefined ? {} : { minWords: options.minWords }),
  });
  const brief = resolveBrief(document.metadata, {
    keyphrase: options.keyphrase,
    title: options.title,
    description: options.description,
    slug: options.slug,
    minWords: config.minWords,
    locale: options.locale ?? 'fr-FR',
  });
  const writer = options.writer ?? createOfflineWriter();
  // The source is analysed for the brief's keyphrase: the analysis never re-resolves the precedence.
  const sourceAnalysis = analyze(document, { keyphrase: brief.keyphrase?.text ?? null });
  const stats = emptyWriterStats();
  // Read lazily, on the first generated heading or bare capital: a source with neither never loads it.
  const lexicon = sharedLefffLexicon();
  const context: WriterContext = {
    stats,
    config,
    document,
    analysis: sourceAnalysis,
    brief,
    lexicon,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
  options.onProgress?.({ stage: 'plan', message: 'Plan de l’article' });
  const plan = await writer.plan(context);
  options.signal?.throwIfAborted();
  options.onProgress?.({ stage: 'write', message: 'Rédaction' });
  // A fetched page's own URL is the source's address, not the rewritten article's: canonical only on request.
  const canonicalUrl =
    options.canonicalUrl ?? (document.format === 'html-page' ? undefined : document.metadata.url);
  const evaluate = (draft: WriterOutput) =>
    evaluateDraft({
      tree: draft.tree,
      plan: draft.plan,
      sourceAnalysis,
      config,
      writerCanRewrite: writer.canRewrite,
      tableOfContents: options.tableOfContents ?? true,
      ...(options.disable ? { disable: options.disable } : {}),
      ...(canonicalUrl ? { canonicalUrl } : {}),
      ...(options.rewriterHint === undefined ? {} : { rewriterHint: options.rewriterHint }),
      ...(document.removed ? { removed: document.removed } : {}),
      ...siteOptions(options),
      lexicon,
    });
  const best = await writeAndRepair(writer, context, plan, evaluate);
  const written = best.draft;
  // The LLM plan's slug names files: one that is not a slug is replaced by the one built from the keyphrase.
  const finalPlan = isValidSlug(written.plan.slug)
    ? written.plan
    : { ...written.plan, slug: buildSlug(written.plan.keyphrase) };
  if (finalPlan !== written.plan) {
    warnings.push(
      `Slug proposé par le rédacteur ignoré : « ${quote(written.plan.slug)} » n’est pas un slug valide.`,
    );
  }

  // Audited again only when the slug changed: otherwise the loop's evaluation is the final one.
  const evaluation = finalPlan === written.plan ? best.evaluation : evaluate({ ...written, plan: finalPlan });
  const { polished } = evaluation;
  const { date, imageUrl, sourceNotes } = publicationFacts(options, document, warnings);
  const metadata = articleMetadata(evaluation, finalPlan, {
    locale: brief.locale,
    author: options.author ?? document.metadata.author ?? options.defaultAuthor,
    siteName: options.siteName ?? document.metadata.siteName,
    links: { authorUrl: options.authorUrl, siteLogo: options.siteLogo },
    date,
    canonicalUrl,
    image:
      imageUrl === undefined
        ? undefined
        : { url: imageUrl, alt: options.imageAlt ?? document.metadata.imageAlt },
    frontMatter: document.metadata.frontMatter,
    lexicon,
  });
  const article: Article = { metadata, tree: polished.tree, tableOfContents: polished.tableOfContents };
  const report: OptimizeReport = {
    ...evaluation.report,
    passed: evaluation.failures === 0,
    constraints: evaluation.constraints,
    fidelity: evaluation.fidelity,
    coverage: evaluation.coverage,
    sourceNotes,
    ...(polished.internalLinks ? { internalLinks: polished.internalLinks } : {}),
    writer: writer.name,
    writerStats: stats,
    keyphraseOrigin: finalPlan.keyphraseOrigin,
    source: { language: sourceAnalysis.language.language, words: sourceAnalysis.statistics.bodyWords },
    warnings,
  };
  const renderOptions = { tableOfContents: options.tableOfContents ?? true };
  return {
    article,
    markdown: renderMarkdown(article, {
      ...renderOptions,
      ...(options.target ? { target: options.target } : {}),
    }),
    html: renderHtmlDocument(article, {
      ...renderOptions,
      ...(options.jsonLdType ? { jsonLdType: options.jsonLdType } : {}),
      ...(options.faq ? { faq: collectFaq(article.tree) } : {}),
    }),
    plan: finalPlan,
    report,
  };
}

/** The site's address and pages, for the draft's links (« maillage interne ») and their audit. */
function siteOptions(options: OptimizeOptions): { sitePages?: readonly SitePage[]; siteUrl?: string } {
  return {
    ...(options.sitePages ? { sitePages: options.sitePages } : {}),
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
  };
}

/** Date and featured image of the publication, with the notes and warnings their absence calls for. */
function publicationFacts(
  options: OptimizeOptions,
  document: Document,
  warnings: string[],
): { date: string | undefined; imageUrl: string | undefined; sourceNotes: string[] } {
  const sourceDate = options.date ?? document.metadata.date;
  const date = sourceDate ?? options.now?.().toISOString().slice(0, 10);
  const sourceNotes = [...(options.sourceNotes ?? [])];
  if (sourceDate === undefined && date !== undefined) {
    sourceNotes.push(`Aucune date dans la source : date du jour utilisée (${date}).`);
  }
  // An address without the name it belongs to has nowhere to go in JSON-LD: said, not dropped silently.
  if (options.authorUrl && !(options.author ?? document.metadata.author ?? options.defaultAuthor))
    warnings.push('Adresse de l’auteur ignorée : aucun auteur (--author, site.author ou la source).');
  if (options.siteLogo && !(options.siteName ?? document.metadata.siteName))
    warnings.push('Logo du site ignoré : aucun nom de site (--site-name ou site.name).');
  const imageUrl = options.image ?? document.metadata.image ?? options.defaultImage;
  if (imageUrl === undefined) {
    warnings.push(
      'Pas d’image à la une : sans --image (ou image dans le front matter), ni og:image ni grande carte Twitter, et pas de résultat enrichi Google.',
    );
  }
  return { date, imageUrl, sourceNotes };
}

/** The published article's metadata: the final plan, the evaluated title and description, typeset. */
function articleMetadata(
  evaluation: DraftEvaluation,
  finalPlan: SeoPlan,
  given: {
    locale: string;
    author: string | undefined;
    siteName: string | undefined;
    links: { authorUrl: string | undefined; siteLogo: string | undefined };
    date: string | undefined;
    canonicalUrl: string | undefined;
    /** The featured image; without alt text of its own, it illustrates the headline. */
    image: { url: string; alt: string | undefined } | undefined;
    frontMatter: Record<string, unknown> | undefined;
    lexicon: Lexicon;
  },
): ArticleMetadata {
  const { title, description, french } = evaluation;
  // French typography only on French text: a foreign name or title keeps its own.
  const frenchTypeset = frenchTypesetter(given.lexicon);
  const typeset = (text: string) => (french ? frenchTypeset(text) : text);
  const { author, siteName, date, canonicalUrl, image, frontMatter } = given;
  const { authorUrl, siteLogo } = given.links;
  const h1 = typeset(finalPlan.h1);
  return {
    title,
    h1,
    description,
    slug: finalPlan.slug,
    keyphrase: finalPlan.keyphrase,
    keywords: finalPlan.keywords.map(typeset),
    // Text that is not French (yet) is not labelled French: its own language, as detected.
    locale: french ? given.locale : evaluation.analysis.language.language,
    wordCount: evaluation.analysis.statistics.bodyWords,
    ...(canonicalUrl ? { url: canonicalUrl } : {}),
    ...(author ? { author: typeset(author) } : {}),
    ...(author && authorUrl ? { authorUrl } : {}),
    ...(siteName ? { siteName: typeset(siteName) } : {}),
    ...(siteName && siteLogo ? { siteLogo } : {}),
    ...(date ? { date } : {}),
    ...(frontMatter ? { frontMatter } : {}),
    ...(image ? { image: { url: image.url, alt: typeset(image.alt ?? h1) } } : {}),
    ...(evaluation.failures > 0
      ? {
          constraintsFailed: evaluation.constraints
            .filter((constraint) => !constraint.passed)
            .map((constraint) => constraint.id),
        }
      : {}),
  };
}

/** Options the caller imposed: one that cannot be published is refused, never silently dropped. */
function checkImposedMetadata(options: OptimizeOptions): void {
  if (options.slug !== undefined && !isValidSlug(options.slug))
    throw invalidSlugError(options.slug, 'le slug');
  if (options.canonicalUrl !== undefined && !isHttpUrl(options.canonicalUrl)) {
    throw new InputError(
      'invalid-metadata',
      `URL canonique invalide « ${quote(options.canonicalUrl)} » : une adresse http ou https est attendue.`,
    );
  }
  for (const [value, what] of [
    [options.authorUrl, 'de l’auteur'],
    [options.siteLogo, 'du logo'],
  ] as const) {
    if (value !== undefined && !isHttpUrl(value)) {
      throw new InputError(
        'invalid-metadata',
        `adresse ${what} invalide « ${quote(value)} » : une adresse http ou https est attendue.`,
      );
    }
  }
  if (options.image !== undefined && !isImageReference(options.image)) {
    throw new InputError(
      'invalid-metadata',
      `image invalide « ${quote(options.image)} » : une adresse http(s) ou un chemin est attendu.`,
    );
  }
  if (options.date !== undefined && !isValidDate(options.date)) {
    throw new InputError(
      'invalid-metadata',
      `date invalide « ${quote(options.date)} » : une date réelle AAAA-MM-JJ est attendue.`,
    );
  }
}

/** A front matter slug is the author's choice, like `--slug`: an invalid one is an error, not a guess. */
function checkFrontMatterSlug(document: Document): void {
  const { slug } = document.metadata;
  if (document.format === 'markdown' && slug !== undefined && !isValidSlug(slug)) {
    throw invalidSlugError(slug, 'le slug du front matter');
  }
}

function invalidSlugError(slug: string, what: string): InputError {
  return new InputError(
    'invalid-metadata',
    `${what} « ${quote(slug)} » est invalide : minuscules ASCII, chiffres et tirets simples, 75 caractères au plus.`,
  );
}

/** Question headings (ending with « ? ») and the first paragraph under each: the only honest FAQ offline. */
function collectFaq(tree: Root): FaqEntry[] {
  const entries: FaqEntry[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading' || node.depth < 2) return;
    const question = mdastToString(node).trim();
    if (!question.endsWith('?')) return;
    const answer = tree.children
      .slice(index + 1)
      .find((next) => next.type === 'paragraph' || next.type === 'heading');
    if (answer?.type === 'paragraph') entries.push({ question, answer: mdastToString(answer).trim() });
  });
  return entries;
}
