import type { Root } from 'mdast';
import type { Analysis } from '../analyze/analysis.js';
import type { Document } from '../document.js';
import type { SeoPlan } from '../plan/seo-plan.js';

/** What every writer gets: the source, read once, and the user's wishes. */
export interface WriterContext {
  document: Document;
  /** Analysis of the source. */
  analysis: Analysis;
  /** Focus keyphrase imposed by the user, if any. */
  keyphrase?: string;
  title?: string;
  description?: string;
  slug?: string;
  /** Minimum words of the body. */
  minWords: number;
  /** BCP 47 locale of the article: fr-FR, fr-CA, fr-BE, fr-CH. */
  locale: string;
  /** Progress reports (stage names and sections), for the CLI and the server. */
  onProgress?: (event: WriterProgress) => void;
  /** Cancels the work (Ctrl-C). */
  signal?: AbortSignal;
}

export interface WriterProgress {
  stage: 'plan' | 'write' | 'repair';
  message: string;
  done?: number;
  total?: number;
}

/** A draft body: the H1 first, then the article, as an mdast tree. */
export type DraftTree = Root;

/** Writers plan, then write. The offline writer and the LLM writer both implement this. */
export interface Writer {
  readonly name: string;
  /** Whether this writer can translate and expand (the offline writer cannot: it only restructures). */
  readonly canRewrite: boolean;
  plan(context: WriterContext): Promise<SeoPlan>;
  write(context: WriterContext, plan: SeoPlan): Promise<DraftTree>;
}
