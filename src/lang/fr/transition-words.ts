import { isSpacesOnly } from './is-white-space.js';
import { normalizeWord } from './normalize-word.js';
import { tokenizeWords } from './tokenize-words.js';

/**
 * French transition words (mots de liaison, connecteurs logiques) and a matcher that finds them
 * in a sentence.
 *
 * Our own list, grouped by the relation the word expresses. Entries are lowercase and use a straight
 * apostrophe; the matcher accepts both ' and ’. An entry ending in « de » also matches « du », « des »
 * and « d' »; one ending in « à » also matches « au » and « aux »; one ending in « que » (or « lorsque »,
 * « puisque »…) also matches the elided « qu' »; one ending in « si » also matches « s' » (« même s'il »).
 *
 * Deliberately left out, because they are too often something else:
 * - « or » inside a sentence: mostly the noun « gold » (« le prix de l'or »); as the first word of a
 *   sentence it is the conjunction (« Or, le budget manque »), see {@link SENTENCE_START_TRANSITION_WORDS}.
 * - « et », « ou »: they join words inside almost every sentence; counting them would make every
 *   sentence a transition sentence.
 * - « comme » alone: mostly « like/as » before a noun (« des entreprises comme Meta »).
 * - « si » alone: also the intensifier « si difficile »; the conditional phrases are listed instead.
 * - « soit » alone: also the subjunctive of être (« qu'il soit ») ; only the pair « soit … soit » counts.
 * - « même » alone: mostly the adjective or « even » (« le même jour », « même les géants »).
 * - « encore » alone: mostly « still/again », not a link between ideas.
 * - « seulement » alone: mostly « only » (« seulement 4 % »).
 * - « partant »: literary « therefore », far more often the participle of partir.
 * - « résultat » alone: the noun is far more common than the colloquial connector.
 * - « pendant », « après », « avant », « depuis » alone: prepositions of time that do not link
 *   clauses; « pendant que », « après que », « avant que », « depuis que » are listed.
 * - « selon »: « according to », a source attribution, not a relation between ideas.
 * - « aujourd'hui »: a time reference, not a link between sentences.
 * - « bref » alone: also the adjective (« un bref aperçu »); « en bref » is listed.
 * - « soudain » alone: also the adjective (« un départ soudain »); « soudainement » is listed.
 * - « autrement » alone: mostly « differently » (« faire autrement »); « autrement dit » is listed.
 * - « particulièrement », « principalement », « essentiellement »: adverbs of degree or restriction
 *   before an adjective or a verb (« particulièrement utile », « principalement utilisé »), not links;
 *   « en particulier » and « avant tout » are listed.
 * - « aussi » is kept although « aussi grand que » is a comparison rather than an addition: both link.
 * Phrases that contain a transition but are something else are in {@link NOT_TRANSITIONS}.
 */
