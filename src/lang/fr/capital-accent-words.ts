import type { Lexicon, PartOfSpeech } from './lexicon.js';

/**
 * Common French words that open on « é », « è », « ê » or « ç »: the ones authors most often type with a
 * bare capital at a sentence start (« Evaluer », « Etat », « Ca »). The audit finds bare capitals with
 * them alone, without the full lexicon the optimize edge loads (its cold start must stay small); the
 * optimize's polish restores the accents with the full lexicon, so the audit reports a part of what the
 * polish fixes, never more. Our own list, by part of speech; every bare spelling here is no French word
 * (checked against the full lexicon by the tests), so « Elle », « Entre », « Est » never match.
 * Left out because the full lexicon reads their bare spelling otherwise, and the audit must not report what
 * the polish leaves: « étais », « école », « élan », « évènement ».
 * Left out on purpose: first names (« Éric », « Émile »: a name's spelling is its bearer's choice, and
 * the polish leaves them as written too).
 */
const WORDS_BY_PART_OF_SPEECH: Readonly<Partial<Record<PartOfSpeech, readonly string[]>>> = {
  auxiliary: ['être', 'êtes', 'était', 'étaient', 'étions', 'étiez', 'étant'],
  'past-participle': ['été', 'écrit', 'élu', 'établi', 'étudié', 'évalué', 'évité'],
  infinitive: [
    'écouter',
    'écrire',
    'éditer',
    'éduquer',
    'élaborer',
    'élargir',
    'éliminer',
    'éloigner',
    'émettre',
    'énoncer',
    'énumérer',
    'épargner',
    'équiper',
    'établir',
    'étendre',
    'étudier',
    'évaluer',
    'éviter',
    'évoluer',
    'évoquer',
  ],
  'finite-verb': ['écoutez', 'écrivez', 'évitez', 'évitons', 'étudions', 'évaluons', 'établissez'],
  noun: [
    'échange',
    'échanges',
    'échec',
    'échecs',
    'échelle',
    'éclairage',
    'écologie',
    'écoles',
    'économie',
    'économies',
    'écosystème',
    'écran',
    'écrans',
    'écriture',
    'écrivain',
    'édition',
    'éditions',
    'éditeur',
    'éditeurs',
    'éducation',
    'église',
    'élection',
    'élections',
    'électricité',
    'élément',
    'éléments',
    'élève',
    'élèves',
    'élu',
    'élus',
    'émission',
    'émissions',
    'émotion',
    'émotions',
    'énergie',
    'énergies',
    'épisode',
    'époque',
    'épreuve',
    'équation',
    'équilibre',
    'équipe',
    'équipes',
    'équipement',
    'équipements',
    'ère',
    'étage',
    'étape',
    'étapes',
    'état',
    'états',
    'éthique',
    'étiquette',
    'étoile',
    'étude',
    'études',
    'étudiant',
    'étudiants',
    'évaluation',
    'événement',
    'événements',
    'évidence',
    'évolution',
  ],
  adjective: [
    'écologique',
    'économique',
    'économiques',
    'égal',
    'égale',
    'égaux',
    'électrique',
    'électriques',
    'électronique',
    'électroniques',
    'élevé',
    'élevée',
    'élevés',
    'énorme',
    'énormes',
    'éternel',
    'étrange',
    'étranger',
    'étrangère',
    'étrangers',
    'étroit',
    'éventuel',
    'éventuelle',
    'évident',
    'évidente',
  ],
  adverb: ['également', 'évidemment', 'éventuellement', 'énormément', 'étonnamment'],
  pronoun: ['ça'],
};

const PARTS_BY_WORD: ReadonlyMap<string, ReadonlySet<PartOfSpeech>> = (() => {
  const map = new Map<string, Set<PartOfSpeech>>();
  for (const [part, words] of Object.entries(WORDS_BY_PART_OF_SPEECH) as [PartOfSpeech, string[]][]) {
    for (const word of words) {
      const parts = map.get(word) ?? new Set<PartOfSpeech>();
      parts.add(part);
      map.set(word, parts);
    }
  }
  return map;
})();

const NONE: ReadonlySet<PartOfSpeech> = new Set();

/** The list as a lexicon: enough for `restoreCapitalAccents` to know which accented word a bare capital hides. */
export const capitalAccentLexicon: Lexicon = {
  partsOfSpeech(word) {
    return PARTS_BY_WORD.get(word.toLowerCase()) ?? NONE;
  },
};

/** Every word of the list, for the tests. */
export const CAPITAL_ACCENT_WORDS: readonly string[] = [...PARTS_BY_WORD.keys()];
