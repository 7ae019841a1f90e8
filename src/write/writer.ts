import type { Root } from 'mdast';
import type { Analysis } from '../analyze/analysis.js';
import type { AuditConfig } from '../audit/audit-config.js';
import type { Brief } from '../brief.js';
import type { Document } from '../document.js';
import type { Lexicon } from '../lang/fr/lexicon.js';
import type { SeoPlan } from '../plan/seo-plan.js';
import type { DraftEvaluation } from './draft-evaluation.js';

/** What every writer gets: the source, read once, and the user's wishes. */
export interface WriterContext {
  document: Document;
  /** Analysis of the source. */
  analysis: Analysis;
  /** What the user asked for, resolved once: keyphrase, title, description, slug with their origins, min words, locale. */
  brief: Brief;
  /** Audit thresholds: the plan is built to meet them, and a writer that checks its own draft judges as the final report will. */
  config: AuditConfig;
  /** Parts of speech for generated headings (default: closed classes only). */
  lexicon?: Lexicon;
  /** Progress reports (stage names and sections), for the CLI and the server. */
  onProgress?: (event: WriterProgress) => void;
  /** Cancels the work (Ctrl-C). */
  signal?: AbortSignal;
  /** Counters the writer fills in for this article (calls, tokens, repair rounds). */
  stats: WriterStats;
}

/** What writing one article cost. All zero for the offline writer. */
export interface WriterStats {
  calls: number;
  cachedCalls: number;
  inputTokens: number;
  outputTokens: number;
  repairRounds: number;
  /** Estimated cost in US dollars, when the model's prices are known. */
  estimatedCostUsd: number | null;
  /** What the writer wants the reader of the report to know (in French). */
  notes: string[];
  /**
   * Set when the model failed and offline work took its place (the offline plan, or the offline
   * article): the article is written, but not what was asked for, and the CLI exits 3.
   */
  degraded?: boolean;
  /** Set when the per-article cap on calls or tokens was reached: no more calls, the best draft was kept. */
  budgetSpent?: boolean;
}

export function emptyWriterStats(): WriterStats {
  return {
    calls: 0,
    cachedCalls: 0,
    inputTokens: 0,
    outputTokens: 0,
    repairRounds: 0,
    estimatedCostUsd: null,
    notes: [],
  };
}

export interface WriterProgress {
  stage: 'plan' | 'write' | 'audit' | 'repair';
  message: string;
  done?: number;
  total?: number;
}

/** A draft: the body (H1 first) as an mdast tree, and the plan as finally kept (repairs may revise it). */
export interface WriterOutput {
  tree: Root;
  plan: SeoPlan;
}

/**
 * Writers plan, then write; a writer that can rewrite also repairs. The offline writer and the LLM
 * writer both implement this. The pipeline owns the repair loop: the rounds, the best draft kept and
 * the stop when the budget is spent (`stats.budgetSpent`).
 */
export interface Writer {
  readonly name: string;
  /** Whether this writer can translate and expand (the offline writer cannot: it only restructures). */
  readonly canRewrite: boolean;
  plan(context: WriterContext): Promise<SeoPlan>;
  write(context: WriterContext, plan: SeoPlan): Promise<WriterOutput>;
  /** Most repair rounds after the first draft (default: none). */
  readonly repairRounds?: number;
  /**
   * Rewrites what the evaluation of `draft` found failing, and returns the new draft; null when this
   * draft is not one it can repair. Absent for the offline writer, which cannot rewrite.
   */
  repair?(
    context: WriterContext,
    draft: WriterOutput,
    evaluation: DraftEvaluation,
  ): Promise<WriterOutput | null>;
}