export const TRANSITION_WORDS = {
  addition: [
    'de plus',
    'en plus',
    'en outre',
    'par ailleurs',
    "d'ailleurs",
    'également',
    'aussi',
    'qui plus est',
    'de surcroît',
    'par surcroît',
    'au surplus',
    'en sus',
    'sans oublier',
    'sans compter',
    'sans compter que',
    'sans parler de',
    "à cela s'ajoute",
    "à cela s'ajoutent",
    "à cela vient s'ajouter",
    "s'ajoute à cela",
    'ajoutons que',
    'mais aussi',
    'mais encore',
    'et puis',
    'ou encore',
    'ainsi que',
    'voire',
    'et même',
    'outre cela',
    "d'autre part",
    'par la même occasion',
    'au passage',
    'de son côté',
    'de leur côté',
    'de notre côté',
    'pour sa part',
    'pour leur part',
    'quant à',
  ],
  opposition: [
    'mais',
    'cependant',
    'pourtant',
    'toutefois',
    'néanmoins',
    'nonobstant',
    'en revanche',
    'par contre',
    'au contraire',
    "à l'inverse",
    'inversement',
    'alors que',
    'alors même que',
    'tandis que',
    'cependant que',
    'bien que',
    'quoique',
    'quoi que',
    'même si',
    'même lorsque',
    'malgré',
    'malgré tout',
    'malgré cela',
    'en dépit de',
    'en dépit de cela',
    'contrairement à',
    'sauf que',
    'excepté que',
    'à part que',
    "à l'opposé",
    'au lieu de',
    'au lieu de cela',
    'plutôt que',
    'pour autant',
    'quand même',
    'tout de même',
    "il n'en reste pas moins que",
    "il n'empêche que",
    "n'empêche que",
    'toujours est-il que',
    'certes',
    'encore que',
    "si ce n'est que",
    'cela dit',
    'ceci dit',
    'cela étant',
    'cela étant dit',
    'ceci étant dit',
    'reste que',
    'au demeurant',
    'a contrario',
    "d'un autre côté",
    'en contrepartie',
    "à l'encontre de",
    'mis à part',
    'loin de là',
    'il est vrai que',
  ],
  cause: [
    'car',
    'parce que',
    'puisque',
    'étant donné',
    'étant donné que',
    'vu que',
    'du fait que',
    'du fait de',
    'en raison de',
    'en raison du fait que',
    'grâce à',
    'à cause de',
    'dans la mesure où',
    'sous prétexte que',
    "d'autant que",
    "d'autant plus que",
    'attendu que',
    'compte tenu de',
    'faute de',
    'par suite de',
    'en effet',
    'du moment que',
    'dès lors que',
    'à force de',
    'sachant que',
    'suite à',
    'à la suite de',
    'eu égard à',
    'en vertu de',
    'de par',
    'non que',
    "ce n'est pas que",
    'la raison en est que',
    "s'explique par",
  ],
  consequence: [
    'donc',
    'ainsi',
    'alors',
    'par conséquent',
    'en conséquence',
    'en conséquence de quoi',
    'par voie de conséquence',
    "c'est pourquoi",
    "c'est la raison pour laquelle",
    'voilà pourquoi',
    'de ce fait',
    'dès lors',
    'si bien que',
    'de sorte que',
    'de telle sorte que',
    'de telle façon que',
    'de telle manière que',
    'au point que',
    'à tel point que',
    "d'où",
    'de là',
    'par suite',
    'ce qui fait que',
    'il en résulte que',
    "il s'ensuit que",
    'il en découle que',
    'pour cette raison',
    'pour cela',
    'pour ces raisons',
    "c'est ainsi que",
    'du coup',
    'conséquemment',
    'tant et si bien que',
    'ce qui explique',
    'ce qui explique que',
    'cela explique',
  ],
  // Purpose is an intended consequence; kept apart because it reads differently in a report.
  purpose: [
    'afin de',
    'afin que',
    'pour que',
    'de peur que',
    'de crainte que',
    'dans le but de',
    'en vue de',
    "dans l'intention de",
    'de manière à',
    'de façon à',
    "dans l'optique de",
    "dans l'objectif de",
    'dans le souci de',
    'pour ce faire',
    'à cet effet',
    'à cette fin',
  ],
  illustration: [
    'par exemple',
    'notamment',
    'tel que',
    'telle que',
    'tels que',
    'telles que',
    "à titre d'exemple",
    "à titre d'illustration",
    "en guise d'exemple",
    "prenons l'exemple de",
    'prenons le cas de',
    "c'est le cas de",
    "c'est notamment le cas de",
    'tel est le cas de',
    'en particulier',
    'entre autres',
    'pour illustrer',
    'pour preuve',
    "en l'occurrence",
    'comme par exemple',
    'ne serait-ce que',
    'y compris',
    'pensons à',
    'comme en témoigne',
    'comme le montre',
    'comme le prouve',
    "comme l'illustre",
  ],
  clarification: [
    "c'est-à-dire",
    "c'est à dire",
    'autrement dit',
    "en d'autres termes",
    "en d'autres mots",
    'à savoir',
    'en fait',
    'en réalité',
    'en vérité',
    'à vrai dire',
    'pour ainsi dire',
    'du moins',
    'plus précisément',
    'plus exactement',
    'en clair',
    'concrètement',
    'pour être précis',
    'pour être plus précis',
    'ou plutôt',
    'cela signifie que',
    'ce qui signifie que',
    'ce qui veut dire que',
    'cela veut dire que',
    'en ce sens',
    'dans ce sens',
    'de fait',
    'dans les faits',
    'pour le dire autrement',
    'pour mieux dire',
    'disons que',
    "j'entends par là",
    "en l'espèce",
    'au fond',
  ],
  comparison: [
    'de même',
    'de même que',
    'comme si',
    'tout comme',
    'pareillement',
    'semblablement',
    'de la même façon',
    'de la même manière',
    "à l'instar de",
    'à la manière de',
    "à l'image de",
    'au même titre que',
    'parallèlement',
    'par rapport à',
    'comparativement',
    'en comparaison',
    'en comparaison de',
    'comparé à',
    'de manière similaire',
    'de façon similaire',
    'similairement',
    'conformément à',
    'davantage que',
  ],
  time: [
    "d'abord",
    "tout d'abord",
    'au départ',
    'au début',
    'pour commencer',
    'en premier lieu',
    'en second lieu',
    'en deuxième lieu',
    'en troisième lieu',
    'en dernier lieu',
    'premièrement',
    'deuxièmement',
    'troisièmement',
    'quatrièmement',
    'cinquièmement',
    'secondement',
    'primo',
    'secundo',
    'tertio',
    'ensuite',
    'puis',
    'enfin',
    'après quoi',
    'après cela',
    'par la suite',
    'plus tard',
    'peu après',
    'peu de temps après',
    'aussitôt après',
    'ultérieurement',
    'dans un premier temps',
    'dans un deuxième temps',
    'dans un second temps',
    'dans un troisième temps',
    'dans un dernier temps',
    'au même moment',
    'en même temps',
    'en même temps que',
    'simultanément',
    'entre-temps',
    'entretemps',
    'pendant ce temps',
    'à présent',
    'dès à présent',
    'désormais',
    'dorénavant',
    "jusqu'à présent",
    "jusqu'ici",
    "jusqu'alors",
    'jusque-là',
    'auparavant',
    'autrefois',
    'jadis',
    'tout à coup',
    'soudainement',
    'à ce moment-là',
    'à partir de là',
    'depuis lors',
    'à la fin',
    'au fur et à mesure',
    'à mesure que',
    'en attendant',
    "d'ici là",
    'au préalable',
    'préalablement',
    'tôt ou tard',
    "à l'avenir",
    'par le passé',
    'initialement',
    "à l'origine",
    'lorsque',
    'quand',
    'dès que',
    'pendant que',
    'avant que',
    'après que',
    'depuis que',
    'au moment où',
    'chaque fois que',
    'à chaque fois que',
    'toutes les fois que',
    'une fois que',
    'sitôt que',
    'aussitôt que',
    'aussitôt',
    "jusqu'à ce que",
  ],
  condition: [
    'à condition que',
    'à condition de',
    'à la condition que',
    'pourvu que',
    'au cas où',
    'dans le cas où',
    'en cas de',
    'à moins que',
    'à moins de',
    'à supposer que',
    'en supposant que',
    'en admettant que',
    "dans l'hypothèse où",
    'si jamais',
    'sauf si',
    'excepté si',
    'sinon',
    'sans quoi',
    'faute de quoi',
    'pour peu que',
    'tant que',
    'quand bien même',
    'si tant est que',
    'selon que',
    'suivant que',
    'le cas échéant',
    'à défaut',
    'à défaut de',
    'sous réserve de',
    'sous réserve que',
    'dans ce cas',
    'en ce cas',
    "en l'absence de",
  ],
  conclusion: [
    'en conclusion',
    'pour conclure',
    'en guise de conclusion',
    'en somme',
    'en bref',
    'en résumé',
    'pour résumer',
    'pour récapituler',
    'finalement',
    'somme toute',
    'en définitive',
    'au final',
    'tout compte fait',
    'en fin de compte',
    'au bout du compte',
    'pour finir',
    'pour terminer',
    'en un mot',
    'pour tout dire',
    'globalement',
    "dans l'ensemble",
    'en gros',
    'en général',
    'grosso modo',
    'en dernière analyse',
    'à tout prendre',
    'au total',
    'tout bien considéré',
    "quoi qu'il en soit",
    'en tout cas',
    'de toute façon',
    'de toute manière',
    'en tout état de cause',
    'ainsi donc',
    'après tout',
  ],
  emphasis: [
    'effectivement',
    'évidemment',
    'bien entendu',
    'bien sûr',
    'naturellement',
    'certainement',
    'assurément',
    'avant tout',
    'par-dessus tout',
    'il faut souligner que',
    'il faut noter que',
    'il convient de souligner que',
    'il convient de noter que',
    'il importe de souligner que',
    'il est à noter que',
    'à noter que',
    'soulignons que',
    'rappelons que',
    'notons que',
    'force est de constater que',
    'sans aucun doute',
    'sans doute',
    'incontestablement',
    'indéniablement',
    'de toute évidence',
    'à coup sûr',
    'a fortiori',
    'à plus forte raison',
    'plus encore',
    'mieux encore',
    'il va sans dire que',
    'il va de soi que',
    'cela va de soi',
    'inutile de dire que',
    'justement',
    "d'autant plus",
  ],
} as const satisfies Record<string, readonly string[]>;

