import { AUXILIARIES } from './function-words.js';
/**
 * French passive voice: a form of être followed by a past participle (« les talents sont rémunérés »,
 * « la décision a été prise », « la technologie peut être utilisée »).
 *
 * Our own lists. Two things look like the passive and are not:
 * - compound tenses of the verbs conjugated with être (« elle est partie », « ils sont devenus »);
 * - pronominal verbs (« il s'est intéressé », « nous nous sommes rencontrés »).
 * And some words after être end like participles but are adjectives or nouns (« il est ravi »,
 * « c'est ici »); they are listed with the reason.
 */

/** Every form of être that can carry a passive; « été » is left out: it is the participle that follows. */
export const ETRE_FORMS: readonly string[] = AUXILIARIES.etre.filter((form) => form !== 'été');

/**
 * Forms of avoir that build the compound tenses of être with « été »: « a été », « avait été »,
 * « aura été », « aurait été », « ait été », « ayant été », « avoir été ». Its participles (« eu »,
 * « eue », « eues ») are left out: « eu été » is not French.
 */
export const AVOIR_FORMS: readonly string[] = AUXILIARIES.avoir.filter(
  (form) => !['eu', 'eue', 'eues'].includes(form),
);

/**
 * Past participles that do not end in -é, -i or -u after a consonant, or that are worth listing anyway.
 * Each row: masculine singular, feminine singular, masculine plural, feminine plural.
 * Participles of regular verbs (-é/-ée/-és/-ées, -i/-ie/-is/-ies, -u/-ue/-us/-ues) are recognized by
 * their ending and are not listed.
 */
