import { codePointBefore, isLetter, isMark } from '../../character-class.js';
/**
 * Spoken syllables of one written French word, as readability formulas (Flesch, Kandel & Moles) need them.
 *
 * An approximation of standard spoken French: vowel groups are nuclei; a final mute « e », « es » and the
 * « ent » of third-person plural verbs do not count (« parlent » 1), except in monosyllables (« le »,
 * « les »); the « e » before « -ment » is silent after a single consonant (« rapidement » 3, « simplement »
 * 3); i, u, ou before a vowel are glides (« nation » 2, « nuit » 1) unless a consonant + l/r cluster comes
 * first (« client » 2, « ouvrier » 3); « u » after q, and after g before e/i, is silent (« quand » 1,
 * « guerre » 1); y between vowels is a consonant (« payer » 2); a diaeresis starts a syllable
 * (« naïf » 2). Hyphenated words and words with an apostrophe count part by part (« aujourd’hui » 3);
 * an elision alone counts its vowels (« l’ » 0, « jusqu’ » 1). Uppercase acronyms that cannot be read as a
 * word are spelled out, one syllable a letter (« PDG » 3, « IA » 2); others are read (« OTAN » 2).
 * A string without letters (a number) returns 0: numbers are the caller's business.
 */
export function countSyllables(word: string): number {
  const text = hasCombiningMark(word) ? word.normalize('NFC') : word;
  const length = text.length;
  let total = 0;
  let hasLetters = false;
  let index = 0;
  while (index < length) {
    if (!isLetterAt(text, index)) {
      index++;
      continue;
    }
    const start = index;
    while (index < length && isLetterAt(text, index)) index++;
    hasLetters = true;
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const after = index < length ? text.charCodeAt(index) : 0;
    total += countPart(text, start, index, isHyphen(before), isHyphen(after), isApostrophe(after));
  }
  if (total === 0 && hasLetters && !isApostrophe(text.charCodeAt(length - 1))) return 1;
  return total;
}

/**
 * Loanwords and irregular words whose spelling misleads the rules, with their spoken syllable count.
 * Plurals in -s are found through their singular.
 */
export const syllableExceptions: Readonly<Record<string, number>> = {
  // English loanwords: the final « e » is pronounced, or « oa », « ea » are read the English way.
  apple: 2,
  business: 2,
  coach: 1,
  coaching: 2,
  facebook: 2,
  google: 2,
  people: 2,
  // « ay » read as « é-i »: pa-ys, a-bba-ye.
  pays: 2,
  paysage: 3,
  paysagiste: 4,
  paysan: 3,
  paysanne: 3,
  abbaye: 3,
  // Silent vowels: « aou » and « aon » read as one vowel, « oê » as « wa ».
  août: 1,
  paon: 1,
  faon: 1,
  taon: 1,
  poêle: 1,
};

/**
 * Words in -ent that are not verbs: their « ent » is pronounced (« client », « talent », « souvent »).
 * Words in -ment are handled by their own rules, « -vient », « -tient » and « -scent » by pattern.
 */