/**
 * Phrases that contain a listed transition but do not work as one. The matcher consumes them, longest
 * first like any entry, and reports nothing.
 */
export const NOT_TRANSITIONS = [
  'de plus en plus', // « increasingly », not « de plus » (moreover)
  'de moins en moins', // « less and less »
  'plus ou moins', // « more or less »
  'en fait partie', // « il en fait partie »: en (pronoun) + faire, not « en fait »
  'en font partie',
  'du coup de', // « du coup de fil », « du coup d'État »: the noun coup
  'au fond de', // « au fond du couloir »: place, not « au fond » (basically)
  'au passage de', // « au passage de la loi »: the noun passage
  'au départ de', // « au départ de Paris »: leaving from
  "dans l'ensemble de", // « dans l'ensemble de l'entreprise »: throughout, not « overall »
  "à l'origine de", // « est à l'origine de »: is the cause of, not « originally »
  'avant tout le monde', // « before everyone », not « above all »
  'la faute de', // « c'est la faute de »: the noun faute, not « for lack of »
  'état de fait', // the noun phrase, not « de fait »
  'voie de fait',
  'voies de fait',
  'vente en gros', // wholesale, not « en gros » (roughly)
  'ventes en gros',
  'commerce en gros',
  'de plus de', // « âgés de plus de 65 ans »: more than, not « de plus » (moreover)
  'en tant que', // « en tant que directeur »: as, a role, not « tant que » (as long as)
  'je puis', // « je puis » (I can), the verb pouvoir, not « puis » (then)
  'ne puis', // « je ne puis »
] as const;

