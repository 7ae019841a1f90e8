import { describe, expect, it } from 'vitest';
import { isFunctionWord } from '../../src/lang/fr/function-words.js';
import { closedClassLexicon } from '../../src/lang/fr/lexicon.js';
import { normalizeWord } from '../../src/lang/fr/normalize-word.js';
import { tokenizeWords } from '../../src/lang/fr/tokenize-words.js';
import { createLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import {
  extractHeadline,
  headlineFromSentence,
  isCompleteHeading,
  nounPhrases,
} from '../../src/plan/headline-from-sentence.js';

const lexicon = createLefffLexicon();

interface Case {
  /** Where the sentence comes from: the example or a golden input. */
  source: string;
  sentence: string;
  /** The sentence as a heading (a complete short sentence), or null. */
  headline: string | null;
  /** The noun phrases that can stand as headings, in order. */
  nounPhrases: string[];
}

/** Real sentences of examples/talents-ia.txt and test/golden/*\/input.*, read as a French editor would. */
const cases: Case[] = [
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'La lutte pour recruter les meilleurs talents en IA s’intensifie alors que les entreprises, grandes et petites, rivalisent dans la course pour créer les meilleurs produits dans ce secteur en plein essor.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'Après la brève éviction de Sam Altman d’OpenAI en novembre dernier, Salesforce a tenté d’éloigner les chercheurs du créateur de ChatGPT en leur proposant d’égaler leurs rémunérations.',
    headline: null,
    nounPhrases: ['Les chercheurs du créateur de ChatGPT'],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'Et « les petites entreprises ne seront pas en mesure d’attirer ces talents parce qu’elles n’ont pas ce dont elles ont besoin », déclare O’Donnell.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'Et généralement, les entreprises plus grandes et mieux établies ont tendance à offrir le plus d’argent.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'Pourtant, selon Libre, les startups commencent désormais à être « extrêmement généreuses » dans leurs offres aux jeunes embauches d’IA pour rivaliser avec les géants de la technologie, y compris en offrant des capitaux propres.',
    headline: null,
    nounPhrases: ['Les géants de la technologie', 'Des capitaux propres'],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'Mais les incitations financières inégales ne sont pas le seul facteur dans la bataille pour les travailleurs.',
    headline: null,
    nounPhrases: [
      'Les incitations financières inégales',
      'Le seul facteur',
      'La bataille pour les travailleurs',
    ],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'En règle générale, les candidats aux rôles d’IA générative comprennent des programmeurs et des data scientists « hautement qualifiés » titulaires de diplômes avancés et maîtrisant bien les langages de programmation comme Python, dit Libre.',
    headline: null,
    nounPhrases: ['Les candidats aux rôles d’IA générative', 'Les langages de programmation'],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'Cela implique de savoir comment appliquer la technologie aux flux de travail, de créer des invites de qualité et de comprendre les résultats générés par les robots.',
    headline: null,
    nounPhrases: ['La technologie aux flux de travail', 'Des invites de qualité'],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      '« En tant que startup en croissance rapide dans un domaine de niche comme l’IA, nous sommes confrontés à une concurrence féroce de la part de grandes entreprises et d’acteurs plus établis dans l’industrie », a déclaré Coronini à BI.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'Pourtant, les recruteurs qui ont parlé à BI reconnaissent que l’IA générative est encore relativement nouvelle et que les entreprises ont besoin de temps pour rattraper leur retard – mais elles le feront.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      'Hugging Face propose désormais des ressources éducatives publiques telles que des vidéos et des didacticiels pour aider les développeurs à en apprendre davantage sur le traitement du langage naturel, entre autres sujets connexes.',
    headline: null,
    nounPhrases: ['Des ressources éducatives publiques', 'Le traitement du langage naturel'],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      '« Chaque fois que vous possédez un nouvel ensemble de compétences, c’est comme dans le Far West, et tout le monde se précipite pour accéder à la crème de la crème en matière d’embauche. »',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'examples/talents-ia.txt',
    sentence:
      '« Quelqu’un qui s’intéresse vraiment à l’IA va se battre pour un employeur qui aura ce dont il a besoin pour réussir », dit-elle.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: 'Le chantier est pourtant immense.',
    headline: 'Le chantier est pourtant immense',
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: 'De quoi pousser les propriétaires bailleurs à engager des travaux, en théorie du moins.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: 'Ils ont mis près de dix-huit mois à boucler leur projet.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: 'Leur facture annuelle de chauffage est passée de 2 900 euros à un peu moins de 900 euros.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: 'Le premier frein reste la complexité.',
    headline: 'Le premier frein reste la complexité',
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence:
      "D'après une étude de l'association Habitat Solidaire Rhône-Alpes, près d'un propriétaire éligible sur trois abandonne sa demande avant le dépôt du dossier complet.",
    headline: null,
    nounPhrases: ["Une étude de l'association", 'Un propriétaire éligible', 'Le dépôt du dossier complet'],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: 'Le dispositif est largement pris en charge pour les foyers aux revenus modestes.',
    headline: null,
    nounPhrases: ['Les foyers aux revenus modestes'],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: "Le second frein tient à la main-d'œuvre.",
    headline: "Le second frein tient à la main-d'œuvre",
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence:
      "Beaucoup jugent les démarches trop lourdes pour une activité qui reste, pour eux, secondaire face à la construction neuve ou à l'entretien courant.",
    headline: null,
    nounPhrases: ['La construction neuve'],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: 'Les fraudes ont également laissé des traces.',
    headline: 'Les fraudes ont également laissé des traces',
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence:
      'Mais le soupçon demeure, et de nombreux ménages préfèrent désormais ne rien engager plutôt que de risquer une mauvaise surprise.',
    headline: null,
    nounPhrases: ['Une mauvaise surprise'],
  },
  {
    source: 'html-page-noise/input.html',
    sentence:
      "Même avec des subventions qui peuvent couvrir jusqu'à 80 % de la dépense pour les ménages les plus modestes, l'effort reste considérable pour les classes moyennes, trop aisées pour les aides maximales mais pas assez pour avancer la trésorerie.",
    headline: null,
    nounPhrases: ['La dépense pour les ménages', 'Les aides maximales'],
  },
  {
    source: 'html-page-noise/input.html',
    sentence:
      "« Ce dont le secteur a besoin, ce n'est pas d'un nouveau dispositif, c'est de garder le même pendant cinq ans », résume Marc Delorme.",
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence:
      "« Cet hiver, pour la première fois, on n'a pas eu froid dans la chambre des enfants », sourit Élodie.",
    headline: null,
    nounPhrases: [],
  },
  // Issue 12 on the real-article corpus: no connector left in front, no two clauses, no tweet, no label.
  {
    source: 'test/corpus/fr-md-jekyll-laissez-moi-respirer',
    sentence:
      "Mais malheureusement, ceux qui nous le demandent sont ceux qui en ont le plus rien à foutre, l'écologie fait vendre de toute façon, elle fait élire.",
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'test/corpus/fr-md-jekyll-cheminement-securite',
    sentence: "Les pirates sont des personnes intelligentes, j'apprécie et adopte leur état d'esprit.",
    // The first main clause stands alone; the second, after its comma, is the author's aside.
    headline: 'Les pirates sont des personnes intelligentes',
    nounPhrases: ['Des personnes intelligentes'],
  },
  {
    source: 'test/corpus/fr-md-jekyll-cheminement-securite',
    sentence: "next milestone: comment votre ordinateur n'enregistre pas les mots de passe",
    headline: null,
    nounPhrases: ['Les mots de passe'],
  },
  {
    source: 'test/corpus/fr-md-eleventy-sav-truffaut',
    sentence: "@Truffaut bonjour, je l'ai acheté au magasin de Grigny l'été dernier",
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'test/corpus/fr-md-jekyll-diceware',
    sentence: 'Mais il y a une solution pour cela : les gestionnaires de mots de passe !',
    headline: null,
    nounPhrases: ['Les gestionnaires de mots de passe'],
  },
  {
    source: 'test/corpus/fr-md-eleventy-lapeyre',
    sentence: "Le lendemain, j'ai une date de livraison pour la pièce aux bonnes dimensions.",
    headline: null,
    nounPhrases: ['Une date de livraison pour la pièce'],
  },
  {
    source: 'test/corpus/fr-md-eleventy-lapeyre',
    sentence: "L'installateur vient enfin poser la pièce manquante, c'est fini, je suis tranquille !!!",
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: "Pompe à chaleur air-eau : combien coûte vraiment l'installation ?",
    headline: "Pompe à chaleur air-eau : combien coûte vraiment l'installation ?",
    nounPhrases: [],
  },
  {
    source: 'html-page-noise/input.html',
    sentence: 'DPE et location : le calendrier des interdictions',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "Chaque jour ouvré, plus de quatre millions de voyageurs s'engouffrent dans les couloirs du métro parisien.",
    headline: null,
    nounPhrases: ['Quatre millions de voyageurs', 'Les couloirs du métro parisien'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "Il doit aujourd'hui relever des défis que ses bâtisseurs n'imaginaient pas : la saturation, la chaleur, l'accessibilité et l'extension vers une banlieue devenue le cœur de la métropole.",
    headline: null,
    nounPhrases: ['Le cœur de la métropole'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: "Pendant près de quarante ans, deux visions s'affrontent.",
    headline: "Deux visions s'affrontent",
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'Ce bras de fer, à la fois technique et politique, retarde tous les projets et condamne la ville à des omnibus à chevaux de plus en plus encombrés.',
    headline: null,
    nounPhrases: ['La ville à des omnibus à chevaux'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "Pour empêcher définitivement toute circulation des trains des grandes compagnies, les ingénieurs choisissent des voitures étroites, d'à peine 2,40 mètres de large, et des tunnels au gabarit réduit.",
    headline: null,
    nounPhrases: ['Des voitures étroites', 'Des tunnels au gabarit'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'Il privilégie une méthode simple et rapide : creuser à faible profondeur, en suivant le tracé des grandes avenues, pour limiter les expropriations et les coûts.',
    headline: null,
    nounPhrases: ['Une méthode simple', 'Des grandes avenues'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'La première ligne ouvre le 19 juillet 1900, en pleine Exposition universelle, entre la Porte de Vincennes et la Porte Maillot.',
    headline: null,
    nounPhrases: ['La Porte de Vincennes', 'La Porte Maillot'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "Les lignes suivantes s'enchaînent à un rythme soutenu, si bien qu'à la veille de la Première Guerre mondiale, l'essentiel de la trame actuelle est déjà tracé sous la rive droite comme sous la rive gauche.",
    headline: null,
    nounPhrases: ['Un rythme soutenu', 'La rive droite'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'Une partie de la presse les juge bizarres, voire disgracieux, et plusieurs ont été démontés au fil du XXe siècle.',
    headline: null,
    nounPhrases: ['Une partie de la presse'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: 'Au fil des décennies, le réseau est aussi devenu un lieu de culture à part entière.',
    headline: 'Le réseau est aussi devenu un lieu de culture à part entière',
    nounPhrases: ['Un lieu de culture à part entière'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "Le cinéma s'empare lui aussi des couloirs et des quais, tandis que des centaines de musiciens, sélectionnés chaque année lors d'auditions, jouent dans les correspondances.",
    headline: "Le cinéma s'empare lui aussi des couloirs et des quais",
    nounPhrases: ['Des centaines de musiciens'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: 'Le 10 août 1903, un incendie se déclare sur une rame à la station Couronnes.',
    headline: 'Un incendie se déclare sur une rame à la station Couronnes',
    nounPhrases: ['Une rame à la station'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "De nombreuses règles de sécurité appliquées aujourd'hui dans le réseau trouvent leur origine dans cette nuit tragique.",
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'Ses stations se distinguent par leurs décors soignés et leurs noms de destination inscrits en céramique au-dessus des tunnels.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: 'Dans les années 1930, le métro franchit pour la première fois les limites de Paris.',
    headline: 'Le métro franchit pour la première fois les limites de Paris',
    nounPhrases: ['Les limites de Paris'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: 'La Seconde Guerre mondiale interrompt brutalement cet élan.',
    // « cet élan » points to the paragraph before: a heading is read before its section.
    headline: null,
    nounPhrases: ['La Seconde Guerre mondiale'],
  },
  {
    // « la pièce est incomplète » has its verb: no apposition to drop (not « Ah non il manque le joint »);
    // an interjection opens no heading.
    source: 'corpus/fr-md-eleventy-lapeyre',
    sentence:
      'Ah non, la pièce est incomplète, il manque le joint, on ne peut pas la poser comme ça mon bon monsieur, vous comprenez…',
    headline: null,
    nounPhrases: [],
  },
  {
    // The author announcing the plan: neither the sentence nor « La définition aux pirates informatiques ».
    source: 'corpus/fr-md-jekyll-cheminement-securite',
    sentence: 'Cependant à des fins de clarté, nous réduirons la définition aux pirates informatiques.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'corpus/fr-md-jekyll-diceware',
    sentence: 'Chacun de ces mots est couplé avec un nombre.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: "À la Libération, l'organisation du transport public est entièrement repensée.",
    headline: "L'organisation du transport public est entièrement repensée",
    nounPhrases: ["L'organisation du transport public"],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: 'Elle lance alors un programme de modernisation ambitieux.',
    headline: null,
    nounPhrases: ['Un programme de modernisation'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: 'La grande révolution des décennies suivantes se joue cependant plus en profondeur.',
    headline: 'La grande révolution des décennies suivantes se joue cependant plus en profondeur',
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: "« Le RER a changé la géographie mentale de l'Île-de-France.",
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'La ligne 14, baptisée Météor pendant sa construction, ouvre le 15 octobre 1998 entre la Madeleine et la Bibliothèque François-Mitterrand.',
    headline: null,
    nounPhrases: ['La Bibliothèque François-Mitterrand'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "Il se révèle pourtant si concluant que la régie décide d'automatiser la ligne 1, la plus fréquentée du réseau, sans interrompre le service, une opération menée jusqu'en 2012, avant d'engager le même chantier sur la ligne 4.",
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'Sur certaines lignes, aux heures de pointe, la densité dépasse quatre personnes par mètre carré.',
    headline: 'La densité dépasse quatre personnes par mètre carré',
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "On arrive au travail déjà épuisé », témoigne Sandrine Pereira, aide-soignante qui l'emprunte chaque jour depuis Saint-Denis.",
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'Son tracé ne converge plus vers le centre de Paris, comme celui du métro historique, mais dessine une rocade qui relie les banlieues entre elles.',
    headline: null,
    nounPhrases: ['Le centre de Paris'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "Les tunneliers doivent traverser des couches de gypse, d'argile et d'anciennes carrières, et plusieurs gares sont creusées à plus de cinquante mètres de profondeur.",
    headline: null,
    nounPhrases: ['Des couches de gypse'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'Il est normal que tout ne se passe pas comme prévu, mais chaque retard se paie en heures perdues pour les habitants de banlieue », observe Bertrand Oliveira, urbaniste spécialiste des mobilités.',
    headline: null,
    nounPhrases: ['Les habitants de banlieue'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence: "Parmi les lignes de métro, seule la ligne 14 est aujourd'hui entièrement accessible.",
    headline: null,
    nounPhrases: ['Les lignes de métro'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "La régie rappelle que l'installation d'ascenseurs dans des stations centenaires, coincées entre des immeubles, des égouts et d'autres lignes, représente un casse-tête technique et financier.",
    headline: null,
    nounPhrases: ['Des stations centenaires', 'Un casse-tête technique'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      "Elles citent en exemple des villes comme Londres, où un programme d'aménagement progressif a permis de rendre accessibles des dizaines de stations anciennes.",
    headline: null,
    nounPhrases: ["Un programme d'aménagement progressif", 'Des dizaines de stations anciennes'],
  },
  {
    source: 'long-no-headings/input.txt',
    sentence:
      'Lors des canicules, la température peut dépasser 35 degrés dans certaines rames anciennes dépourvues de climatisation.',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'test/corpus/fr-txt-title-first-line',
    // The author's « je » is an aside, not a section's topic (was « Je ne sais pas si on fera mieux »).
    sentence:
      'Franchement, je ne sais pas si on fera mieux, mais on ne fera pas pire, et au moins, nous, on aura essayé...',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'test/corpus/fr-md-jekyll-cheminement-securite',
    // « Parfois, … » kept its opener: dropping it would change the claim, keeping it is no heading.
    sentence:
      "Parfois, la faille est quelque chose que vous ne pouvez pas contrôler, comme un bug dans votre système d'exploitation (ou une porte dérobée...), mais ils deviennent très rares.",
    headline: null,
    nounPhrases: ['Une porte dérobée'],
  },
  {
    source: 'test/corpus/fr-md-eleventy-sav-truffaut',
    // « dans la foulée de » is a locution (was « La foulée de l'envoi »); « un nouveau » names nothing.
    sentence:
      "Et dans la foulée de l'envoi de ces infos, le directeur — en personne — du magasin où j'ai acheté ce minuteur m'appelle pour m'annoncer qu'ils vont le reprendre et m'en fournir un nouveau en échange, tout neuf et de gamme supérieure !",
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'test/corpus/fr-md-jekyll-long-bugs-du-cerveau',
    // A subordinate clause alone is no heading.
    sentence: 'A moins que ce ne soit le cas, au fond...',
    headline: null,
    nounPhrases: [],
  },
  {
    source: 'test/corpus/fr-md-jekyll-long-bugs-du-cerveau',
    // « distinguer le vrai du faux »: adjectives used as nouns name nothing under a heading.
    sentence:
      "Le danger inhérent à l'utilisation, à fortiori involontaire, du bon sens est donc la perte en tout ou partie de cette capacité à juger correctement et distinguer le vrai du faux.",
    headline: null,
    nounPhrases: ["Le danger inhérent à l'utilisation"],
  },
  {
    source: 'test/corpus/fr-txt-title-first-line',
    // « émergent » after « des conflits » is their verb (was « Des conflits d’intérêt émergent »).
    sentence:
      "A tous ceux qui n'avouent pas le novlang qui nous a été imposé par les media au travers des mots démocratie, croissance, chômage, terrorisme, inflation, PIB, SDF, piratage, dark web, ... et qui n'avouent pas que des conflits d'intérêt émergent nécessairement d'avoir nos media, parmi les plus consultés, détenus par de puissants industriels.",
    headline: null,
    nounPhrases: ["Des conflits d'intérêt"],
  },
  {
    source: 'test/corpus/fr-md-eleventy-sav-truffaut',
    // « à Truffaut » completes « faire gagner », not « des points ».
    sentence:
      'De quoi faire gagner des points importants à Truffaut dans mon estime, ce qui vaut bien un tweet et ce billet de remerciement.',
    headline: null,
    nounPhrases: ['Des points importants'],
  },
  {
    source: 'test/corpus/fr-md-jekyll-long-bugs-du-cerveau',
    // « pensée » heads its complement: no participle waiting for one.
    sentence:
      "Ce n'est pas un exercice facile, car on a du mal à attribuer nos comportements à des schémas de pensée inconscients, par orgueil ou par illusion de contrôle.",
    headline: null,
    nounPhrases: ['Un exercice facile', 'Des schémas de pensée'],
  },
  {
    source: 'invented, as a reader asks it',
    // A question stands alone even when it opens on « Quand ».
    sentence: 'Quand faut-il changer de mot de passe ?',
    headline: 'Quand faut-il changer de mot de passe ?',
    nounPhrases: [],
  },
];

describe('headings from complete grammatical units', () => {
  it('the table has at least 40 real sentences', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('$sentence', ({ sentence, headline, nounPhrases: phrases }) => {
    expect(extractHeadline(sentence, { lexicon })?.text ?? null).toBe(headline);
    expect(nounPhrases(sentence, { lexicon }).map((phrase) => phrase.text)).toEqual(phrases);
  });

  it.each(cases)('every unit passes the lexicon check and is extractive: $sentence', ({ sentence }) => {
    const units = [extractHeadline(sentence, { lexicon }), ...nounPhrases(sentence, { lexicon })];
    for (const unit of units) {
      if (!unit) continue;
      expect(isCompleteHeading(unit.text, lexicon), unit.text).toBe(true);
      const tokens = tokenizeWords(unit.text);
      const last = tokens[tokens.length - 1];
      expect(isFunctionWord(normalizeWord(last?.text ?? ''))).toBe(false);
      expect(tokens.filter((token) => token.kind !== 'elision').length).toBeLessThanOrEqual(12);
      const sourceWords = tokenizeWords(sentence).map((token) => normalizeWord(token.text));
      let from = 0;
      for (const token of tokens) {
        const found = sourceWords.indexOf(normalizeWord(token.text), from);
        expect(found, token.text).toBeGreaterThanOrEqual(0);
        from = found + 1;
      }
      expect(unit.text).toMatch(/^\p{Lu}/u);
    }
  });

  it('headlineFromSentence returns the text of extractHeadline', () => {
    for (const { sentence } of cases) {
      expect(headlineFromSentence(sentence, { lexicon })).toBe(
        extractHeadline(sentence, { lexicon })?.text ?? null,
      );
    }
  });
});

describe('the fragments the issue reported are refused', () => {
  it.each([
    'Les recruteurs affirment que les startups et les petites entreprises',
    'Les entreprises plus grandes et mieux établies ont tendance',
    'Une rénovation complète coûte en moyenne',
    'Et pour les réveiller',
    'Le nom d’un des sentiers croisés de la',
    'Big Tech est prêt',
    'Les salaires pourraient',
    'Ou plutôt que vous comprenez pourquoi cela n’est pas pertinent, combattez-là',
  ])('%s', (fragment) => {
    expect(isCompleteHeading(fragment, lexicon)).toBe(false);
  });

  it.each([
    'Lorsque le réseau sature.',
    'Je pense que les biais cognitifs sont partout.',
    'Souvent, les utilisateurs choisissent des mots de passe faciles.',
  ])('« %s » is no heading sentence', (sentence) => {
    expect(extractHeadline(sentence, { lexicon })).toBeNull();
  });

  it('a sentence longer than twelve words is never cut to make a heading', () => {
    const sentence =
      'Les recruteurs affirment que les startups et les petites entreprises ne peuvent pas rivaliser avec les salaires des géants.';
    expect(extractHeadline(sentence, { lexicon })).toBeNull();
  });

  it.each([
    ['Une pénurie de talents en IA se fait sentir.', 'Une pénurie de talents en IA'],
    [
      'Des salaires à sept chiffres pour les spécialistes attirent les chercheurs.',
      'Des salaires à sept chiffres pour les spécialistes',
    ],
  ])('noun phrase of « %s »', (sentence, expected) => {
    expect(nounPhrases(sentence, { lexicon })[0]?.text).toBe(expected);
  });
});

describe('without the full lexicon', () => {
  it('the closed classes still refuse a heading ending on a grammar word', () => {
    expect(isCompleteHeading('Les salaires des', closedClassLexicon)).toBe(false);
    expect(isCompleteHeading('Les salaires des ingénieurs', closedClassLexicon)).toBe(true);
  });

  it('a sentence whose verb cannot be seen is not taken for a heading', () => {
    expect(extractHeadline('Les salaires grimpent vite.', { lexicon: closedClassLexicon })).toBeNull();
    expect(extractHeadline('Les salaires grimpent vite.', { lexicon })?.text).toBe(
      'Les salaires grimpent vite',
    );
  });
});