export const IRREGULAR_PARTICIPLES: readonly (readonly [string, string, string, string])[] = [
  // -t: faire, dire, écrire, the -uire verbs, ouvrir/offrir and kin, the -indre verbs, mourir
  ['fait', 'faite', 'faits', 'faites'],
  ['défait', 'défaite', 'défaits', 'défaites'],
  ['refait', 'refaite', 'refaits', 'refaites'],
  ['satisfait', 'satisfaite', 'satisfaits', 'satisfaites'],
  ['dit', 'dite', 'dits', 'dites'],
  ['interdit', 'interdite', 'interdits', 'interdites'],
  ['prédit', 'prédite', 'prédits', 'prédites'],
  ['contredit', 'contredite', 'contredits', 'contredites'],
  ['maudit', 'maudite', 'maudits', 'maudites'],
  ['écrit', 'écrite', 'écrits', 'écrites'],
  ['décrit', 'décrite', 'décrits', 'décrites'],
  ['inscrit', 'inscrite', 'inscrits', 'inscrites'],
  ['prescrit', 'prescrite', 'prescrits', 'prescrites'],
  ['proscrit', 'proscrite', 'proscrits', 'proscrites'],
  ['souscrit', 'souscrite', 'souscrits', 'souscrites'],
  ['transcrit', 'transcrite', 'transcrits', 'transcrites'],
  ['circonscrit', 'circonscrite', 'circonscrits', 'circonscrites'],
  ['traduit', 'traduite', 'traduits', 'traduites'],
  ['produit', 'produite', 'produits', 'produites'],
  ['reproduit', 'reproduite', 'reproduits', 'reproduites'],
  ['conduit', 'conduite', 'conduits', 'conduites'],
  ['construit', 'construite', 'construits', 'construites'],
  ['reconstruit', 'reconstruite', 'reconstruits', 'reconstruites'],
  ['détruit', 'détruite', 'détruits', 'détruites'],
  ['instruit', 'instruite', 'instruits', 'instruites'],
  ['introduit', 'introduite', 'introduits', 'introduites'],
  ['réduit', 'réduite', 'réduits', 'réduites'],
  ['séduit', 'séduite', 'séduits', 'séduites'],
  ['déduit', 'déduite', 'déduits', 'déduites'],
  ['induit', 'induite', 'induits', 'induites'],
  ['cuit', 'cuite', 'cuits', 'cuites'],
  ['frit', 'frite', 'frits', 'frites'],
  ['confit', 'confite', 'confits', 'confites'],
  ['ouvert', 'ouverte', 'ouverts', 'ouvertes'],
  ['rouvert', 'rouverte', 'rouverts', 'rouvertes'],
  ['entrouvert', 'entrouverte', 'entrouverts', 'entrouvertes'],
  ['couvert', 'couverte', 'couverts', 'couvertes'],
  ['découvert', 'découverte', 'découverts', 'découvertes'],
  ['recouvert', 'recouverte', 'recouverts', 'recouvertes'],
  ['offert', 'offerte', 'offerts', 'offertes'],
  ['souffert', 'soufferte', 'soufferts', 'souffertes'],
  ['atteint', 'atteinte', 'atteints', 'atteintes'],
  ['craint', 'crainte', 'craints', 'craintes'],
  ['contraint', 'contrainte', 'contraints', 'contraintes'],
  ['peint', 'peinte', 'peints', 'peintes'],
  ['dépeint', 'dépeinte', 'dépeints', 'dépeintes'],
  ['repeint', 'repeinte', 'repeints', 'repeintes'],
  ['éteint', 'éteinte', 'éteints', 'éteintes'],
  ['teint', 'teinte', 'teints', 'teintes'],
  ['feint', 'feinte', 'feints', 'feintes'],
  ['restreint', 'restreinte', 'restreints', 'restreintes'],
  ['astreint', 'astreinte', 'astreints', 'astreintes'],
  ['étreint', 'étreinte', 'étreints', 'étreintes'],
  ['enfreint', 'enfreinte', 'enfreints', 'enfreintes'],
  ['joint', 'jointe', 'joints', 'jointes'],
  ['adjoint', 'adjointe', 'adjoints', 'adjointes'],
  ['rejoint', 'rejointe', 'rejoints', 'rejointes'],
  ['disjoint', 'disjointe', 'disjoints', 'disjointes'],
  ['mort', 'morte', 'morts', 'mortes'],
  // -s: prendre, mettre, the -quérir verbs, asseoir, the -clure and -clore verbs
  ['pris', 'prise', 'pris', 'prises'],
  ['appris', 'apprise', 'appris', 'apprises'],
  ['compris', 'comprise', 'compris', 'comprises'],
  ['surpris', 'surprise', 'surpris', 'surprises'],
  ['repris', 'reprise', 'repris', 'reprises'],
  ['entrepris', 'entreprise', 'entrepris', 'entreprises'],
  ['mis', 'mise', 'mis', 'mises'],
  ['admis', 'admise', 'admis', 'admises'],
  ['commis', 'commise', 'commis', 'commises'],
  ['compromis', 'compromise', 'compromis', 'compromises'],
  ['démis', 'démise', 'démis', 'démises'],
  ['émis', 'émise', 'émis', 'émises'],
  ['omis', 'omise', 'omis', 'omises'],
  ['permis', 'permise', 'permis', 'permises'],
  ['promis', 'promise', 'promis', 'promises'],
  ['remis', 'remise', 'remis', 'remises'],
  ['soumis', 'soumise', 'soumis', 'soumises'],
  ['transmis', 'transmise', 'transmis', 'transmises'],
  ['acquis', 'acquise', 'acquis', 'acquises'],
  ['conquis', 'conquise', 'conquis', 'conquises'],
  ['requis', 'requise', 'requis', 'requises'],
  ['reconquis', 'reconquise', 'reconquis', 'reconquises'],
  ['assis', 'assise', 'assis', 'assises'],
  ['inclus', 'incluse', 'inclus', 'incluses'],
  ['occlus', 'occluse', 'occlus', 'occluses'],
  ['clos', 'close', 'clos', 'closes'],
  ['éclos', 'éclose', 'éclos', 'écloses'],
  ['enclos', 'enclose', 'enclos', 'encloses'],
  // -u of irregular verbs (the regular test would catch most; listed so the data is explicit)
  ['vu', 'vue', 'vus', 'vues'],
  ['revu', 'revue', 'revus', 'revues'],
  ['prévu', 'prévue', 'prévus', 'prévues'],
  ['entrevu', 'entrevue', 'entrevus', 'entrevues'],
  ['pourvu', 'pourvue', 'pourvus', 'pourvues'],
  ['su', 'sue', 'sus', 'sues'],
  ['lu', 'lue', 'lus', 'lues'],
  ['relu', 'relue', 'relus', 'relues'],
  ['élu', 'élue', 'élus', 'élues'],
  ['réélu', 'réélue', 'réélus', 'réélues'],
  ['bu', 'bue', 'bus', 'bues'],
  ['eu', 'eue', 'eus', 'eues'],
  ['reçu', 'reçue', 'reçus', 'reçues'],
  ['déçu', 'déçue', 'déçus', 'déçues'],
  ['aperçu', 'aperçue', 'aperçus', 'aperçues'],
  ['conçu', 'conçue', 'conçus', 'conçues'],
  ['perçu', 'perçue', 'perçus', 'perçues'],
  ['tenu', 'tenue', 'tenus', 'tenues'],
  ['obtenu', 'obtenue', 'obtenus', 'obtenues'],
  ['maintenu', 'maintenue', 'maintenus', 'maintenues'],
  ['retenu', 'retenue', 'retenus', 'retenues'],
  ['détenu', 'détenue', 'détenus', 'détenues'],
  ['soutenu', 'soutenue', 'soutenus', 'soutenues'],
  ['contenu', 'contenue', 'contenus', 'contenues'],
  ['entretenu', 'entretenue', 'entretenus', 'entretenues'],
  ['venu', 'venue', 'venus', 'venues'],
  ['devenu', 'devenue', 'devenus', 'devenues'],
  ['revenu', 'revenue', 'revenus', 'revenues'],
  ['parvenu', 'parvenue', 'parvenus', 'parvenues'],
  ['survenu', 'survenue', 'survenus', 'survenues'],
  ['intervenu', 'intervenue', 'intervenus', 'intervenues'],
  ['convenu', 'convenue', 'convenus', 'convenues'],
  ['prévenu', 'prévenue', 'prévenus', 'prévenues'],
  ['connu', 'connue', 'connus', 'connues'],
  ['reconnu', 'reconnue', 'reconnus', 'reconnues'],
  ['méconnu', 'méconnue', 'méconnus', 'méconnues'],
  ['vécu', 'vécue', 'vécus', 'vécues'],
  ['survécu', 'survécue', 'survécus', 'survécues'],
  ['convaincu', 'convaincue', 'convaincus', 'convaincues'],
  ['vaincu', 'vaincue', 'vaincus', 'vaincues'],
  ['résolu', 'résolue', 'résolus', 'résolues'],
  ['voulu', 'voulue', 'voulus', 'voulues'],
  ['paru', 'parue', 'parus', 'parues'],
  ['apparu', 'apparue', 'apparus', 'apparues'],
  ['disparu', 'disparue', 'disparus', 'disparues'],
  ['parcouru', 'parcourue', 'parcourus', 'parcourues'],
  ['secouru', 'secourue', 'secourus', 'secourues'],
  ['encouru', 'encourue', 'encourus', 'encourues'],
  ['battu', 'battue', 'battus', 'battues'],
  ['abattu', 'abattue', 'abattus', 'abattues'],
  ['combattu', 'combattue', 'combattus', 'combattues'],
  ['débattu', 'débattue', 'débattus', 'débattues'],
  ['cousu', 'cousue', 'cousus', 'cousues'],
  ['moulu', 'moulue', 'moulus', 'moulues'],
  ['exclu', 'exclue', 'exclus', 'exclues'],
  ['conclu', 'conclue', 'conclus', 'conclues'],
  ['ému', 'émue', 'émus', 'émues'],
  ['promu', 'promue', 'promus', 'promues'],
  ['accru', 'accrue', 'accrus', 'accrues'],
  // -i of verbs whose stem ends in a vowel (the regular test wants a consonant before -i)
  ['ébloui', 'éblouie', 'éblouis', 'éblouies'],
  ['épanoui', 'épanouie', 'épanouis', 'épanouies'],
  ['enfoui', 'enfouie', 'enfouis', 'enfouies'],
  ['évanoui', 'évanouie', 'évanouis', 'évanouies'],
  ['réjoui', 'réjouie', 'réjouis', 'réjouies'],
  // accented or irregular endings
  ['né', 'née', 'nés', 'nées'],
  ['dû', 'due', 'dus', 'dues'],
  ['mû', 'mue', 'mus', 'mues'],
  ['dissous', 'dissoute', 'dissous', 'dissoutes'],
  ['absous', 'absoute', 'absous', 'absoutes'],
];