/**
 * Words that are transitions only as the first word of a sentence, with their category. Elsewhere they
 * are mostly something else, so they are not in {@link TRANSITION_WORDS}.
 */
export const SENTENCE_START_TRANSITION_WORDS = {
  or: 'opposition', // « Or, le budget manque »: the conjunction; inside a sentence, the noun « gold »
  // « Surtout, ne cliquez pas »: emphasis linking to what was said; inside a sentence the adverb of degree
  // (« de quoi surtout me pousser à… », « surtout le soir »), which Yoast does not count either.
  surtout: 'emphasis',
} as const satisfies Record<string, TransitionCategory>;

/** A relation expressed by a transition word: a key of {@link TRANSITION_WORDS}. */
export type TransitionCategory = keyof typeof TRANSITION_WORDS;

/** A transition in two parts (« d'une part … d'autre part »). */
export interface TwoPartTransition {
  first: string;
  second: string;
  category: TransitionCategory;
  /**
   * The first part only counts as the first word of the sentence (default: `false`). Set for
   * « plus … plus » and the like, whose words also occur anywhere as plain adverbs.
   */
  firstAtSentenceStart?: boolean;
}

/**
 * Two-part transitions. A pair counts when both parts occur, in order. When the second part alone is
 * a transition (« d'autre part », « ensuite »), it is also in {@link TRANSITION_WORDS} and counts alone.
 */
