import { createPhraseMatcher } from '../analyze/phrase-matcher.js';
import { measureTextWidth } from '../audit/pixel-width/measure-text-width.js';

export interface BuildTitleOptions {
  keyphrase: string;
  /** Headline candidates from the source, best first (title, H1, heading-like lines, lead clauses). */
  candidates: readonly string[];
  /** Widest title in pixels of Arial 20 px (default: 600). */
  maxWidth?: number;
}

/**
 * The SEO title: the keyphrase first when it reads naturally (« Talents en IA :
 * Big Tech est prêt à payer jusqu’à un million »), never wider than Google
 * shows, never cut mid-word. Made of the keyphrase and source words only.
 */
export function buildTitle(options: BuildTitleOptions): string {
  const maxWidth = options.maxWidth ?? 600;
  const keyphrase = options.keyphrase.trim();
  const label = capitalizeFirst(keyphrase);
  const matcher = createPhraseMatcher(keyphrase);
  const fits = (text: string) => measureTextWidth(text) <= maxWidth;
  const fallbacks: string[] = [];
  for (const raw of options.candidates) {
    const candidate = raw
      .replace(/\s+/gu, ' ')
      .trim()
      .replace(/[.:;,]+$/u, '');
    if (candidate.length === 0) continue;
    const exact = matcher.exactIndices(candidate);
    if (exact[0] === 0) {
      if (fits(candidate)) return capitalizeFirst(candidate);
      continue;
    }
    if (exact.length > 0) {
      const withoutTail = removeKeyphraseTail(candidate, keyphrase);
      if (withoutTail !== null) {
        const title = `${label} : ${lowercaseFirst(withoutTail)}`;
        if (fits(title)) return title;
      }
      if (fits(candidate)) fallbacks.push(candidate);
      continue;
    }
    if (!matcher.match(candidate).allContentWords) {
      const title = `${label} : ${lowercaseFirst(candidate)}`;
      if (fits(title)) return title;
    } else if (fits(candidate)) {
      fallbacks.push(candidate);
    }
  }
  return fallbacks[0] ?? cutToWidth(label, maxWidth);
}

/** « … un million pour les talents en IA » -> « … un million »: the keyphrase moves to the front. */
function removeKeyphraseTail(text: string, keyphrase: string): string | null {
  const escaped = keyphrase
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+')
    .replace(/['’]/g, "['’]");
  const tail = new RegExp(
    `\\s+(?:pour|de|des|du|aux|au|à|chez|sur|avec|dans|en|entre|par)\\s+(?:(?:les|la|le|des|du|un|une|ces|nos|vos|leurs)\\s+|l['’])?${escaped}$`,
    'iu',
  );
  const stripped = text.replace(tail, '');
  return stripped !== text && stripped.split(/\s+/u).length >= 3 ? stripped : null;
}

function cutToWidth(text: string, maxWidth: number): string {
  const words = text.split(/\s+/u);
  while (words.length > 1 && measureTextWidth(words.join(' ')) > maxWidth) words.pop();
  return words.join(' ');
}

export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const character = String.fromCodePoint(first);
  return character.toLocaleUpperCase('fr') + text.slice(character.length);
}

/** Lowercases the first letter unless the first word is a name or an acronym (« Big Tech », « IA »). */
export function lowercaseFirst(text: string): string {
  const firstWord = text.split(/\s+/u, 1)[0] ?? '';
  const second = firstWord.slice(1);
  if (second.length > 0 && second !== second.toLocaleLowerCase('fr')) return text;
  if (/^\p{Lu}\p{Ll}+$/u.test(firstWord) && isLikelyName(firstWord, text)) return text;
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const character = String.fromCodePoint(first);
  return character.toLocaleLowerCase('fr') + text.slice(character.length);
}

/** « Big Tech est… »: two capitalised words in a row start with a name. */
function isLikelyName(firstWord: string, text: string): boolean {
  const next = text.slice(firstWord.length).trim().split(/\s+/u, 1)[0] ?? '';
  return /^\p{Lu}/u.test(next);
}
