/**
 * The form words are compared in: Unicode NFC, lowercase (French rules), and every apostrophe written as
 * the ASCII « ' » (« L’IA » -> « l'ia »), so that ’, ʼ and ' spellings of the same word match.
 */
export function normalizeWord(word: string): string {
  let result = isAsciiLowercase(word) ? word : word.normalize('NFC').toLocaleLowerCase('fr');
  if (result.includes('’') || result.includes('ʼ')) result = result.replace(apostrophes, "'");
  return result;
}

/**
 * Removes accents and expands ligatures, keeping the case: « Œuvre éphémère » -> « Oeuvre ephemere ».
 * For slugs and loose comparison, not for display: « pêche » and « péché » become the same word.
 */
export function foldAccents(text: string): string {
  if (isAscii(text)) return text;
  return text
    .replace(ligatures, expandLigature)
    .normalize('NFD')
    .replace(combiningMarks, '')
    .normalize('NFC');
}

const apostrophes = /[’ʼ]/g;
const combiningMarks = /\p{M}/gu;
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

/** ASCII without uppercase letters: already normalized, except for apostrophes (ASCII already). */
function isAsciiLowercase(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80 || (code >= 0x41 && code <= 0x5a)) return false;
  }
  return true;
}