/**
 * Participles of the verbs conjugated with être in their compound tenses (the « DR MRS VANDERTRAMP »
 * verbs and their derivatives), masculine singular. After a simple form of être they make an active
 * compound tense (« il est venu »), not a passive. Some are also transitive (« sortir la voiture »),
 * and then « les valises sont descendues » is a passive we miss: the intransitive use is far more
 * common. After « a été » they are passives (« le chien a été sorti »), so that case is not excluded.
 */
export const ETRE_VERB_PARTICIPLES = [
  'allé',
  'venu',
  'devenu',
  'revenu',
  'parvenu',
  'survenu',
  'intervenu',
  'advenu',
  'provenu',
  'arrivé',
  'parti',
  'reparti',
  'sorti',
  'ressorti',
  'entré',
  'rentré',
  'monté',
  'remonté',
  'descendu',
  'redescendu',
  'tombé',
  'retombé',
  'resté',
  'demeuré',
  'retourné',
  'passé',
  'repassé',
  'né',
  'mort',
  'décédé',
  'apparu',
  'réapparu',
  'disparu',
  'paru',
  'éclos',
  'accouru',
] as const;

/**
 * Words that follow être and end like a participle, or that readers might expect here, but are not
 * passives. Masculine singular; feminine and plural forms are found by removing -e, -s, -es.
 */
