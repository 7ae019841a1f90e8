import { createPhraseMatcher, MAX_PATTERN_PHRASE_LENGTH } from '../analyze/phrase-matcher.js';
import { DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import { hasUppercaseInitial, isUppercaseRun, startsLikeName } from '../character-class.js';
import { isFunctionWord } from '../lang/fr/function-words.js';
import type { Lexicon } from '../lang/fr/lexicon.js';
import { normalizeWord } from '../lang/fr/normalize-word.js';
import { measureTextWidth } from '../lang/pixel-width/measure-text-width.js';

export interface BuildTitleOptions {
  keyphrase: string;
  /** Headline candidates from the source, best first (title, H1, heading-like lines, lead clauses). */
  candidates: readonly string[];
  /**
   * Headings the outline generated, tried after `candidates`: one is glued after the keyphrase only when
   * no source candidate that writes the keyphrase fits.
   */
  generated?: readonly string[];
  /**
   * The author's own titles among `candidates` (the brief's, the H1): one that holds every content word of
   * the keyphrase in another form (« Regarder SFR TV dans Kodi » for « TV de SFR ») is kept as it is, rather
   * than the keyphrase glued to a section's heading (« TV de SFR : prérequis ») that says less of the article.
   */
  titles?: readonly string[];
  /** Subheadings the article keeps: a title that would repeat one is not preferred to a generated heading. */
  avoid?: readonly string[];
  /** Parts of speech, to lowercase a common word after « : » (default: grammatical words only). */
  lexicon?: Lexicon;
  /** Words the source writes in lower case (normalized): common words even when the lexicon lacks them. */
  commonWords?: WordSet;
  /** Widest title in pixels of Arial 20 px (default: the audit's, 600). */
  maxWidth?: number;
}

/**
 * A set of words, only asked whether it holds one: a `Set`, or one built when first asked (most titles
 * never ask).
 */
export interface WordSet {
  has(word: string): boolean;
}

/**
 * The SEO title: the keyphrase first when it reads naturally (« Talents en IA :
 * Big Tech est prêt à payer jusqu’à un million »), never wider than Google
 * shows, never cut mid-word. Made of the keyphrase and source words only.
 */
export function buildTitle(options: BuildTitleOptions): string {
  const maxWidth = options.maxWidth ?? DEFAULT_AUDIT_CONFIG.titleWidth.maxPixels;
  const keyphrase = options.keyphrase.trim();
  const label = capitalizeFirst(keyphrase);
  const matcher = createPhraseMatcher(keyphrase);
  const lower = (text: string) => lowercaseFirst(text, options.lexicon, options.commonWords);
  const fits = (text: string) => measureTextWidth(text) <= maxWidth;
  const fallbacks: string[] = [];
  const tooWide: string[] = [];
  const generated = new Set(options.generated ?? []);
  const avoided = new Set(options.avoid ?? []);
  const titles = new Set(options.titles ?? []);
  // Whole source candidates that write the keyphrase, other than the subheadings the article keeps.
  const writing: string[] = [];
  for (const raw of [...options.candidates, ...(options.generated ?? [])]) {
    // « IA : les géants recrutent » already has a label: keep what follows it.
    const candidate = raw
      .replace(/\s+/gu, ' ')
      .trim()
      .replace(/[.:;,]+$/u, '')
      .replace(/^[^:]{1,30}\s:\s(?=\S)/u, '');
    if (candidate.length === 0) continue;
    const exact = matcher.exactIndices(candidate);
    let title: string | null = null;
    if (exact[0] === 0)
      title = lowercaseAfterColons(capitalizeFirst(candidate), options.lexicon, options.commonWords);
    else if (exact.length > 0) {
      const withoutTail = removeKeyphraseTail(candidate, keyphrase);
      const index = exact[0] as number;
      if (withoutTail !== null) title = `${label} : ${lower(withoutTail)}`;
      else if (titles.has(raw) && LEADING_DETERMINER.test(candidate.slice(0, index)))
        // « Les transferts de gros fichiers simplifiés » → « Transferts de gros fichiers simplifiés »: the
        // same title, the keyphrase first.
        title = lowercaseAfterColons(
          capitalizeFirst(candidate.slice(index)),
          options.lexicon,
          options.commonWords,
        );
      else if (titles.has(raw) && fits(candidate))
        // « Diceware, mots de passe et dés »: the author's title says what the article is about; the
        // keyphrase glued to a section's heading (« Mots de passe : aléatoire vs homogénéité ») would not.
        return lowercaseAfterColons(capitalizeFirst(candidate), options.lexicon, options.commonWords);
      else {
        // Keep the keyphrase in the title: the candidate up to it, or the keyphrase first and the words before it.
        const throughKeyphrase = candidate.slice(0, index).trimEnd();
        const upToKeyphrase = candidate.slice(0, index + keyphrase.length);
        // A subheading the article keeps is no title, whole or cut.
        if (!avoided.has(candidate)) {
          fallbacks.push(candidate, upToKeyphrase);
          writing.push(candidate);
        }
        const before = cutToWidth(throughKeyphrase, Number.POSITIVE_INFINITY);
        if (before.split(/\s+/u).length >= 3) tooWide.push(`${label} : ${lower(before)}`);
      }
    } else if (!matcher.match(candidate).allContentWords) {
      // A source candidate that writes the keyphrase (« Génération manuelle de mots de passe
      // robustes ») says more of the article than the keyphrase glued to a generated heading.
      const earlier = generated.has(raw) ? writing.find(fits) : undefined;
      if (earlier) return capitalizeFirst(earlier);
      title = `${label} : ${lower(candidate)}`;
    } else if (titles.has(raw) && fits(candidate))
      return lowercaseAfterColons(capitalizeFirst(candidate), options.lexicon, options.commonWords);
    else if (!avoided.has(candidate)) fallbacks.push(candidate);
    if (title === null) continue;
    if (fits(title)) return title;
    tooWide.push(title);
  }
  const fitting = fallbacks.find(fits);
  if (fitting) return fitting;
  // Every candidate is too wide: cut the first one between words, never after a function word.
  for (const title of [...tooWide, ...fallbacks]) {
    const cut = cutToWidth(title, maxWidth);
    if (cut.split(/\s+/u).length >= label.split(/\s+/u).length + 4) return cut;
  }
  return cutToWidth(label, maxWidth);
}

/** A title's opening determiner alone (« Les », « L’ », « Un »): dropped, it leaves the same title. */
const LEADING_DETERMINER = /^(?:(?:le|la|les|un|une|des)\s+|l['’])$/iu;

/**
 * What comes before a keyphrase that closes a title (« … un million pour les talents en IA »): a
 * preposition and maybe a determiner. A fixed pattern, compiled once; only the keyphrase's own (short)
 * pattern is built for each keyphrase: the whole in one pattern took 0.4 ms to compile for each new one.
 */
const KEYPHRASE_TAIL_LEAD =
  /\s+(?:pour|de|des|du|aux|au|à|chez|sur|avec|dans|en|entre|par)\s+(?:(?:les|la|le|des|du|un|une|ces|nos|vos|leurs)\s+|l['’])?$/iu;

/** « … un million pour les talents en IA » -> « … un million »: the keyphrase moves to the front. */
export function removeKeyphraseTail(text: string, keyphrase: string): string | null {
  // A keyphrase this long is refused at ingest; the guard keeps the pattern below compilable.
  if (keyphrase.length > MAX_PATTERN_PHRASE_LENGTH) return null;
  const escaped = keyphrase
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
    .replace(/['’]/g, "['’]");
  // The keyphrase at the very end starts at one place only: its words hold no space, and a word matches
  // one length of text.
  const ending = new RegExp(`${escaped}$`, 'iu').exec(text);
  if (ending === null) return null;
  const lead = KEYPHRASE_TAIL_LEAD.exec(text.slice(0, ending.index));
  if (lead === null) return null;
  const stripped = text.slice(0, lead.index);
  return stripped.split(/\s+/u).length >= 3 ? stripped : null;
}

function cutToWidth(text: string, maxWidth: number): string {
  const words = text.split(/\s+/u);
  while (words.length > 1 && measureTextWidth(words.join(' ')) > maxWidth) words.pop();
  while (words.length > 1 && isWeakEnding(words[words.length - 1] as string)) words.pop();
  return words.join(' ').replace(/[\s,;:–—(]+$/u, '');
}

/** A title never ends on « les », « de », « l’ » or a dangling colon. */
function isWeakEnding(word: string): boolean {
  const normalized = normalizeWord(word.replace(/[,;:]$/u, ''));
  return normalized === ':' || normalized.endsWith("'") || isFunctionWord(normalized);
}

export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const character = String.fromCodePoint(first);
  return character.toLocaleUpperCase('fr') + text.slice(character.length);
}

/** Every « : » of a title or heading followed by a common word: « TV de SFR : Prérequis » -> « … : prérequis ». */
export function lowercaseAfterColons(text: string, lexicon?: Lexicon, commonWords?: WordSet): string {
  return text.replace(
    /(\s:[\s\u00a0\u202f]+)(\S.*)$/u,
    (_whole, colon: string, rest: string) =>
      `${colon}${lowercaseAfterColons(lowercaseFirst(rest, lexicon, commonWords), lexicon, commonWords)}`,
  );
}

/**
 * Lowercases the first letter after « : » (French capitalisation: « Sommet du Ventoux : renoncer »):
 * a grammatical word always (« Les recruteurs » -> « les recruteurs »), another word when the lexicon
 * knows it and not as a proper noun. Without a lexicon, or for a word it does not know (« Microsoft »,
 * « Big Tech »), the capital stays: a capital kept by mistake reads better than a name lowercased.
 * A word before another capitalised word is part of a name (« Big Tech ») and keeps its capital, and so do
 * acronyms. An article before one capitalised word belongs to a name (« Le Monde titre », « L’Équipe
 * révèle ») unless the lexicon knows that word only as a proper noun (« La France recrute » ->
 * « la France recrute »); before a name of several capitalised words it is lowercased (« la Big Tech »).
 * A compound is read by its head (« Laissez-moi » is the verb « laissez »). `commonWords`, the words the
 * source itself writes in lower case, vouches for a word the lexicon lacks (« Prérequis » in a text that
 * writes « cf prérequis »).
 */
export function lowercaseFirst(text: string, lexicon?: Lexicon, commonWords?: WordSet): string {
  const [firstWord = '', secondWord = '', thirdWord = ''] = text.split(/\s+/u, 3);
  if (isUppercaseRun(firstWord)) return text;
  if (isArticleOfName(firstWord, secondWord, thirdWord, lexicon)) return text;
  const normalized = normalizeWord(firstWord).replace(/'.*$/u, "'");
  if (!isFunctionWord(normalized)) {
    // « Big Tech », « Hugging Face »: a capitalised word before another is part of a name.
    if (hasUppercaseInitial(secondWord)) return text;
    const head = firstWord.replace(/[,;:.!?]+$/u, '').split('-')[0] as string;
    const parts = lexicon?.partsOfSpeech(head);
    const known = parts !== undefined && parts.size > 0;
    if (known ? parts.has('proper-noun') : commonWords?.has(normalizeWord(head)) !== true) return text;
  }
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const character = String.fromCodePoint(first);
  return character.toLowerCase() + text.slice(character.length);
}

const NAME_ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'les']);

/** « Le Monde », « L’Équipe », « Les Échos »: a capitalised article that is part of the name after it. */
function isArticleOfName(first: string, second: string, third: string, lexicon?: Lexicon): boolean {
  const elided = /^[Ll]['’](.+)$/u.exec(first);
  const name = elided ? (elided[1] as string) : NAME_ARTICLES.has(first.toLowerCase()) ? second : '';
  const next = elided ? second : third;
  if (!startsLikeName(name) || startsLikeName(next)) return false;
  const parts = lexicon?.partsOfSpeech(name.replace(/[,;:.!?]+$/u, ''));
  return !(parts?.has('proper-noun') && !parts.has('noun'));
}
