import type { Analysis, AnalyzedSentence } from '../analyze/analysis.js';
import { type AuditConfig, DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import { type Brief, resolveBrief } from '../brief.js';
import type { Document } from '../document.js';
import { isFunctionWord } from '../lang/fr/function-words.js';
import type { Lexicon } from '../lang/fr/lexicon.js';
import { normalizeWord } from '../lang/fr/normalize-word.js';
import { stem } from '../lang/fr/stem.js';
import { tokenizeWords } from '../lang/fr/tokenize-words.js';
import { buildMetaDescription } from './build-meta-description.js';
import { buildSlug, isValidSlug } from './build-slug.js';
import { buildTitle, capitalizeFirst, lowercaseAfterColons, type WordSet } from './build-title.js';
import { extractKeyphrases, type KeyphraseCandidate, pickSecondaryKeywords } from './extract-keyphrases.js';
import { foreignKeyphrases } from './foreign-keyphrase.js';
import { extractHeadline } from './headline-from-sentence.js';
import { preferPresentKeyphrase } from './keyphrase-presence.js';
import { planOutline } from './plan-outline.js';
import type { Passage, SeoPlan } from './seo-plan.js';

/** The wishes a plan honours: keyphrase, title, description and slug, each with its origin. */
export type PlanBrief = Pick<Brief, 'keyphrase' | 'title' | 'description' | 'slug'>;

export interface PlanArticleOptions {
  /** What the user asked for (default: the source's own metadata, resolved by `resolveBrief`). */
  brief?: PlanBrief;
  /** The thresholds the article will be audited against: the plan is built to meet them (default: the defaults). */
  config?: AuditConfig;
  /** Parts of speech for generated headings (default: closed classes only; `createLefffLexicon` at the edges). */
  lexicon?: Lexicon;
}

/** The metadata a plan must keep as given: the user's, and the source's own when it fits the audit's bounds. */
export interface ImposedMetadata {
  title?: string;
  description?: string;
  slug?: string;
}

/**
 * What of the brief is binding. A title from the source is only the first headline candidate
 * (it is often the H1 or carries the site's name); a source description is kept when its length
 * is within the audit's bounds; a slug is kept from either origin.
 */
export function imposedMetadata(brief: PlanBrief, config: AuditConfig): ImposedMetadata {
  const description =
    brief.description?.origin === 'given'
      ? brief.description.text
      : withinDescriptionBounds(brief.description?.text, config);
  return {
    ...(brief.title?.origin === 'given' ? { title: brief.title.text } : {}),
    ...(description ? { description } : {}),
    // Only a valid slug names files: an invalid one from any origin gives way to the built one.
    ...(brief.slug && isValidSlug(brief.slug.text) ? { slug: brief.slug.text } : {}),
  };
}

/**
 * The deterministic plan of the offline writer: keyphrase, keywords, title,
 * H1, meta description, slug and outline, all from the source. Pure.
 */
export function planArticle(
  document: Document,
  analysis: Analysis,
  options: PlanArticleOptions = {},
): SeoPlan {
  const config = options.config ?? DEFAULT_AUDIT_CONFIG;
  const brief =
    options.brief ?? resolveBrief(document.metadata, { minWords: config.minWords, locale: 'fr-FR' });
  const imposed = imposedMetadata(brief, config);
  const candidates = keyphraseCandidates(analysis, options);
  const keyphrase = brief.keyphrase?.text ?? candidates[0]?.phrase ?? fallbackKeyphrase(analysis);
  const keyphraseOrigin = brief.keyphrase?.origin ?? 'extracted';
  const keyphraseStems = contentStems(keyphrase);
  const focus = focusCandidate(candidates, keyphrase, keyphraseStems);
  const keywords =
    document.metadata.keywords && document.metadata.keywords.length > 0
      ? document.metadata.keywords.slice(0, 6)
      : pickSecondaryKeywords(candidates, focus);

  const outline = planOutline(document, analysis, {
    keyphraseStems,
    keyphrase,
    ...(options.lexicon ? { lexicon: options.lexicon } : {}),
    maxSectionWords: config.subheadingDistribution.maxWords,
    maxParagraphWords: config.paragraphLength.maxWords,
  });
  // A quotation is someone else's words (and an embedded tweet's): never the article's description.
  const ownWords = (sentence: AnalyzedSentence) =>
    analysis.blocks[sentence.blockIndex]?.kind !== 'blockquote';
  const leadSentences = [
    ...(outline.keyPoints ? sentencesOfPassage(outline.keyPoints, analysis) : []),
    ...outline.introduction.flatMap((passage) => sentencesOfPassage(passage, analysis)),
    ...(outline.sections[0]?.passages ?? []).flatMap((passage) => sentencesOfPassage(passage, analysis)),
  ]
    .filter(ownWords)
    .map((sentence) => sentence.text);
  const introductionSentences = outline.introduction.flatMap((passage) =>
    sentencesOfPassage(passage, analysis),
  );
  // The first sentence of the introduction that makes a headline; the ones after it are not read.
  let leadHeadline: ReturnType<typeof extractHeadline> | undefined;
  for (const sentence of introductionSentences) {
    leadHeadline = extractHeadline(sentence.text, { maxWords: 14, ...lexiconOption(options) });
    if (leadHeadline !== null) break;
  }
  // A summary bullet states the thesis in a few words: the best headline when the source has no title.
  const sourceHeadings = outline.sections
    .filter((section) => section.origin !== 'generated')
    .map((section) => section.heading);
  const keyPointHeadlines = outline.keyPoints
    ? sentencesOfPassage(outline.keyPoints, analysis)
        .map(
          (sentence) =>
            extractHeadline(sentence.text.replace(/^[-–•*]\s+/u, ''), {
              maxWords: 12,
              ...lexiconOption(options),
            })?.text,
        )
        .filter((text): text is string => typeof text === 'string')
    : [];
  // French capitalisation only: an English title keeps its capital after the colon.
  const commonWords = isForeign(analysis) ? undefined : writtenInLowerCase(analysis);
  const title =
    imposed.title ??
    buildTitle({
      keyphrase,
      ...lexiconOption(options),
      ...(commonWords ? { commonWords } : {}),
      maxWidth: config.titleWidth.maxPixels,
      candidates: [
        ...(brief.title ? [brief.title.text] : []),
        ...(outline.h1 ? [outline.h1] : []),
        ...sourceHeadings,
        ...keyPointHeadlines,
        ...(leadHeadline ? [leadHeadline.text] : []),
      ],
      titles: [...(brief.title ? [brief.title.text] : []), ...(outline.h1 ? [outline.h1] : [])],
      avoid: sourceHeadings,
      // Headings the outline extracted: whole clauses, better than a candidate cut to fit.
      generated: outline.sections
        .filter((section) => section.origin === 'generated')
        .map((section) => section.heading),
    });
  const h1 = chooseH1(title, keyphrase, {
    sourceTitle: outline.h1 ?? document.metadata.title,
    leadHeadline: leadHeadline?.text,
    lexicon: options.lexicon,
    commonWords,
  });
  const description =
    imposed.description ??
    buildMetaDescription({
      keyphrase,
      // The lead first; the rest of the article when the lead has no sentence with the keyphrase.
      sentences: [
        ...new Set([
          ...leadSentences,
          ...analysis.sentences.filter(ownWords).map((sentence) => sentence.text),
        ]),
      ],
      minLength: config.metaDescription.minCharacters,
      maxLength: config.metaDescription.maxCharacters,
      leadLength: new Set(leadSentences).size,
      ...lexiconOption(options),
    });
  const slug = imposed.slug ?? buildSlug(keyphrase);

  return {
    keyphrase,
    keyphraseOrigin,
    keywords,
    title,
    h1,
    description,
    slug,
    keyPoints: outline.keyPoints,
    introduction: outline.introduction,
    sections: outline.sections,
  };
}

/** The candidate of the keyphrase, or one made for it (a given keyphrase the extraction did not rank). */
function focusCandidate(
  candidates: readonly KeyphraseCandidate[],
  keyphrase: string,
  stems: string[],
): KeyphraseCandidate {
  return (
    candidates.find((candidate) => sameStems(candidate.stems, stems)) ?? {
      phrase: keyphrase,
      stems,
      words: stems.length,
      occurrences: 0,
      score: 0,
    }
  );
}

/**
 * A text in another language gets keyphrases in that language, not French readings of its words; a
 * French keyphrase the text does not write (a title fragment) gives way to one it repeats.
 */
function keyphraseCandidates(analysis: Analysis, options: PlanArticleOptions): KeyphraseCandidate[] {
  return (
    foreignKeyphrases(analysis) ??
    preferPresentKeyphrase(extractKeyphrases(analysis, { limit: 12, ...lexiconOption(options) }), analysis)
  );
}

export function sentencesOfPassage(passage: Passage, analysis: Analysis): AnalyzedSentence[] {
  if (passage.sentences) return analysis.sentences.slice(passage.sentences.start, passage.sentences.end);
  return analysis.sentences.filter(
    (sentence) => analysis.blocks[sentence.blockIndex]?.nodeIndex === passage.nodeIndex,
  );
}

function withinDescriptionBounds(description: string | undefined, config: AuditConfig): string | undefined {
  if (!description) return undefined;
  const length = [...description.trim()].length;
  const { minCharacters, maxCharacters } = config.metaDescription;
  return length >= minCharacters && length <= maxCharacters ? description.trim() : undefined;
}

function contentStems(phrase: string): string[] {
  const tokens = tokenizeWords(phrase).filter((token) => token.kind !== 'elision');
  const content = tokens.filter((token) => !isFunctionWord(normalizeWord(token.text)));
  return (content.length > 0 ? content : tokens).map((token) => stem(token.text));
}

function sameStems(left: readonly string[], right: readonly string[]): boolean {
  const a = [...new Set(left)].sort();
  const b = [...new Set(right)].sort();
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** A text too short for statistics still needs a keyphrase: its most frequent content word. */
function fallbackKeyphrase(analysis: Analysis): string {
  const counts = new Map<string, { count: number; text: string }>();
  for (const word of analysis.words) {
    if (word.kind !== 'word' || word.isFunctionWord || word.text.length < 3) continue;
    const entry = counts.get(word.stem) ?? { count: 0, text: word.normalized };
    entry.count += 1;
    counts.set(word.stem, entry);
  }
  const best = [...counts.values()].sort((left, right) => right.count - left.count)[0];
  return best?.text ?? 'article';
}

/**
 * The source's own headline first; else the SEO title, as most CMSs print it, unless it is only the
 * keyphrase; else the main clause of the lead. French capitalisation after « : » even for the source's
 * title (« Sommet du Ventoux : renoncer »); without `commonWords` (a foreign text) it keeps its own.
 */
function chooseH1(
  title: string,
  keyphrase: string,
  given: {
    sourceTitle: string | null | undefined;
    leadHeadline: string | undefined;
    lexicon: Lexicon | undefined;
    commonWords: WordSet | undefined;
  },
): string {
  const titleIsBare = title.trim().toLowerCase() === keyphrase.trim().toLowerCase();
  const headline =
    given.sourceTitle ??
    (titleIsBare ? undefined : title) ??
    given.leadHeadline ??
    capitalizeFirst(keyphrase);
  return given.commonWords ? lowercaseAfterColons(headline, given.lexicon, given.commonWords) : headline;
}

/**
 * The words the text writes in lower case somewhere: common words, whatever their capital elsewhere. Read
 * only for a word after « : » that the lexicon does not know (most titles have none): gathered when first
 * asked, not for every plan.
 */
function writtenInLowerCase(analysis: Analysis): WordSet {
  let words: Set<string> | undefined;
  return {
    has(word) {
      words ??= lowercaseWords(analysis);
      return words.has(word);
    },
  };
}

const LOWERCASE_INITIAL = /^\p{Ll}/u;

function lowercaseWords(analysis: Analysis): Set<string> {
  const words = new Set<string>();
  for (const word of analysis.words) {
    // An ASCII initial is read without the regular expression.
    const code = word.text.charCodeAt(0);
    if (code < 128 ? code >= 97 && code <= 122 : LOWERCASE_INITIAL.test(word.text))
      words.add(word.normalized);
  }
  return words;
}

function isForeign(analysis: Analysis): boolean {
  return analysis.language.reliable && analysis.language.language !== 'fr';
}

function lexiconOption(options: PlanArticleOptions): { lexicon?: Lexicon } {
  return options.lexicon ? { lexicon: options.lexicon } : {};
}
