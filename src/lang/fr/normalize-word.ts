import { isMark } from '../../character-class.js';
/**
 * The form words are compared in: Unicode NFC, lowercase, and every apostrophe written as the ASCII « ' »
 * (« L’IA » -> « l'ia »), so that ’, ʼ and ' spellings of the same word match.
 *
 * Plain `toLowerCase()`: the French locale's rules are Unicode's default ones (only Turkish, Azeri and
 * Lithuanian differ), and `toLocaleLowerCase('fr')` costs about 7 times as much — the test proves both agree
 * on every code point. NFC only when a character could change under it: none below U+0300 does.
 */
export function normalizeWord(word: string): string {
  let plain = true; // ASCII without capitals: nothing to do
  let composable = false;
  let apostrophe = false;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) plain = false;
      continue;
    }
    plain = false;
    if (code === 0x2019 || code === 0x02bc) apostrophe = true;
    else if (code >= 0x300) composable = true;
  }
  if (plain) return word;
  const lower = (composable ? word.normalize('NFC') : word).toLowerCase();
  return apostrophe ? lower.replace(apostrophes, "'") : lower;
}

/**
 * Removes accents and expands ligatures, keeping the case: « Œuvre éphémère » -> « Oeuvre ephemere ».
 * For slugs and loose comparison, not for display: « pêche » and « péché » become the same word.
 */
export function foldAccents(text: string): string {
  if (isAscii(text)) return text;
  return withoutMarks(text.replace(ligatures, expandLigature).normalize('NFD')).normalize('NFC');
}

const apostrophes = /[’ʼ]/g;
const ligatures = /[œŒæÆß]/g;

const ligatureExpansions: Readonly<Record<string, string>> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
};

/** « Œuvre » -> « Oeuvre », but « ŒUVRE » -> « OEUVRE »: a capital ligature follows the case of its word. */
function expandLigature(ligature: string, offset: number, text: string): string {
  const expansion = ligatureExpansions[ligature] ?? ligature;
  if (ligature === 'Œ' || ligature === 'Æ') {
    const next = text[offset + 1];
    if (next !== undefined && next !== next.toUpperCase())
      return expansion.charAt(0) + expansion.charAt(1).toLowerCase();
  }
  return expansion;
}

function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) >= 0x80) return false;
  }
  return true;
}

/** `text.replace(/\p{M}/gu, '')`, without compiling that pattern (1 ms at each start). */
function withoutMarks(text: string): string {
  let result = '';
  let kept = 0;
  for (let index = 0; index < text.length; ) {
    const codePoint = text.codePointAt(index) as number;
    const size = codePoint > 0xffff ? 2 : 1;
    if (isMark(codePoint)) {
      result += text.slice(kept, index);
      kept = index + size;
    }
    index += size;
  }
  return kept === 0 ? text : result + text.slice(kept);
}