export const TWO_PART_TRANSITION_WORDS: readonly TwoPartTransition[] = [
  { first: "d'une part", second: "d'autre part", category: 'addition' },
  { first: 'non seulement', second: 'mais aussi', category: 'addition' },
  { first: 'non seulement', second: 'mais encore', category: 'addition' },
  { first: 'non seulement', second: 'mais également', category: 'addition' },
  { first: 'non seulement', second: 'mais', category: 'addition' },
  { first: "d'un côté", second: "de l'autre côté", category: 'opposition' },
  { first: "d'un côté", second: "d'un autre côté", category: 'opposition' },
  { first: "d'un côté", second: "de l'autre", category: 'opposition' },
  { first: 'soit', second: 'soit', category: 'addition' },
  { first: 'ni', second: 'ni', category: 'addition' },
  { first: 'ou bien', second: 'ou bien', category: 'addition' },
  { first: 'tantôt', second: 'tantôt', category: 'addition' },
  { first: 'premièrement', second: 'deuxièmement', category: 'time' },
  { first: 'premièrement', second: 'ensuite', category: 'time' },
  { first: 'primo', second: 'secundo', category: 'time' },
  { first: "tout d'abord", second: 'ensuite', category: 'time' },
  { first: "d'abord", second: 'ensuite', category: 'time' },
  { first: "d'abord", second: 'puis', category: 'time' },
  { first: 'en premier lieu', second: 'en second lieu', category: 'time' },
  { first: 'en premier lieu', second: 'en deuxième lieu', category: 'time' },
  { first: 'dans un premier temps', second: 'dans un second temps', category: 'time' },
  { first: 'dans un premier temps', second: 'dans un deuxième temps', category: 'time' },
  { first: 'certes', second: 'mais', category: 'opposition' },
  { first: 'non pas', second: 'mais', category: 'opposition' },
  { first: 'plus', second: 'plus', category: 'comparison', firstAtSentenceStart: true },
  { first: 'moins', second: 'moins', category: 'comparison', firstAtSentenceStart: true },
  { first: 'plus', second: 'moins', category: 'comparison', firstAtSentenceStart: true },
  { first: 'moins', second: 'plus', category: 'comparison', firstAtSentenceStart: true },
  { first: 'autant', second: 'autant', category: 'comparison', firstAtSentenceStart: true },
];

/** One transition found in a sentence. */
export interface TransitionMatch {
  /**
   * The list entry that matched, lowercase with a straight apostrophe (« grâce à » even when the text
   * says « Grâce aux »). For a two-part transition: both parts joined by « … », and one match per part.
   */
  phrase: string;
  category: TransitionCategory;
  /** Offset of the first character in the sentence. */
  start: number;
  /** Offset after the last character: `sentence.slice(start, end)` is the text that matched. */
  end: number;
}

/**
 * Every transition in a sentence, in text order, whole words only, case-insensitive, with either
 * apostrophe. Longer entries win over their prefixes (« en effet » is not also counted as « en »
 * anything, « à cause de » over « cause »), and two matches never overlap. Two-part transitions are
 * resolved first: the earliest first part with a second part after it.
 */
export function findTransitionWords(sentence: string): readonly TransitionMatch[] {
  // Headlines ask about the same openers again and again: match each once.
  const known = memo.get(sentence);
  if (known) return known;
  const words = tokenizeWords(sentence).map((token) => ({
    text: token.text,
    normalized: normalizeWord(token.text),
    start: token.start,
    end: token.end,
  }));
  const matches = Object.freeze(
    findTransitionWordsInWords(sentence, words, 0).map((match) => Object.freeze(match)),
  );
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(sentence, matches);
  return matches;
}

/** A word of a sentence as `tokenizeWords` cut it, with its `normalizeWord` form. */
export interface SentenceWord {
  text: string;
  normalized: string;
  start: number;
  end: number;
}

/**
 * `findTransitionWords` on words already tokenized and normalized (the analysis has them): nothing is
 * tokenized again. The sentence's words are `words` from `from` to `to` (default: all), in order; their
 * offsets minus `offset` index into `sentence`, and the matches keep the words' offsets.
 */
export function findTransitionWordsInWords(
  sentence: string,
  words: readonly SentenceWord[],
  offset: number,
  from = 0,
  to = words.length,
): TransitionMatch[] {
  const count = to - from;
  if (count <= 0) return [];
  const starts = patternStarts();
  // The matcher's tokens are reused from sentence to sentence: it keeps none of them.
  const tokens = scratchTokens;
  tokens.length = count;
  let previousEnd = offset;
  for (let index = 0; index < count; index += 1) {
    const word = words[from + index] as SentenceWord;
    let token = tokenPool[index];
    if (token === undefined) {
      token = { word: '', start: 0, end: 0, followsSpace: false, capitalA: false, starts: 0 };
      tokenPool.push(token);
    }
    token.word = word.normalized;
    token.start = word.start;
    token.end = word.end;
    token.followsSpace = index === 0 || isSpacesOnly(sentence, previousEnd - offset, word.start - offset);
    token.capitalA = word.text === 'A';
    token.starts = starts.get(word.normalized) ?? 0;
    tokens[index] = token;
    previousEnd = word.end;
  }
  return matchTransitionWords(tokens);
}