export const pronouncedEntWords: readonly string[] = [
  // Nouns.
  'accent',
  'accident',
  'agent',
  'argent',
  'arpent',
  'auvent',
  'avent',
  'client',
  'coefficient',
  'concurrent',
  'confluent',
  'continent',
  'couvent',
  'dent',
  'détergent',
  'dissident',
  'évent',
  'event',
  'excédent',
  'expédient',
  'gradient',
  'incident',
  'ingrédient',
  'inconvénient',
  'occident',
  'onguent',
  'orient',
  'paravent',
  'parent',
  'président',
  'quotient',
  'récipient',
  'référent',
  'régent',
  'résident',
  'sergent',
  'serpent',
  'talent',
  'torrent',
  'trident',
  'vent',
  // Adjectives.
  'absent',
  'adhérent',
  'adjacent',
  'afférent',
  'affluent',
  'ambivalent',
  'antécédent',
  'apparent',
  'ardent',
  'astringent',
  'cohérent',
  'compétent',
  'congruent',
  'conscient',
  'conséquent',
  'content',
  'contingent',
  'convergent',
  'corpulent',
  'décent',
  'déficient',
  'différent',
  'diligent',
  'divergent',
  'efficient',
  'éloquent',
  'émergent',
  'éminent',
  'équivalent',
  'évident',
  'excellent',
  'fluent',
  'fraudulent',
  'fréquent',
  'immanent',
  'imminent',
  'impatient',
  'impertinent',
  'imprudent',
  'impudent',
  'incohérent',
  'incompétent',
  'inconscient',
  'inconséquent',
  'indécent',
  'indifférent',
  'indigent',
  'indolent',
  'indulgent',
  'inefficient',
  'influent',
  'inhérent',
  'innocent',
  'insolent',
  'intelligent',
  'intermittent',
  'latent',
  'lent',
  'malcontent',
  'mécontent',
  'négligent',
  'omnipotent',
  'omniscient',
  'opulent',
  'patent',
  'patient',
  'pénitent',
  'permanent',
  'pertinent',
  'polyvalent',
  'précédent',
  'présent',
  'prévalent',
  'prudent',
  'purulent',
  'récent',
  'récurrent',
  'réticent',
  'somnolent',
  'strident',
  'subséquent',
  'succulent',
  'tangent',
  'transparent',
  'truculent',
  'turbulent',
  'urgent',
  'violent',
  'virulent',
  // Adverbs, numbers and prepositions.
  'cent',
  'souvent',
  // Third person singular of -entir verbs: « il consent », « il ressent ».
  'consent',
  'pressent',
  'repent',
  'ressent',
  // First names.
  'florent',
  'laurent',
  'vincent',
];

/**
 * Third-person plural verbs in -ment whose « ent » is silent although a vowel precedes « ment »
 * (« ils aiment » 1, « ils expriment » 2). Verbs in -rment and -lment (« affirment », « calment ») are
 * silent by rule; endings listed in `silentMentEndings` cover their compounds.
 */
export const silentMentVerbs: readonly string[] = [
  'aiment',
  'animent',
  'arriment',
  'dament',
  'déciment',
  'diffament',
  'entament',
  'enveniment',
  'estiment',
  'friment',
  'intiment',
  'légitiment',
  'liment',
  'raniment',
  'riment',
  'subliment',
];

/** Endings of third-person plural verbs in -ment (« réclament », « consomment », « résument »). */
export const silentMentEndings: readonly string[] = [
  'priment',
  'stiment',
  'clament',
  'llument',
  'sument',
  'fument',
  'hument',
  'nomment',
  'somment',
  'èment',
  'ôment',
  'âment',
  'îment',
];

/** Nouns in -rment whose « ent » is pronounced (every other -rment word is a verb: « affirment »). */
const pronouncedRmentWords: ReadonlySet<string> = new Set(['serment', 'tourment']);

/**
 * Short words that are read, not spelled, when written in capitals (headings in capitals, « ONU »).
 * Every other all-capital word of up to three letters is spelled out (« IA », « PDG », « API »).
 */
export const readCapitalWords: readonly string[] = [
  // Function words, for headings written in capitals.
  'à',
  'au',
  'aux',
  'ce',
  'ces',
  'de',
  'des',
  'du',
  'en',
  'es',
  'est',
  'et',
  'il',
  'ils',
  'je',
  'la',
  'le',
  'les',
  'lui',
  'ma',
  'me',
  'mes',
  'mon',
  'ne',
  'ni',
  'on',
  'ont',
  'ou',
  'où',
  'par',
  'pas',
  'peu',
  'qui',
  'que',
  'sa',
  'se',
  'ses',
  'si',
  'son',
  'sur',
  'ta',
  'te',
  'tu',
  'un',
  'une',
  'va',
  // Acronyms read as words.
  'bac',
  'cac',
  'ena',
  'onu',
];

const exceptionMap: ReadonlyMap<string, number> = new Map(Object.entries(syllableExceptions));
const pronouncedEntSet: ReadonlySet<string> = new Set(pronouncedEntWords);
const silentMentVerbSet: ReadonlySet<string> = new Set(silentMentVerbs);
const readCapitalSet: ReadonlySet<string> = new Set(readCapitalWords);

