import type { Analysis, AnalyzedWord } from '../analyze/analysis.js';
import type { KeyphraseCandidate } from './extract-keyphrases.js';

/**
 * Function words of the languages Plume detects besides French, our own short lists: a keyphrase neither
 * starts nor ends with one (« the fetch API » → « fetch API », never « no » or « und »). Inner ones stay
 * (« control de calidad »). Each list holds articles, pronouns, prepositions, conjunctions, auxiliaries and
 * the commonest adverbs; nothing else, so that nouns and verbs of the topic stay candidates.
 */
const STOPWORDS: Readonly<Record<string, ReadonlySet<string>>> = {
  en: new Set(
    (
      'a an the and or but nor so yet if then than that this these those there here what which who whom whose ' +
      'when where why how all any both each few more most other some such no not only own same too very can ' +
      'will just should now is are was were be been being have has had having do does did doing would could ' +
      'may might must shall i me my we our you your he him his she her it its they them their of at by for ' +
      'with about against between into through during before after above below to from up down in out on off ' +
      'over under again further once also as get got let lets like one ones use used using make new way well ' +
      'really even still much many us im ive youre dont doesnt isnt its s t'
    ).split(' '),
  ),
  es: new Set(
    (
      'el la los las un una unos unas lo al del de a en con por para sin sobre entre hasta desde hacia y e o u ' +
      'ni que qué quien quién cual cuál como cómo cuando cuándo donde dónde si sí no ya muy más menos mas tan ' +
      'también pero sino aunque porque pues es son era eran fue ser estar está están estoy he ha han hay había ' +
      'yo tú tu te ti mi mis me nos nuestro nuestra se su sus le les él ella ellos ellas esto este esta estos ' +
      'estas ese esa esos esas eso aquel todo toda todos todas otro otra otros otras cada mismo misma algo nada ' +
      'puede pueden hacer tiene tienen bien'
    ).split(' '),
  ),
  de: new Set(
    (
      'der die das den dem des ein eine einen einem einer eines und oder aber denn sondern doch dass daß wenn ' +
      'als wie wo was wer ob weil nicht kein keine keinen auch noch schon nur sehr mehr so zu zum zur in im an ' +
      'am auf aus bei mit nach von vom vor für über unter durch gegen ohne um bis ist sind war waren sein bin ' +
      'bist hat haben hatte hatten wird werden wurde kann können muss soll will ich du er sie es wir ihr mich ' +
      'dich sich uns euch mein dein ihr ihre sein seine unser dies diese dieser dieses man hier da dann jetzt ' +
      'alle alles immer'
    ).split(' '),
  ),
  it: new Set(
    (
      'il lo la i gli le un uno una di a da in con su per tra fra e o ma che chi cui non più anche come dove ' +
      'quando se è sono era ho ha hanno del della dei delle al alla ai alle nel nella questo questa quello ' +
      'quella mi ti si ci vi mio suo loro molto'
    ).split(' '),
  ),
  pt: new Set(
    (
      'o a os as um uma uns umas de do da dos das em no na nos nas por para com sem sobre e ou mas que se não ' +
      'mais muito também como quando onde é são foi ser estar está tem têm eu tu ele ela eles elas nós seu sua ' +
      'este esta isso isto esse essa'
    ).split(' '),
  ),
  nl: new Set(
    (
      'de het een en of maar dat die dit deze van in op aan met voor door naar bij uit over als om te tot is ' +
      'zijn was waren heeft hebben wordt worden kan niet geen ook nog al er ik je jij hij zij wij we ze u mijn ' +
      'zijn haar ons hun wat wie waar hoe'
    ).split(' '),
  ),
};

/** Longest keyphrase proposed, in words. */
const MAX_WORDS = 3;
/** Multiplier for a phrase whose words are all in the title (H1); a share of them gets a share of it. */
const TITLE_FACTOR = 3;

/**
 * Keyphrase candidates of a text reliably in another language than French, in that language: runs of 1
 * to 3 words inside a sentence or heading, not crossing punctuation, neither starting nor ending with one
 * of the language's function words, ranked by frequency × length × title bonus. The French extractor
 * would take Spanish « no » or German « und » for topics. `undefined` when the text is French, not
 * reliably detected, or in a language without a list here. Pure.
 */