/** Every token object the matcher has used, reused by the next sentence. */
const tokenPool: Token[] = [];
/** The tokens of the sentence being matched (the pool's first ones). */
const scratchTokens: Token[] = [];
/** Which tokens a match has taken, for the sentence being matched; grown when a sentence is longer. */
let scratchUsed = new Uint8Array(64);

const memo = new Map<string, readonly TransitionMatch[]>();
const MEMO_LIMIT = 20_000;

function matchTransitionWords(tokens: readonly Token[]): TransitionMatch[] {
  if (scratchUsed.length < tokens.length) scratchUsed = new Uint8Array(2 * tokens.length);
  const used = scratchUsed;
  used.fill(0, 0, tokens.length);
  const matches: TransitionMatch[] = [];
  const singles = singlePatternTrie();

  findPairs(tokens, used, matches);

  const first = tokens[0] as Token;
  const startCategory = (SENTENCE_START_TRANSITION_WORDS as Record<string, TransitionCategory>)[first.word];
  if (startCategory && !used[0] && tokens.length > 1) {
    used[0] = 1;
    matches.push({ phrase: first.word, category: startCategory, start: first.start, end: first.end });
  }

  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index] as Token;
    const pattern = bestPatternAt(singles, tokens, used, index);
    if (!pattern) {
      index += 1;
      continue;
    }
    const last = tokens[index + pattern.words.length - 1] as Token;
    if (pattern.category) {
      matches.push({ phrase: pattern.phrase, category: pattern.category, start: token.start, end: last.end });
    }
    index += pattern.words.length;
  }

  return matches.sort((left, right) => left.start - right.start);
}

interface Token {
  /** Normalized (lowercase, straight apostrophe). */
  word: string;
  start: number;
  end: number;
  /** Only spaces (or nothing) separate it from the previous word: a phrase may continue through it. */
  followsSpace: boolean;
  /** A capital « A » alone: the verb « a », or « À » written without its accent as French often does. */
  capitalA: boolean;
  /** Which patterns may start with `word` (see {@link patternStarts}). */
  starts: number;
}

/** A single-part spelling starts with the word. */
const STARTS_SINGLE = 1;
/** A part of a two-part transition starts with the word. */
const STARTS_PAIR = 2;

let patternStartFlags: Map<string, number> | null = null;

/**
 * The first words of the two tries, with {@link STARTS_SINGLE} and {@link STARTS_PAIR}: one lookup per token
 * tells both matchers whether to walk from it. Built on first use, with the tries.
 */
function patternStarts(): Map<string, number> {
  if (patternStartFlags !== null) return patternStartFlags;
  const flags = new Map<string, number>();
  for (const word of singlePatternTrie().children.keys()) flags.set(word, STARTS_SINGLE);
  for (const word of pairPatternTrie().children.keys()) flags.set(word, (flags.get(word) ?? 0) | STARTS_PAIR);
  patternStartFlags = flags;
  return flags;
}

interface SinglePattern {
  words: readonly string[];
  phrase: string;
  /** Null for an entry of {@link NOT_TRANSITIONS}: its words are consumed, nothing is reported. */
  category: TransitionCategory | null;
}

interface PairPattern {
  words: readonly string[];
  pairIndex: number;
  part: 'first' | 'second';
}

/**
 * An entry's words, normalized: cut at spaces and after apostrophes, which is what `tokenizeWords` does
 * on the lists' lowercase letters, hyphens and straight apostrophes (the test checks every entry), at a
 * fraction of its cost when the patterns are built at each CLI start.
 */
export function entryWords(entry: string): string[] {
  const words: string[] = [];
  for (const part of entry.split(' ')) {
    let start = 0;
    for (let index = part.indexOf("'"); index !== -1; index = part.indexOf("'", start)) {
      words.push(normalizeWord(part.slice(start, index + 1)));
      start = index + 1;
    }
    if (start < part.length) words.push(normalizeWord(part.slice(start)));
  }
  return words;
}

/** Spellings of an entry: the entry itself plus its contracted and elided endings. */
function spellings(entry: string): string[][] {
  const words = entryWords(entry);
  const head = words.slice(0, -1);
  const last = words.at(-1) ?? '';
  const endings = [last];
  if (last === 'de') endings.push('du', 'des', "d'");
  else if (last === 'à') endings.push('au', 'aux');
  else if (last.endsWith('que')) endings.push(`${last.slice(0, -1)}'`);
  else if (last === 'si') endings.push("s'");
  return endings.map((ending) => [...head, ending]);
}