/** Consonant pairs that can start a word (« bl », « st »); an acronym starting otherwise is spelled. */
const validOnsets: ReadonlySet<string> = new Set(
  'bl br ch cl cr dr fl fr gl gn gr kl kr ph pl pr ps sc sk sl sm sn sp st sw th tr vr wh'.split(' '),
);
/** Consonant pairs that can end a word (« st », « rd »); an acronym ending otherwise is spelled. */
const validCodas: ReadonlySet<string> = new Set(
  'ch ck ct ft ks lf lk ll lm lp ls lt mp nc nd ng nk ns nt ph pt rb rc rd rf rg rk rl rm rn rp rs rt sh sk sp ss st th'.split(
    ' ',
  ),
);

/** Counts one run of letters; `afterHyphen`, `beforeHyphen`, `beforeApostrophe` describe its neighbours. */
function countPart(
  text: string,
  start: number,
  end: number,
  afterHyphen: boolean,
  beforeHyphen: boolean,
  beforeApostrophe: boolean,
): number {
  // Camel case: « ChatGPT » = « Chat » + « GPT », « iPhone » = « i » + « Phone ».
  let pieceStart = start;
  let total = 0;
  for (let index = start + 1; index < end; index++) {
    const upper = isUppercaseAt(text, index);
    if (!upper) continue;
    const previousLower = isLowercaseAt(text, index - 1);
    const nextLower = index + 1 < end && isLowercaseAt(text, index + 1);
    if (previousLower || (nextLower && isUppercaseAt(text, index - 1) && index - 1 > pieceStart)) {
      total += countPiece(text.slice(pieceStart, index), false, false, false, true);
      pieceStart = index;
    }
  }
  if (pieceStart === start) {
    return countPiece(text.slice(start, end), afterHyphen, beforeHyphen, beforeApostrophe, false);
  }
  return total + countPiece(text.slice(pieceStart, end), false, beforeHyphen, beforeApostrophe, true);
}

function countPiece(
  piece: string,
  afterHyphen: boolean,
  beforeHyphen: boolean,
  beforeApostrophe: boolean,
  isCamelPiece: boolean,
): number {
  const lower = piece.toLowerCase();
  if (piece.length === 1) {
    if (isVowelLetter(lower.charCodeAt(0))) return 1;
    // « l’ », the « t » of « a-t-il »: silent. A letter alone (« J. », « x fois ») is spelled.
    if (beforeApostrophe || (afterHyphen && beforeHyphen)) return 0;
    return 1;
  }
  if (lower !== piece && isAllUppercase(piece) && !beforeApostrophe) return countCapitals(lower);
  if (beforeApostrophe) return countNuclei(lower, true);
  // Enclitic « ce » and « je » lose their vowel: « est-ce » 1, « puis-je » 1.
  if (afterHyphen && (lower === 'ce' || lower === 'je')) return 0;
  const exception =
    exceptionMap.get(lower) ?? (lower.endsWith('s') ? exceptionMap.get(lower.slice(0, -1)) : undefined);
  if (exception !== undefined) return exception;
  const count = countNuclei(lower, false);
  // A camel-case piece without vowel (« Mc ») is still pronounced.
  return count === 0 && isCamelPiece ? 1 : count;
}

/** An all-capital word: read it when it can be read, spell it otherwise. */
function countCapitals(lower: string): number {
  if (readCapitalSet.has(lower) || hasAccentedLetter(lower)) return countNuclei(lower, false);
  if (lower.length > 3 && isReadable(lower)) return countNuclei(lower, false);
  let count = 0;
  for (let index = 0; index < lower.length; index++) {
    const code = lower.charCodeAt(index);
    // Letter names: « double-vé » has three syllables, « i grec » two, the others one.
    count += code === 0x77 ? 3 : code === 0x79 ? 2 : 1;
  }
  return count;
}

