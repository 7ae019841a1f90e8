import type { Root } from 'mdast';
import type { Analysis } from './analyze/analysis.js';
import { analyzeReusing } from './analyze/analyze.js';
import { ASSESSMENTS } from './audit/assessments/index.js';
import type { AuditConfig } from './audit/audit-config.js';
import { checkArticleConstraints } from './audit/check-article-constraints.js';
import { runAssessments } from './audit/run-assessments.js';
import type { RemovedContent } from './document.js';
import type { Lexicon } from './lang/fr/lexicon.js';
import type { SeoPlan } from './plan/seo-plan.js';
import { type SitePage, siteOriginOfPages } from './plan/site-page.js';
import type { DraftEvaluation } from './write/draft-evaluation.js';
import { frenchTypesetter, type PolishedTree, polishTree } from './write/polish-article.js';

export type { DraftEvaluation } from './write/draft-evaluation.js';

export interface EvaluateDraftInput {
  tree: Root;
  plan: SeoPlan;
  sourceAnalysis: Analysis;
  config: AuditConfig;
  writerCanRewrite: boolean;
  tableOfContents?: boolean;
  canonicalUrl?: string;
  /** How the user gets a writer that translates and expands, in their terms (default: the CLI's). */
  rewriterHint?: string;
  /** What ingest left out of a source page, listed in the coverage (default: nothing). */
  removed?: readonly RemovedContent[];
  /** Assessment ids not run (the configuration's `audit.disable`); they weigh on no score. */
  disable?: readonly string[];
  /** Words to restore the accents of bare capitals with (« Evaluer » → « Évaluer »; default: none). */
  lexicon?: Lexicon;
  /** The site's pages the article's words may link to (« maillage interne »; default: none). */
  sitePages?: readonly SitePage[];
  /** The site's address: links to its host count as internal (default: the canonical URL's host). */
  siteUrl?: string;
}

/**
 * Polishes a draft and audits it exactly as the final report will: the LLM
 * writer's repair loop and `optimize` share this, so « fixed » means the same
 * thing in both. Pure.
 */
export function evaluateDraft(input: EvaluateDraftInput): DraftEvaluation {
  let draft = polishAndAnalyze(input, true);
  // Typography does not change the detected language, so one more pass settles it for foreign text.
  const french = isFrench(draft.analysis);
  if (!french) draft = polishAndAnalyze(input, false);
  const { polished, title, description, analysis } = draft;
  const disabled = new Set(input.disable ?? []);
  const report = runAssessments(
    analysis,
    input.config,
    disabled.size === 0 ? ASSESSMENTS : ASSESSMENTS.filter((assessment) => !disabled.has(assessment.id)),
  );
  const { fidelity, coverage, constraints } = checkArticleConstraints({
    analysis,
    // The language constraint reads the language check, even when the user left it out of the scores.
    report: disabled.has(LANGUAGE_CHECK)
      ? {
          ...report,
          results: [
            ...report.results,
            ...runAssessments(
              analysis,
              input.config,
              ASSESSMENTS.filter((assessment) => assessment.id === LANGUAGE_CHECK),
            ).results,
          ],
        }
      : report,
    sourceAnalysis: input.sourceAnalysis,
    // An extractive writer must keep every source sentence; a rewriter rewrites them all.
    coverage: !input.writerCanRewrite,
    config: input.config,
    keyphrase: input.plan.keyphrase,
    writerCanRewrite: input.writerCanRewrite,
    ...(input.rewriterHint === undefined ? {} : { rewriterHint: input.rewriterHint }),
    ...(input.removed === undefined ? {} : { removed: input.removed }),
  });
  return {
    polished,
    title,
    description,
    analysis,
    report,
    fidelity,
    coverage,
    constraints,
    failures: constraints.filter((constraint) => !constraint.passed).length,
    french,
  };
}

const LANGUAGE_CHECK = 'french-language';

/** French, or too short to tell (then French is what Plume writes). */
function isFrench(analysis: Analysis): boolean {
  const language = analysis.language.language;
  return language === 'fr' || language === 'und';
}

function polishAndAnalyze(
  input: EvaluateDraftInput,
  typography: boolean,
): { polished: PolishedTree; title: string; description: string; analysis: Analysis } {
  const polished = polishTree(input.tree, {
    tableOfContents: input.tableOfContents ?? true,
    typography,
    ...(input.lexicon ? { lexicon: input.lexicon } : {}),
    ...(input.sitePages && input.sitePages.length > 0
      ? {
          internalLinks: {
            pages: input.sitePages,
            keyphrase: input.plan.keyphrase,
            ...(input.canonicalUrl ? { ownUrl: input.canonicalUrl } : {}),
            ...(input.plan.slug ? { ownSlug: input.plan.slug } : {}),
            ...(input.lexicon ? { lexicon: input.lexicon } : {}),
          },
        }
      : {}),
  });
  const typeset = frenchTypesetter(input.lexicon);
  // The planner joins a label with the French « : »; other languages put no space before the colon.
  const title = typography
    ? typeset(input.plan.title)
    : input.plan.title.replace(/[\s\u00a0\u202f]+:(?=\s)/gu, ':');
  const description = typography ? typeset(input.plan.description) : input.plan.description;
  // The draft is mostly the source's own paragraphs: those are not read again.
  const analysis = analyzeReusing(
    {
      format: 'markdown',
      tree: polished.tree,
      metadata: input.canonicalUrl ? { url: input.canonicalUrl } : {},
    },
    {
      keyphrase: input.plan.keyphrase,
      title,
      description,
      slug: input.plan.slug,
      siteUrl: input.siteUrl ?? input.canonicalUrl ?? siteOriginOfPages(input.sitePages),
      tableOfContents: polished.tableOfContents.map((entry) => entry.text),
    },
    input.sourceAnalysis,
  );
  return { polished, title, description, analysis };
}