/**
 * Patterns by their words, one level per word: matching at a token walks the sentence's next words down the
 * trie instead of trying every pattern that starts with the token (« en » starts over a hundred).
 */
interface PatternTrie<Pattern> {
  children: Map<string, PatternTrie<Pattern>>;
  /** Patterns whose words end here, in the order they were added. */
  ending: { pattern: Pattern; order: number }[];
}

function emptyTrie<Pattern>(): PatternTrie<Pattern> {
  return { children: new Map(), ending: [] };
}

let patternOrder = 0;

function addPattern<Pattern extends { words: readonly string[] }>(
  trie: PatternTrie<Pattern>,
  pattern: Pattern,
): void {
  let node = trie;
  for (const word of pattern.words) {
    let child = node.children.get(word);
    if (child === undefined) {
      child = emptyTrie();
      node.children.set(word, child);
    }
    node = child;
  }
  node.ending.push({ pattern, order: patternOrder++ });
}

/** A pattern matched at a token: its length in words, and what ranks it among the others matched there. */
interface PatternAt<Pattern> {
  pattern: Pattern;
  length: number;
  /** 0 when a capital « A » was read as « à » for its first word (those come first), 1 otherwise. */
  group: number;
  order: number;
}

/** Longest first; then a capital « A » read as « à »; then the order the patterns were listed in. */
function ranksBefore<Pattern>(left: PatternAt<Pattern>, right: PatternAt<Pattern>): boolean {
  if (left.length !== right.length) return left.length > right.length;
  if (left.group !== right.group) return left.group < right.group;
  return left.order < right.order;
}

/**
 * Calls `found` with every pattern of `trie` that matches at `index`: its words are the next tokens', none
 * of them used, and a phrase does not run through punctuation (« Du coup, de nombreux… » is not
 * « du coup de »). A capital « A » alone also reads as « à » (« A cause de »).
 */
function eachPatternAt<Pattern>(
  trie: PatternTrie<Pattern>,
  tokens: readonly Token[],
  used: Uint8Array,
  index: number,
  found: (match: PatternAt<Pattern>) => void,
): void {
  walkPatterns({ tokens, used, index, found }, trie, index, 1);
}

/** What a walk down the trie from one token reads and reports to: one object per walk, no closure per node. */
interface PatternWalk<Pattern> {
  tokens: readonly Token[];
  used: Uint8Array;
  /** The token the patterns start at. */
  index: number;
  found: (match: PatternAt<Pattern>) => void;
}

/** The patterns below `node` that go on with the token at `position` (see `eachPatternAt`). */
function walkPatterns<Pattern>(
  walk: PatternWalk<Pattern>,
  node: PatternTrie<Pattern>,
  position: number,
  group: number,
): void {
  if (position >= walk.tokens.length || walk.used[position]) return;
  const token = walk.tokens[position] as Token;
  if (position > walk.index && !token.followsSpace) return;
  if (token.capitalA && token.word !== 'à')
    visitPatterns(walk, node.children.get('à'), position, position === walk.index ? 0 : group);
  visitPatterns(walk, node.children.get(token.word), position, position === walk.index ? 1 : group);
}

/** Reports the patterns that end at `child` (the token at `position` read), then walks on below it. */
function visitPatterns<Pattern>(
  walk: PatternWalk<Pattern>,
  child: PatternTrie<Pattern> | undefined,
  position: number,
  group: number,
): void {
  if (child === undefined) return;
  for (const { pattern, order } of child.ending) {
    walk.found({ pattern, length: position - walk.index + 1, group, order });
  }
  walkPatterns(walk, child, position + 1, group);
}

/** The pattern that wins at `index` (see `ranksBefore`), if any matches. */
function bestPatternAt(
  trie: PatternTrie<SinglePattern>,
  tokens: readonly Token[],
  used: Uint8Array,
  index: number,
): SinglePattern | undefined {
  const token = tokens[index] as Token;
  if ((token.starts & STARTS_SINGLE) === 0 && !token.capitalA) return undefined;
  eachPatternAt(trie, tokens, used, index, keepBest);
  return takeBest();
}

/** The best match of the running {@link bestPatternAt}: one collector for every call, no closure per token. */
const bestMatch: { current: PatternAt<SinglePattern> | undefined } = { current: undefined };

function keepBest(match: PatternAt<SinglePattern>): void {
  const current = bestMatch.current;
  if (current === undefined || ranksBefore(match, current)) bestMatch.current = match;
}

