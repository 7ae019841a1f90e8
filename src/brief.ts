import type { SourceMetadata } from './document.js';

/** Where a wish came from: a flag or API field (`given`), or the source's front matter or `<head>` (`source`). */
export type BriefOrigin = 'given' | 'source';

export interface BriefField {
  text: string;
  origin: BriefOrigin;
}

/**
 * What the user asked for, resolved once (flag > front matter > none) and handed to the analysis,
 * the writers and the audit, so that no stage guesses the precedence again. A wish with origin
 * `source` is the author's metadata: the planner keeps it when it fits the audit's bounds.
 */
export interface Brief {
  keyphrase?: BriefField;
  /** SEO title. A source title is a headline candidate, not imposed: it is often the H1. */
  title?: BriefField;
  description?: BriefField;
  slug?: BriefField;
  /** Minimum words of the body, headings excluded. */
  minWords: number;
  /** BCP 47 locale of the article: fr-FR, fr-CA, fr-BE, fr-CH. */
  locale: string;
}

/** The user's wishes as flags or API fields give them; blank strings count as absent. */
export interface BriefWishes {
  keyphrase?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
  slug?: string | undefined;
  minWords: number;
  locale: string;
}

type WishName = 'keyphrase' | 'title' | 'description' | 'slug';
const WISH_NAMES: readonly WishName[] = ['keyphrase', 'title', 'description', 'slug'];

/** Resolves each wish once: the flag, else the source's metadata, else nothing (the planner decides). */
export function resolveBrief(metadata: SourceMetadata, wishes: BriefWishes): Brief {
  const brief: Brief = { minWords: wishes.minWords, locale: wishes.locale };
  for (const name of WISH_NAMES) {
    const given = wishes[name]?.trim();
    const fromSource = metadata[name]?.trim();
    if (given) brief[name] = { text: given, origin: 'given' };
    else if (fromSource) brief[name] = { text: fromSource, origin: 'source' };
  }
  return brief;
}