function isReadable(lower: string): boolean {
  let hasVowel = false;
  for (let index = 0; index < lower.length; index++) {
    if (isVowelLetter(lower.charCodeAt(index))) hasVowel = true;
  }
  if (!hasVowel) return false;
  if (!isVowelLetter(lower.charCodeAt(0)) && !isVowelLetter(lower.charCodeAt(1))) {
    if (!validOnsets.has(lower.slice(0, 2))) return false;
  }
  const last = lower.length - 1;
  if (!isVowelLetter(lower.charCodeAt(last)) && !isVowelLetter(lower.charCodeAt(last - 1))) {
    if (!validCodas.has(lower.slice(last - 1))) return false;
  }
  return true;
}

// Scratch buffer for vowel flags, reused across calls to avoid an allocation per word.
let vowelFlags = new Uint8Array(64);

/**
 * Counts the syllable nuclei of a lowercase word made of letters only.
 * `elided`: the word is cut by an apostrophe (« jusqu » in « jusqu’à »), so its end is not a word end.
 */
function countNuclei(word: string, elided: boolean): number {
  const letters = removeSilentLetters(word);
  let end = letters.length;
  if (!elided) end = pronouncedEnd(word, letters);
  if (vowelFlags.length < end) vowelFlags = new Uint8Array(end * 2);
  markVowels(letters, end);
  if (!elided) silenceSchwaBeforeMent(letters, end);

  let count = 0;
  let index = 0;
  while (index < end) {
    if (vowelFlags[index] !== 1) {
      index++;
      continue;
    }
    const runStart = index;
    while (index < end && vowelFlags[index] === 1) index++;
    count += countVowelRun(letters, runStart, index);
  }
  return count;
}

/**
 * Drops letters that are never pronounced as vowels: « u » after « q » (« quand »), « u » after « g »
 * before e/i/y (« guerre », « guide »), « e » after « g » before a/o/u (« mangeons », « pigeon »).
 */
function removeSilentLetters(word: string): string {
  let result = '';
  let copiedUpTo = 0;
  for (let index = 1; index < word.length; index++) {
    const code = word.charCodeAt(index);
    const previous = word.charCodeAt(index - 1);
    const next = word.charCodeAt(index + 1);
    let silent = false;
    if (code === 0x75 /* u */) {
      silent = previous === 0x71 /* q */ || (previous === 0x67 /* g */ && isFrontVowel(next));
    } else if (code === 0x65 /* e */ && previous === 0x67 /* g */) {
      silent = isBackVowel(next);
    }
    if (silent) {
      result += word.slice(copiedUpTo, index);
      copiedUpTo = index + 1;
    }
  }
  if (copiedUpTo === 0) return word;
  return result + word.slice(copiedUpTo);
}

/** Where pronunciation stops: before a mute final « e », « es », a verbal « ent » or a mute « ë ». */
function pronouncedEnd(word: string, letters: string): number {
  const length = letters.length;
  if (length < 2) return length;
  if (word.endsWith('ent')) {
    if (isSilentEnt(word) && hasVowelBefore(letters, length - 3)) return length - 3;
    return length;
  }
  const last = letters.charCodeAt(length - 1);
  const beforeLast = letters.charCodeAt(length - 2);
  if (last === 0x73 /* s */ && beforeLast === 0x65 /* e */) {
    return hasVowelBefore(letters, length - 2) ? length - 2 : length;
  }
  if (last === 0x65 /* e */) return hasVowelBefore(letters, length - 1) ? length - 1 : length;
  // « aiguë », « ambiguës »: the diaeresis only says that the « u » is heard.
  if (last === 0xeb /* ë */ && beforeLast === 0x75 /* u */) return length - 1;
  if (last === 0x73 && beforeLast === 0xeb && length > 2 && letters.charCodeAt(length - 3) === 0x75) {
    return length - 2;
  }
  return length;
}