/** The best pattern kept, forgotten for the next call. */
function takeBest(): SinglePattern | undefined {
  const winner = bestMatch.current?.pattern;
  bestMatch.current = undefined;
  return winner;
}

let singlePatterns: PatternTrie<SinglePattern> | null = null;

/** Every single-part spelling, by its words. Built on first use (not at import: `plume --version` skips it). */
function singlePatternTrie(): PatternTrie<SinglePattern> {
  if (singlePatterns !== null) return singlePatterns;
  const trie = emptyTrie<SinglePattern>();
  for (const [category, entries] of Object.entries(TRANSITION_WORDS) as [
    TransitionCategory,
    readonly string[],
  ][]) {
    for (const entry of entries) {
      for (const words of spellings(entry)) addPattern(trie, { words, phrase: entry, category });
    }
  }
  for (const entry of NOT_TRANSITIONS) {
    for (const words of spellings(entry)) addPattern(trie, { words, phrase: entry, category: null });
  }
  singlePatterns = trie;
  return trie;
}

let pairPatterns: PatternTrie<PairPattern> | null = null;

/** Every spelling of a pair part, by its words. Built on first use. */
function pairPatternTrie(): PatternTrie<PairPattern> {
  if (pairPatterns !== null) return pairPatterns;
  const trie = emptyTrie<PairPattern>();
  TWO_PART_TRANSITION_WORDS.forEach((pair, pairIndex) => {
    for (const words of spellings(pair.first)) addPattern(trie, { words, pairIndex, part: 'first' });
    for (const words of spellings(pair.second)) addPattern(trie, { words, pairIndex, part: 'second' });
  });
  pairPatterns = trie;
  return trie;
}

interface PartOccurrence {
  start: number;
  length: number;
}

function findPairs(tokens: readonly Token[], used: Uint8Array, matches: TransitionMatch[]): void {
  // Collect where each pair's parts occur (a word can start several parts: « soit » is both).
  let firsts: Map<number, PartOccurrence[]> | undefined;
  let seconds: Map<number, PartOccurrence[]> | undefined;
  const pairs = pairPatternTrie();
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if ((token.starts & STARTS_PAIR) === 0 && !token.capitalA) continue;
    // In the order the old candidate lists had: longest first, then as listed.
    const found: PatternAt<PairPattern>[] = [];
    eachPatternAt(pairs, tokens, used, index, (match) => found.push(match));
    found.sort((left, right) => (ranksBefore(left, right) ? -1 : ranksBefore(right, left) ? 1 : 0));
    for (const { pattern: candidate } of found) {
      const pair = TWO_PART_TRANSITION_WORDS[candidate.pairIndex] as TwoPartTransition;
      if (candidate.part === 'first' && pair.firstAtSentenceStart && index !== 0) continue;
      firsts ??= new Map();
      seconds ??= new Map();
      const target = candidate.part === 'first' ? firsts : seconds;
      const list = target.get(candidate.pairIndex) ?? [];
      list.push({ start: index, length: candidate.words.length });
      target.set(candidate.pairIndex, list);
    }
  }
  if (!firsts || !seconds) return;

  // Pairs in list order: the more specific pairs are listed before the looser ones.
  TWO_PART_TRANSITION_WORDS.forEach((pair, pairIndex) => {
    const firstParts = firsts.get(pairIndex);
    const secondParts = seconds.get(pairIndex);
    if (!firstParts || !secondParts) return;
    for (const first of firstParts) {
      if (!isFree(used, first)) continue;
      const second = secondParts.find(
        (candidate) => candidate.start >= first.start + first.length && isFree(used, candidate),
      );
      if (!second) continue;
      const phrase = `${pair.first} … ${pair.second}`;
      for (const part of [first, second]) {
        used.fill(1, part.start, part.start + part.length);
        const startToken = tokens[part.start] as Token;
        const endToken = tokens[part.start + part.length - 1] as Token;
        matches.push({ phrase, category: pair.category, start: startToken.start, end: endToken.end });
      }
      return;
    }
  });
}

function isFree(used: Uint8Array, part: PartOccurrence): boolean {
  for (let index = part.start; index < part.start + part.length; index += 1) {
    if (used[index]) return false;
  }
  return true;
}

/** Forgets every memoized sentence: for benches that measure a cold article. */
export function clearTransitionWordMemo(): void {
  memo.clear();
}
