// Shared by the benches: unique text variants of an article, so that memos keyed by sentence (stems,
// syllables, word readings, typeset messages) never hit across runs and do not flatter the figures.

const subjects = [
  'les recruteurs',
  'les entreprises',
  'les candidats',
  'les laboratoires',
  'les investisseurs',
];

/** One space between two letters in `sentence`, chosen by `seed`, made a no-break space. */
function markSentence(sentence, seed) {
  const gaps = [];
  for (const match of sentence.matchAll(/(?<=\p{L}) (?=\p{L})/gu)) gaps.push(match.index);
  if (gaps.length === 0) return sentence;
  const at = gaps[seed % gaps.length];
  return `${sentence.slice(0, at)}\u00a0${sentence.slice(at + 1)}`;
}

/**
 * The `run`-th variant of `text`: every sentence differs from other runs' (numbers shifted, one space of
 * each sentence made a no-break space at a position that depends on the run, a closing sentence with a
 * rotating subject in each paragraph).
 */
export function variantOf(text, run) {
  return text
    .replace(/\d+/gu, (digits) => String(Number(digits) + run + 1))
    .split(/\n/u)
    .map((line, index) =>
      line.length > 80
        ? `${line} Pour ${subjects[(run + index) % subjects.length]}, la variante ${run * 97 + index} compte.`
        : line,
    )
    .map((line, lineIndex) =>
      line
        .split(/(?<=[.!?…])(?= )/u)
        .map((sentence, index) => markSentence(sentence, run * 7 + lineIndex * 3 + index))
        .join(''),
    )
    .join('\n');
}

/** A text of about `words` words made of distinct variants of `text` (its own run numbers from `first`). */
export function textOfWords(text, words, first) {
  const perCopy = text.split(/\s+/u).filter(Boolean).length;
  const copies = Math.max(1, Math.round(words / perCopy));
  return Array.from({ length: copies }, (_, index) => variantOf(text, first + index)).join('\n\n');
}

const CONSONANTS = 'BCDFGHJKLMNPQRSTVWXZ';

/**
 * `text` with every whole word `word` (an acronym such as « IA ») made `word` plus three capitals that
 * depend on `run` (« IABCD »), so that the article's keyphrase (« talents en IABCD ») is new too. V8
 * caches a compiled regular expression by its source: a pattern built from the keyphrase is compiled
 * once per keyphrase, which variants sharing one keyphrase never show, and a batch of real articles,
 * each with its own, always pays.
 */
export function withOwnKeyphrase(text, word, run) {
  const tag = [0, 1, 2].map((place) => CONSONANTS[Math.floor(run / 20 ** place) % 20]).join('');
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'gu'), `${word}${tag}`);
}