export const NOT_PASSIVE_AFTER_ETRE = {
  // Common adjectives after être. They do not end like participles, so the ending test already rejects
  // them; they are listed to make the decision explicit and to keep it if the tests ever loosen.
  adjectives: [
    'prêt', // « prêt à payer »: adjective; the participle is « prêté »
    'fier',
    'content',
    'seul',
    'sûr',
    'certain',
    'vrai',
    'petit',
    'grand',
    'rapide',
    'facile',
    'difficile',
    'possible',
    'impossible',
    'nécessaire',
    'cher',
  ],
  // Adjectives that end like participles.
  participleLookalikes: [
    'joli', // adjective, no verb « jolir »
    'poli', // « polite » far more often than the participle of polir
    'hardi', // adjective
    'gris', // adjective
    'précis', // adjective
    'concis', // adjective
    'exquis', // adjective
    'indécis', // adjective
    'âgé', // adjective, no verb « âger »
    'aisé', // adjective (« well-off », « easy »)
    'censé', // « supposed to », no verb
    'sensé', // adjective
    'insensé', // adjective
    'inné', // adjective
    'effréné', // adjective
    'illimité', // adjective, no verb « illimiter »
    'inespéré', // adjective
    'inégalé', // adjective
    'inachevé', // adjective
    'inconnu', // adjective, no verb « inconnaître »
    'imprévu', // adjective
    'inattendu', // adjective
    'erroné', // adjective, no verb « erroner »
    'bienvenu', // adjective (« bienvenue »)
    'absolu', // adjective
    'continu', // adjective
    'nu', // adjective
    'têtu', // adjective
    'pointu', // adjective
    'barbu', // adjective
    'poilu', // adjective
    'charnu', // adjective
    'touffu', // adjective
    'trapu', // adjective
    'ardu', // adjective
    'ténu', // adjective
    'cossu', // adjective
    'dodu', // adjective
  ],
  // Participles used after être as adjectives of state, not as passives.
  statesNotPassives: [
    'ravi', // « ravi de »: delighted, a feeling; the verb ravir (to abduct) is rare in the passive
    'fini', // « c'est fini », « tout est fini »: over, a state; writers do not read it as a passive
    'satisfait', // « satisfait de »: pleased, like « content »
    'convaincu', // « convaincu que »: sure, like « sûr »; « a été convaincu par » is still a passive
    'situé', // « est situé à »: is located (from se situer)
    'assis', // « est assis »: a posture (from s'asseoir)
    'issu', // « issu de »: comes from; issir has no other form in use
    'épris', // « épris de »: in love (from s'éprendre)
    'dû', // « est dû à »: is due to; spelled « du » by some writers, which is also the article
    'désolé', // « je suis désolé »: sorry
    'enchanté', // « enchanté de »: pleased
    'fatigué', // « je suis fatigué »: tired, a state
    'marié', // « ils sont mariés »: civil status (from se marier)
    'fiancé', // civil status (from se fiancer)
    'divorcé', // civil status
    'retraité', // « il est retraité »: retired, a status
  ],
  // Nouns that can follow être without an article (jobs, status, set phrases).
  nouns: [
    'député',
    'salarié',
    'clé', // « un facteur clé », « le point est clé »
    'côté',
  ],
  // English words of French technical prose that end like a participle (« la valeur n'est pas true »).
  englishWords: [
    'true', // the boolean, not a participle (there is no verb « trure »)
    'blue', // colour names of themes and palettes
    'value', // « la value est… », the noun of configuration files
    'glue', // « le code glue »
    'clue', // noun
    'rescue', // « le mode rescue »
    'virtue', // noun
  ],
  // Grammar words that end in -i or -u after a consonant.
  grammarWords: [
    'ici',
    'parmi',
    'ainsi',
    'aussi',
    'voici',
    'ni',
    'du', // the article (« c'est du travail »)
    'tu',
    'merci',
    'midi',
    'lundi',
    'mardi',
    'mercredi',
    'jeudi',
    'vendredi',
    'samedi',
    'ami',
    'ennemi',
    'abri',
    'souci',
    'défi',
    'pari',
    'demi',
  ],
} as const;