export function foreignKeyphrases(analysis: Analysis, limit = 12): KeyphraseCandidate[] | undefined {
  const { language, reliable } = analysis.language;
  const stopwords = STOPWORDS[language];
  if (!reliable || language === 'fr' || stopwords === undefined) return undefined;
  const titleWords = new Set(
    analysis.blocks
      .filter((block) => block.kind === 'heading' && block.depth === 1)
      .flatMap((block) => wordsIn(analysis, block.start, block.end).map((word) => word.normalized)),
  );
  const counts = new Map<
    string,
    { forms: Map<string, number>; stems: string[]; words: number; count: number }
  >();
  for (const block of analysis.blocks) {
    const words = wordsIn(analysis, block.start, block.end);
    for (let start = 0; start < words.length; start += 1) {
      for (let length = 1; length <= MAX_WORDS && start + length <= words.length; length += 1) {
        const run = words.slice(start, start + length);
        if (!joinedBySpaces(analysis, run)) break;
        const first = run[0] as AnalyzedWord;
        const last = run[run.length - 1] as AnalyzedWord;
        if (!isContentWord(first, stopwords) || !isContentWord(last, stopwords)) continue;
        const key = run.map((word) => word.normalized).join(' ');
        const form = analysis.text.slice(first.start, last.end);
        // Stems as the French analysis reads them, so the plan matches the phrase against the text.
        const stems = run.filter((word) => !word.isFunctionWord).map((word) => word.stem);
        const entry = counts.get(key) ?? { forms: new Map(), stems, words: length, count: 0 };
        entry.count += 1;
        entry.forms.set(form, (entry.forms.get(form) ?? 0) + 1);
        counts.set(key, entry);
      }
    }
  }
  const ranked = [...counts].map(([key, entry]) => {
    const words = key.split(' ');
    const titleShare = words.filter((word) => titleWords.has(word)).length / words.length;
    const score = entry.count * (1 + (TITLE_FACTOR - 1) * titleShare);
    return { entry, score, tier: tierOf(entry.words, entry.count, titleShare) };
  });
  // A phrase seen once is a topic only when nothing is repeated.
  const repeated = ranked.filter((candidate) => candidate.entry.count > 1);
  return (repeated.length > 0 ? repeated : ranked)
    .sort((a, b) => a.tier - b.tier || b.score - a.score || b.entry.words - a.entry.words)
    .slice(0, limit)
    .map(({ entry, score }) => ({
      phrase: commonestForm(entry.forms),
      stems: entry.stems,
      words: entry.words,
      occurrences: entry.count,
      score,
    }));
}

/**
 * Phrases of 2–3 words name a topic better than one word (« Fetch API », not « Request »): first those the
 * text repeats 3 times or the title holds, then those it repeats twice, then single words.
 */
function tierOf(words: number, count: number, titleShare: number): number {
  if (words >= 2 && (count >= 3 || (count >= 2 && titleShare === 1))) return 0;
  if (words >= 2 && count >= 2) return 1;
  return 2;
}

function wordsIn(analysis: Analysis, start: number, end: number): AnalyzedWord[] {
  return analysis.words.filter((word) => word.start >= start && word.end <= end && word.kind !== 'elision');
}

/** Consecutive words with only spaces between them: a phrase does not cross a comma or a parenthesis. */
function joinedBySpaces(analysis: Analysis, run: readonly AnalyzedWord[]): boolean {
  for (let index = 1; index < run.length; index += 1) {
    const between = analysis.text.slice(
      (run[index - 1] as AnalyzedWord).end,
      (run[index] as AnalyzedWord).start,
    );
    if (!/^[ \u00a0]+$/u.test(between)) return false;
  }
  return true;
}

function isContentWord(word: AnalyzedWord, stopwords: ReadonlySet<string>): boolean {
  return (
    word.kind !== 'number' &&
    /\p{L}/u.test(word.normalized) &&
    [...word.normalized].length >= 2 &&
    !stopwords.has(word.normalized.replace(/'/g, ''))
  );
}

/** The spelling the author used most (« Firefox », « fetch API »), the first seen on a tie. */
function commonestForm(forms: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [form, count] of forms) {
    if (count > bestCount) {
      best = form;
      bestCount = count;
    }
  }
  return best;
}