/** Whether the final « ent » of `word` is a silent verb ending (« parlent ») rather than pronounced. */
function isSilentEnt(word: string): boolean {
  if (pronouncedEntSet.has(word)) return false;
  // « il vient », « il tient », « patient »; « adolescent », « fluorescent ».
  if (word.endsWith('vient') || word.endsWith('tient') || word.endsWith('scent')) return false;
  if (!word.endsWith('ment')) return true;
  // -ment: adverbs and nouns pronounce it (« vraiment », « moment »), verbs do not (« aiment »).
  if (silentMentVerbSet.has(word)) return true;
  for (const ending of silentMentEndings) {
    if (word.endsWith(ending)) return true;
  }
  const beforeMent = word.charCodeAt(word.length - 5);
  if (beforeMent === 0x72 /* r */ || beforeMent === 0x6c /* l */) return !pronouncedRmentWords.has(word);
  return false;
}

/** Marks which letters of `letters[0, end)` are vowels, with the « y » and « ill » rules. */
function markVowels(letters: string, end: number): void {
  for (let index = 0; index < end; index++) {
    vowelFlags[index] = isVowelLetter(letters.charCodeAt(index)) ? 1 : 0;
  }
  for (let index = 0; index < end; index++) {
    const code = letters.charCodeAt(index);
    if (code === 0x79 /* y */) {
      const nextIsVowel = index + 1 < end && isVowelLetter(letters.charCodeAt(index + 1));
      const previousIsVowel = index > 0 && vowelFlags[index - 1] === 1;
      // « yeux », « payer », « crayon »: y before a vowel, at the start or after a vowel, is a consonant.
      if (nextIsVowel && (index === 0 || previousIsVowel)) vowelFlags[index] = 0;
    } else if (code === 0x69 /* i */ && index > 0 && vowelFlags[index - 1] === 1) {
      // « feuille », « fauteuil », « œil »: after a vowel, « ill » and a final « il » are consonants.
      const next = letters.charCodeAt(index + 1);
      if (next === 0x6c /* l */ && (index + 2 >= end || letters.charCodeAt(index + 2) === 0x6c)) {
        vowelFlags[index] = 0;
      }
    }
  }
}

/**
 * « rapidement » 3, « seulement » 2, « changement » 2: the « e » before a final « ment(s) » is silent after
 * a single consonant sound, and heard after two (« simplement » 3, « exactement » 4).
 */
function silenceSchwaBeforeMent(letters: string, end: number): void {
  let mentStart = end - 4;
  if (letters.endsWith('ments') && end === letters.length) mentStart = end - 5;
  if (mentStart < 3 || letters.slice(mentStart, mentStart + 4) !== 'ment') return;
  const schwa = mentStart - 1;
  if (letters.charCodeAt(schwa) !== 0x65 /* e */ || vowelFlags[schwa] !== 1) return;
  if (vowelFlags[schwa - 1] === 1) return;
  // Walk back over one consonant sound: a digraph (« franchement », « enseignement ») or a doubled
  // consonant (« tellement ») counts as one.
  let consonantStart = schwa - 1;
  const consonant = letters.charCodeAt(consonantStart);
  const previous = letters.charCodeAt(consonantStart - 1);
  if (
    (consonant === 0x68 /* h */ &&
      (previous === 0x63 || previous === 0x70 || previous === 0x74)) /* ch ph th */ ||
    (consonant === 0x6e /* n */ && previous === 0x67) /* gn */ ||
    consonant === previous
  ) {
    consonantStart--;
  }
  const before = consonantStart - 1;
  // A vowel before it (« rapidement »), or a nasal vowel (« lentement », « changement »).
  const beforeCode = letters.charCodeAt(before);
  const single =
    vowelFlags[before] === 1 ||
    ((beforeCode === 0x6e || beforeCode === 0x6d) && before > 0 && vowelFlags[before - 1] === 1);
  if (single) vowelFlags[schwa] = 0;
}

/** Units that are one vowel sound when written together. Longest first within each starting letter. */
const vowelDigraphs: readonly string[] = [
  'eau',
  'oeu',
  'œu',
  'ai',
  'aî',
  'ay',
  'ae',
  'au',
  'ei',
  'eî',
  'ey',
  'eu',
  'eû',
  'ea',
  'ee',
  'oi',
  'oî',
  'oy',
  'ou',
  'oû',
  'où',
  'oo',
];