/**
 * Adverbs and negation words that may stand between the auxiliary and the participle
 * (« est souvent cité », « n'est pas rémunéré », « a déjà été décidé », « sont tous invités »).
 * Words ending in -ment are accepted as adverbs too (« est largement critiqué »).
 */
export const ADVERBS_BETWEEN = [
  'pas',
  'plus',
  'jamais',
  'point',
  'guère',
  'nullement',
  'déjà',
  'encore',
  'toujours',
  'souvent',
  'parfois',
  'désormais',
  'maintenant', // « la migration est maintenant faite »
  "aujourd'hui",
  'bientôt',
  'dorénavant',
  'bien',
  'mal',
  'très',
  'trop',
  'peu',
  'assez',
  'tout',
  'toute',
  'tous',
  'toutes',
  'aussi',
  'même',
  'ainsi',
  'alors',
  'donc',
  'enfin',
  'ensuite',
  'puis',
  'vite',
  'longtemps',
  'presque',
  'plutôt',
  'mieux',
  'moins',
  'si',
  'tant',
  'autant',
  'beaucoup',
  'davantage',
  'surtout',
  'notamment',
  'peut-être',
  'pourtant',
  'cependant',
  'toutefois',
  'néanmoins',
] as const;

/**
 * Adverbial phrases that may stand between the auxiliary and the participle as one adverb
 * (« sont pour l'instant intégrées », « sont de nouveau chargées », « est en partie financé »), as the
 * analyzer gives their words: elisions as their own tokens.
 */
export const ADVERBIAL_PHRASES_BETWEEN: readonly (readonly string[])[] = [
  ['pour', "l'", 'instant'],
  ['pour', 'le', 'moment'],
  ['de', 'nouveau'],
  ['à', 'nouveau'],
  ['à', 'présent'],
  ['en', 'partie'],
  ['en', 'grande', 'partie'],
  ['en', 'effet'],
  ['en', 'fait'],
  ['en', 'outre'],
  ['en', 'général'],
  ['par', 'exemple'],
  ['sans', 'doute'],
  ['peu', 'à', 'peu'],
  ['tout', 'à', 'fait'],
  ['de', 'plus', 'en', 'plus'],
  ['bel', 'et', 'bien'],
  ['à', 'peine'],
  ["d'", 'abord'],
  ["d'", 'ailleurs'],
  ['du', 'coup'],
  ['au', 'moins'],
  ['par', 'ailleurs'],
];

/** Where a passive was found: indexes into the words given to {@link findPassive}. */
export interface PassiveMatch {
  /** The first word of the auxiliary: « a » in « a été pris », « sont » in « sont rémunérés ». */
  auxiliaryIndex: number;
  participleIndex: number;
}

