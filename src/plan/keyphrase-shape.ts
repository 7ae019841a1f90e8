import { hasUppercaseInitial, isUppercaseRun } from '../character-class.js';
import { isLinkingWord, type Lexicon } from '../lang/fr/lexicon.js';

/**
 * Whether words (elisions as their own words: « d’ », « l’ ») read as a French noun phrase a reader would
 * type into a search engine: NOUN (ADJ)* (PREP (DET)? NOUN (ADJ)*)?, with one adjective allowed before
 * each noun (« bon sens », « petites entreprises ») and a name after it (« plugin Jekyll »).
 * A word may have several readings (« passe » noun or verb); one fitting reading is enough.
 * A word the lexicon does not know is a name when capitalised, and counts as a noun or adjective when
 * lower case only if the phrase has a word the lexicon knows as a noun: « white hats » is English.
 */
export function isNounPhraseShape(lexicon: Lexicon, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  // « excellent SAV de Truffaut »: nobody searches for an opinion; the phrase is « SAV de Truffaut ».
  if (OPINION_ADJECTIVES.has((words[0] as string).toLowerCase())) return false;
  const memo = readingsMemo(lexicon);
  // A loop, not `map`: see nounPhrases (headline-from-sentence.ts).
  const readings: Readings[] = [];
  for (const word of words) readings.push(readingsIn(memo, lexicon, word));
  if (!readings.some((reading) => reading.knownNoun || reading.name)) return false;
  const afterHead = matchNominal(readings, 0);
  if (afterHead < 0) return false;
  if (afterHead === words.length) return true;
  // Complement: PREP (DET)? nominal.
  let index = afterHead;
  if (!(readings[index] as Readings).preposition) return false;
  index += 1;
  if (index < words.length && (readings[index] as Readings).determiner && !(readings[index] as Readings).noun)
    index += 1;
  return matchNominal(readings, index) === words.length;
}

/**
 * Whether a single word can be a keyphrase: a name (capitalised, or an acronym), or a noun of the lexicon
 * that is not also an adverb, a verb infinitive or an auxiliary (« mieux », « devoir », « être »: as
 * keyphrases they are read as the other word).
 */
export function isKeyphraseNoun(lexicon: Lexicon, word: string): boolean {
  const reading = readingsOf(lexicon, word);
  if (reading.name) return true;
  const parts = lexicon.partsOfSpeech(word);
  return reading.knownNoun && !parts.has('adverb') && !parts.has('infinitive') && !parts.has('auxiliary');
}

/** Adjectives of opinion before a noun: a reader leaves them out of a search. Every form listed. */
const OPINION_ADJECTIVES: ReadonlySet<string> = new Set(
  [
    ['excellent', 'excellente', 'excellents', 'excellentes'],
    ['parfait', 'parfaite', 'parfaits', 'parfaites'],
    ['superbe', 'superbes'],
    ['magnifique', 'magnifiques'],
    ['formidable', 'formidables'],
    ['incroyable', 'incroyables'],
    ['génial', 'géniale', 'géniaux', 'géniales'],
    ['fantastique', 'fantastiques'],
    ['extraordinaire', 'extraordinaires'],
    ['remarquable', 'remarquables'],
    ['exceptionnel', 'exceptionnelle', 'exceptionnels', 'exceptionnelles'],
    ['merveilleux', 'merveilleuse', 'merveilleuses'],
    ['terrible', 'terribles'],
    ['horrible', 'horribles'],
    ['affreux', 'affreuse', 'affreuses'],
    ['véritable', 'véritables'],
    ['fameux', 'fameuse', 'fameuses'],
    ['sacré', 'sacrée', 'sacrés', 'sacrées'],
  ].flat(),
);

interface Readings {
  noun: boolean;
  knownNoun: boolean;
  name: boolean;
  adjective: boolean;
  preposition: boolean;
  determiner: boolean;
  participle: boolean;
  preNoun: boolean;
}

/** Readings by word, per lexicon: the candidates of a text share most of their words. */
const readingsByLexicon = new WeakMap<Lexicon, Map<string, Readings>>();
const MAX_READINGS = 20_000;

function readingsOf(lexicon: Lexicon, word: string): Readings {
  return readingsIn(readingsMemo(lexicon), lexicon, word);
}

/** The lexicon's memo, looked up once per phrase rather than once per word. */
function readingsMemo(lexicon: Lexicon): Map<string, Readings> {
  let memo = readingsByLexicon.get(lexicon);
  if (memo === undefined) {
    memo = new Map();
    readingsByLexicon.set(lexicon, memo);
  }
  return memo;
}

function readingsIn(memo: Map<string, Readings>, lexicon: Lexicon, word: string): Readings {
  let readings = memo.get(word);
  if (readings === undefined) {
    readings = readWord(lexicon, word);
    // Bounded: a batch of articles must not grow it without end.
    if (memo.size >= MAX_READINGS) memo.clear();
    memo.set(word, readings);
  }
  return readings;
}

function readWord(lexicon: Lexicon, word: string): Readings {
  const parts = lexicon.partsOfSpeech(word);
  const capitalised = hasUppercaseInitial(word);
  const unknown = parts.size === 0;
  const linking = isLinkingWord(lexicon, word);
  const knownNoun = parts.has('noun') || parts.has('proper-noun');
  const name = (unknown && capitalised) || parts.has('proper-noun') || isUppercaseRun(word, true);
  return {
    noun: !linking && (knownNoun || name || unknown),
    knownNoun,
    name,
    // « est » (noun, adjective and auxiliary) and « possédant » (participle) do not qualify a noun here.
    adjective:
      !linking &&
      !parts.has('auxiliary') &&
      !parts.has('present-participle') &&
      (parts.has('adjective') || parts.has('past-participle') || unknown),
    preposition: parts.has('preposition'),
    determiner: parts.has('determiner'),
    participle: parts.has('present-participle'),
    preNoun: !linking && parts.has('adjective') && !parts.has('past-participle'),
  };
}

/** (ADJ)? NOUN (ADJ | name)* from `start`: the index after it, or -1. Greedy, with one step of backtracking. */
function matchNominal(readings: readonly Readings[], start: number): number {
  const tryFrom = (headIndex: number): number => {
    const head = readings[headIndex];
    // « possédant » after « travailleurs » is a participle taking an object, not a noun.
    if (!head?.noun || head.participle) return -1;
    let index = headIndex + 1;
    while (index < readings.length) {
      const reading = readings[index] as Readings;
      if (reading.adjective || reading.name) index += 1;
      else break;
    }
    return index;
  };
  const direct = tryFrom(start);
  // Before the noun, a true adjective only (« bon sens »), not a participle (« présenté mardi »).
  const preAdjective = readings[start]?.preNoun ? tryFrom(start + 1) : -1;
  // Prefer the reading that leaves a complement (PREP …) or reaches further.
  return Math.max(direct, preAdjective);
}