/** Counts the nuclei of one run of vowels `letters[start, end)`. */
function countVowelRun(letters: string, start: number, end: number): number {
  if (end - start === 1) return 1;
  let count = 0;
  let previousStart = -1;
  let previousLength = 0;
  let index = start;
  while (index < end) {
    const unitLength = matchUnit(letters, index, end);
    if (
      previousStart === -1 ||
      !mergesWithNext(letters, previousStart, previousLength, index, unitLength, start)
    ) {
      count++;
    }
    previousStart = index;
    previousLength = unitLength;
    index += unitLength;
  }
  return count;
}

function matchUnit(letters: string, index: number, end: number): number {
  const code = letters.charCodeAt(index);
  if (isDiaeresis(code)) return 1;
  // « coopération », « coordination »: the prefix « co- » keeps its own syllable.
  if (code === 0x6f && index === 1 && letters.charCodeAt(0) === 0x63 && letters.charCodeAt(2) === 0x6f) {
    const after = letters.charCodeAt(3);
    if (after === 0x70 || after === 0x72) return 1;
  }
  // « oe » is « œ » before « u » and in « oeil »; elsewhere it is two vowels (« poète », « coefficient »).
  if (code === 0x6f && letters.charCodeAt(index + 1) === 0x65) {
    if (letters.charCodeAt(index + 2) === 0x75 && index + 3 <= end) return 3;
    if (letters.charCodeAt(index + 2) === 0x69 && letters.charCodeAt(index + 3) === 0x6c) return 2;
    return 1;
  }
  for (const digraph of vowelDigraphs) {
    if (digraph.length <= end - index && letters.startsWith(digraph, index)) return digraph.length;
  }
  return 1;
}

/**
 * Whether the unit at `previousStart` is a glide that joins the next one (« nation », « nuit », « oui »),
 * rather than a syllable of its own.
 */
function mergesWithNext(
  letters: string,
  previousStart: number,
  previousLength: number,
  nextStart: number,
  nextLength: number,
  runStart: number,
): boolean {
  const next = letters.charCodeAt(nextStart);
  if (isDiaeresis(next)) return false;
  const previous = letters.charCodeAt(previousStart);
  // « client », « ouvrier », « cruel », « trouer »: after a consonant + l/r cluster, a glide is a vowel.
  let afterCluster = false;
  if (previousStart === runStart && previousStart >= 2) {
    const liquid = letters.charCodeAt(previousStart - 1);
    afterCluster = (liquid === 0x6c || liquid === 0x72) && isObstruent(letters.charCodeAt(previousStart - 2));
  }
  // « paiement », « gaieté », « dévouement »: a plain « e » after a vowel ending in i or u is silent.
  if (next === 0x65 && nextLength === 1 && previousLength >= 2 && !afterCluster) {
    const previousEnd = letters.charCodeAt(previousStart + previousLength - 1);
    if (previousEnd === 0x69 || previousEnd === 0x79 || isU(previousEnd)) return true;
  }
  const isOu = previousLength === 2 && previous === 0x6f && isU(letters.charCodeAt(previousStart + 1));
  const isI = previousLength === 1 && (previous === 0x69 || previous === 0xef || previous === 0x79);
  const isUVowel = previousLength === 1 && previous === 0x75;
  if (!isOu && !isI && !isUVowel) return false;
  // « nuit », « bruit », « construire »: « ui » is always one syllable.
  if (isUVowel && next === 0x69 && nextLength === 1) return true;
  if (isI && (next === 0x69 || next === 0x79) && nextLength === 1) return false;
  if (isUVowel && next === 0x75 && nextLength === 1) return false;
  if (afterCluster) return false;
  // « science », « expérience », « conscient »: « i-en » before c, or before a final t, is two syllables,
  // except after t or v (« patience », « il vient »); « orientation » keeps its glide.
  if (isI && next === 0x65 && nextLength === 1 && previousStart > 0) {
    const afterE = letters.charCodeAt(nextStart + 1);
    const afterN = letters.charCodeAt(nextStart + 2);
    const before = letters.charCodeAt(previousStart - 1);
    const finalT = afterN === 0x74 && (nextStart + 3 === letters.length || letters.endsWith('ients'));
    if (afterE === 0x6e && (afterN === 0x63 || finalT) && before !== 0x74 && before !== 0x76) return false;
  }
  return true;
}