/**
 * The first passive construction in a sentence, or null.
 *
 * @param words The sentence's words, lowercase, apostrophes normalized to ', elisions as their own
 *   tokens (« s' », « est »). Punctuation may be left out or kept as tokens; it stops a match.
 */
export function findPassive(words: readonly string[]): PassiveMatch | null {
  for (let index = 0; index < words.length; index += 1) {
    const word = auxiliaryWord(words[index] as string);
    let auxiliaryIndex = index;
    let isCompound = false;
    if (word === 'été') {
      // « été » only carries a passive after avoir (« a été »); otherwise it is the noun « summer ».
      const avoirIndex = skipAdverbsBackward(words, index);
      if (avoirIndex < 0 || !AVOIR_SET.has(auxiliaryWord(words[avoirIndex] as string))) continue;
      auxiliaryIndex = avoirIndex;
      isCompound = true;
    } else if (!ETRE_SET.has(word) || isNounUse(words, index, word) || isPronominal(words, index, word)) {
      continue;
    }
    const participleIndex = findParticiple(words, index, isCompound);
    if (participleIndex >= 0) return { auxiliaryIndex, participleIndex };
  }
  return null;
}

const ETRE_SET: ReadonlySet<string> = new Set(ETRE_FORMS);
const AVOIR_SET: ReadonlySet<string> = new Set(AVOIR_FORMS);
const PARTICIPLE_SET: ReadonlySet<string> = new Set(IRREGULAR_PARTICIPLES.flat());
const ETRE_VERB_SET: ReadonlySet<string> = new Set(ETRE_VERB_PARTICIPLES);
const NOT_PASSIVE_SET: ReadonlySet<string> = new Set(Object.values(NOT_PASSIVE_AFTER_ETRE).flat());
const ADVERB_SET: ReadonlySet<string> = new Set(ADVERBS_BETWEEN);

/** How many adverbs may stand between two parts of the construction. */
const MAX_ADVERBS = 2;

// Regular participle endings. -i and -u families need a consonant before the ending: « vrai »,
// « fou », « bleu », « suis », « tous » are not participles. -é has no such need (« créé », « lié »).
const REGULAR_ENDING = /(?:é|ée|és|ées|[^aeiouyàâäéèêëîïôöûü](?:i|ie|is|ies|u|ue|us|ues))$/;
// « que », « unique », « langue », « aigu »: -qu/-gu words are never participles.
const QU_GU_ENDING = /[qg]u(?:e|s|es)?$/;
// An inverted subject pronoun: « est-il », « a-t-elle », « sont-ils », « est-ce ».
const INVERTED_SUBJECT = /^([^-]+)-(?:t-)?(?:je|tu|il|elle|on|nous|vous|ils|elles|ce)$/;
// Determiners before « être » make it the noun (« l'être humain », « un être cher »).
const DETERMINERS_BEFORE_NOUN: ReadonlySet<string> = new Set([
  "l'",
  'un',
  'les',
  'des',
  'cet',
  'ces',
  "d'",
  'chaque',
]);
// Fixed expressions whose participle is not a passive: « étant donné que », « soit dit en passant ».
const FIXED_EXPRESSIONS: ReadonlySet<string> = new Set([
  'étant donné',
  'étant donnée',
  'étant donnés',
  'étant données',
  'soit dit',
]);
const REFLEXIVE_THIRD = new Set(['se', "s'"]);
const FIRST_PERSON_SINGULAR = new Set(['suis', 'étais', 'serai', 'serais', 'sois', 'fus', 'fusse']);
const SECOND_PERSON_SINGULAR = new Set(['es', 'étais', 'seras', 'serais', 'sois', 'fus', 'fusses']);
const NON_FINITE = new Set(['être', 'étant']);

/** The verb of an inverted form (« est-il » -> « est »), or the word itself. */
function auxiliaryWord(word: string): string {
  // Asked of every word of every sentence: most have no hyphen, so no inversion to look for.
  if (!word.includes('-')) return word;
  const inverted = INVERTED_SUBJECT.exec(word);
  return inverted ? (inverted[1] as string) : word;
}

function isNounUse(words: readonly string[], index: number, word: string): boolean {
  return word === 'être' && DETERMINERS_BEFORE_NOUN.has(words[index - 1] ?? '');
}