function hasVowelBefore(letters: string, end: number): boolean {
  for (let index = 0; index < end; index++) {
    if (isVowelLetter(letters.charCodeAt(index))) return true;
  }
  return false;
}

function isVowelLetter(code: number): boolean {
  switch (code) {
    case 0x61: // a
    case 0x65: // e
    case 0x69: // i
    case 0x6f: // o
    case 0x75: // u
    case 0x79: // y
    case 0xe0: // à
    case 0xe1: // á
    case 0xe2: // â
    case 0xe4: // ä
    case 0xe6: // æ
    case 0xe8: // è
    case 0xe9: // é
    case 0xea: // ê
    case 0xeb: // ë
    case 0xec: // ì
    case 0xed: // í
    case 0xee: // î
    case 0xef: // ï
    case 0xf2: // ò
    case 0xf3: // ó
    case 0xf4: // ô
    case 0xf6: // ö
    case 0xf9: // ù
    case 0xfa: // ú
    case 0xfb: // û
    case 0xfc: // ü
    case 0xff: // ÿ
    case 0x153: // œ
      return true;
    default:
      return false;
  }
}

function isDiaeresis(code: number): boolean {
  // ë ï ü ÿ
  return code === 0xeb || code === 0xef || code === 0xfc || code === 0xff;
}

function isU(code: number): boolean {
  // u û ù
  return code === 0x75 || code === 0xfb || code === 0xf9;
}

/** e, é, è, ê, i, î, y: the vowels before which « gu » is a hard g. */
function isFrontVowel(code: number): boolean {
  return (
    code === 0x65 ||
    code === 0xe9 ||
    code === 0xe8 ||
    code === 0xea ||
    code === 0x69 ||
    code === 0xee ||
    code === 0x79
  );
}

/** a, o, u, â, ô, û: the vowels before which « ge » is a soft g. */
function isBackVowel(code: number): boolean {
  return code === 0x61 || code === 0x6f || code === 0x75 || code === 0xe2 || code === 0xf4 || code === 0xfb;
}

/** b, c, d, f, g, k, p, t, v: consonants that form a cluster with a following l or r. */
function isObstruent(code: number): boolean {
  return (
    code === 0x62 ||
    code === 0x63 ||
    code === 0x64 ||
    code === 0x66 ||
    code === 0x67 ||
    code === 0x6b ||
    code === 0x70 ||
    code === 0x74 ||
    code === 0x76
  );
}

/** `/[\p{L}\p{M}]/uy` at `index`: a letter or a combining mark. */
function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  // The second half of a pair is read as the pair (as the sticky pattern did); a low surrogate alone, as nothing.
  const codePoint =
    code >= 0xdc00 && code <= 0xdfff
      ? (codePointBefore(text, index + 1) as number)
      : (text.codePointAt(index) as number);
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  return isLetter(codePoint) || isMark(codePoint);
}

function isUppercaseAt(text: string, index: number): boolean {
  const character = text[index] as string;
  return character.toLowerCase() !== character;
}

function isLowercaseAt(text: string, index: number): boolean {
  const character = text[index] as string;
  return character.toUpperCase() !== character;
}

function isAllUppercase(piece: string): boolean {
  return piece.toUpperCase() === piece;
}

function hasAccentedLetter(lower: string): boolean {
  for (let index = 0; index < lower.length; index++) {
    if (lower.charCodeAt(index) >= 0x80) return true;
  }
  return false;
}

function hasCombiningMark(word: string): boolean {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    if (code >= 0x300 && code <= 0x36f) return true;
  }
  return false;
}

function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

function isApostrophe(code: number): boolean {
  return code === 0x2019 || code === 0x27 || code === 0x2bc;
}