/** « se sont », « s'en est », « je me suis », « nous nous sommes », « s'être »: pronominal verbs. */
function isPronominal(words: readonly string[], index: number, word: string): boolean {
  let previousIndex = index - 1;
  // Skip the clitics « en » and « y » (« elle s'en est allée », « il s'y est intéressé »).
  while (previousIndex >= 0 && (words[previousIndex] === 'en' || words[previousIndex] === 'y'))
    previousIndex -= 1;
  const previous = words[previousIndex] ?? '';
  if (REFLEXIVE_THIRD.has(previous)) return true;
  // « me », « te » are reflexive only with the matching person (« je me suis »), otherwise they are
  // indirect objects of a real passive (« le prix m'est remis »).
  if (previous === 'me' || previous === "m'") return FIRST_PERSON_SINGULAR.has(word) || NON_FINITE.has(word);
  if (previous === 'te' || previous === "t'") return SECOND_PERSON_SINGULAR.has(word) || NON_FINITE.has(word);
  // « nous nous sommes », « vous vous êtes »: subject then reflexive pronoun.
  if (previous === 'nous' || previous === 'vous') return words[previousIndex - 1] === previous;
  return false;
}

/** Index of the first word before `index` that is not an adverb, at most {@link MAX_ADVERBS} back. */
function skipAdverbsBackward(words: readonly string[], index: number): number {
  let previous = index - 1;
  while (previous >= 0 && index - 1 - previous < MAX_ADVERBS && isAdverb(words[previous] as string))
    previous -= 1;
  return previous;
}

/**
 * Coordinators after which a second predicate shares the auxiliary: « elle est officielle donc souvent
 * pré-installée » is « elle est pré-installée », a passive (Yoast reads the whole clause after the
 * auxiliary as well).
 */
const PREDICATE_COORDINATORS: ReadonlySet<string> = new Set(['et', 'ou', 'mais', 'donc', 'puis']);

/** Index of the participle after the form of être at `etreIndex` (« est », « été »…), or -1. */
function findParticiple(words: readonly string[], etreIndex: number, isCompound: boolean): number {
  let skipped = 0;
  let coordinated = false;
  for (let index = etreIndex + 1; index < words.length; index += 1) {
    const word = words[index] as string;
    const phraseLength = adverbialPhraseAt(words, index);
    if (phraseLength > 0 || isAdverb(word)) {
      skipped += 1;
      if (skipped > MAX_ADVERBS) return -1;
      index += Math.max(0, phraseLength - 1);
      continue;
    }
    if (!isPassiveParticiple(word, isCompound)) {
      // One predicate that is not a participle, then a coordinator: the participle may follow it.
      if (coordinated || !PREDICATE_COORDINATORS.has(words[index + 1] ?? '')) return -1;
      coordinated = true;
      skipped = 0;
      index += 1;
      continue;
    }
    if (FIXED_EXPRESSIONS.has(`${words[etreIndex]} ${word}`)) return -1;
    return index;
  }
  return -1;
}

/** How many words an adverbial phrase starting at `index` spans (« pour l'instant »: 3), or 0. */
function adverbialPhraseAt(words: readonly string[], index: number): number {
  for (const phrase of ADVERBIAL_PHRASES_BETWEEN) {
    if (phrase.every((part, offset) => words[index + offset] === part)) return phrase.length;
  }
  return 0;
}

function isAdverb(word: string): boolean {
  return ADVERB_SET.has(word) || (word.length >= 6 && word.endsWith('ment'));
}

function isPassiveParticiple(word: string, isCompound: boolean): boolean {
  const bases = baseForms(word);
  if (bases.some((base) => NOT_PASSIVE_SET.has(base))) return false;
  if (!isCompound && bases.some((base) => ETRE_VERB_SET.has(base))) return false;
  if (PARTICIPLE_SET.has(word)) return true;
  return word.length >= 2 && REGULAR_ENDING.test(word) && !QU_GU_ENDING.test(word);
}

/** The word and what it would be without a feminine or plural ending: « ravies » -> « ravie », « ravi ». */
function baseForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith('es')) forms.push(word.slice(0, -2));
  if (word.endsWith('s') || word.endsWith('e')) forms.push(word.slice(0, -1));
  return forms;
}
