import { formatFrenchNumber } from '../lang/fr/format-number.js';
import { fixTypography } from '../lang/fr/typography.js';
import type { MessageParams } from './assessment.js';

type Template = (params: MessageParams) => string;

/** French names of the typography issue kinds. */
const TYPOGRAPHY_KIND_LABELS: Readonly<Record<string, string>> = {
  'space-before-colon': 'espace insécable avant « : »',
  'space-before-semicolon': 'espace fine avant « ; »',
  'space-before-exclamation': 'espace fine avant « ! »',
  'space-before-question': 'espace fine avant « ? »',
  'space-inside-guillemets': 'espaces insécables dans les guillemets',
  'straight-apostrophe': 'apostrophe droite',
  'double-space': 'doubles espaces',
  'straight-quotes': 'guillemets droits',
  'english-quotes': 'guillemets anglais “ ”',
  'space-in-number': 'espace fine insécable dans les nombres',
  'space-before-unit': 'espace fine insécable avant l’unité',
  'spaced-ellipsis': 'points de suspension « … »',
  'doubled-period': 'point doublé',
  'space-before-comma': 'espace avant la virgule',
  'space-before-period': 'espace avant le point',
  'capital-preposition': '« À » sans accent',
  'capital-accent': 'majuscule sans accent',
};

/** Names of the assessments as the report shows them. */
export const ASSESSMENT_TITLES_FR: Readonly<Record<string, string>> = {
  'keyphrase-length': 'Longueur de l’expression-clé',
  'keyphrase-in-title': 'Expression-clé dans le titre SEO',
  'title-width': 'Largeur du titre SEO',
  'meta-description-length': 'Longueur de la méta-description',
  'keyphrase-in-meta-description': 'Expression-clé dans la méta-description',
  'keyphrase-in-slug': 'Expression-clé dans le slug',
  'keyphrase-in-introduction': 'Expression-clé dans l’introduction',
  'keyphrase-density': 'Densité de l’expression-clé',
  'keyphrase-in-subheadings': 'Expression-clé dans les intertitres',
  'competing-links': 'Liens concurrents',
  'single-h1': 'Titre H1 unique',
  'text-length': 'Longueur du texte',
  'heading-hierarchy': 'Hiérarchie des titres',
  'duplicate-headings': 'Intertitres en double',
  'outbound-links': 'Liens sortants',
  'internal-links': 'Liens internes',
  images: 'Images',
  'keyphrase-in-image-alt': 'Expression-clé dans le texte alternatif',
  'sentence-length': 'Longueur des phrases',
  'paragraph-length': 'Longueur des paragraphes',
  'subheading-distribution': 'Répartition des intertitres',
  'passive-voice': 'Voix passive',
  'transition-words': 'Mots de transition',
  'consecutive-sentences': 'Débuts de phrases répétés',
  'flesch-reading-ease': 'Facilité de lecture (Flesch)',
  'french-language': 'Langue française',
  'french-typography': 'Typographie française',
};

const FLESCH_BANDS_FR: Readonly<Record<string, string>> = {
  'very-easy': 'très facile',
  easy: 'facile',
  'fairly-easy': 'plutôt facile',
  standard: 'standard',
  'fairly-difficult': 'plutôt difficile',
  difficult: 'difficile',
  'very-difficult': 'très difficile',
};

const LANGUAGE_NAMES_FR: Readonly<Record<string, string>> = {
  fr: 'français',
  en: 'anglais',
  es: 'espagnol',
  de: 'allemand',
  it: 'italien',
  pt: 'portugais',
  nl: 'néerlandais',
};

const plural = (count: string | number | undefined, one: string, many: string) =>
  Number(count) > 1 ? many : one;
const number = (value: string | number | undefined) =>
  typeof value === 'number' ? formatFrenchNumber(value) : String(value ?? '');

const MESSAGES: Readonly<Record<string, Template>> = {
  'keyphrase-length.missing': () =>
    'Aucune expression-clé : indiquez celle que vous visez pour évaluer le référencement.',
  'keyphrase-length.good': (p) =>
    `L’expression-clé compte ${p.count} ${plural(p.count, 'mot', 'mots')} significatif${plural(p.count, '', 's')}. Bien.`,
  'keyphrase-length.long': (p) =>
    `L’expression-clé compte ${p.count} mots significatifs : au-delà de ${p.max}, elle est rarement tapée telle quelle.`,
  'keyphrase-length.too-long': (p) =>
    `L’expression-clé compte ${p.count} mots significatifs, bien plus que ${p.max} : raccourcissez-la.`,
  'keyphrase-in-title.start': () => 'Le titre SEO commence par l’expression-clé exacte. Bien.',
  'keyphrase-in-title.not-start': () =>
    'Le titre SEO contient l’expression-clé, mais pas au début : placez-la en tête.',
  'keyphrase-in-title.words': () =>
    'Le titre SEO contient les mots de l’expression-clé, mais pas l’expression exacte.',
  'keyphrase-in-title.none': () => 'Le titre SEO ne contient pas l’expression-clé.',
  'title-width.missing': () => 'Aucun titre SEO : ajoutez-en un.',
  'title-width.good': (p) => `Le titre SEO mesure ${p.width} px sur ${p.max} px disponibles. Bien.`,
  'title-width.short': (p) =>
    `Le titre SEO ne mesure que ${p.width} px sur ${p.max} px : il reste de la place pour le préciser.`,
  'title-width.too-wide': (p) =>
    `Le titre SEO mesure ${p.width} px : Google le coupera au-delà de ${p.max} px.`,
  'meta-description-length.missing': () => 'Aucune méta-description : Google en choisira une dans le texte.',
  'meta-description-length.good': (p) =>
    `La méta-description compte ${p.length} caractères (entre ${p.min} et ${p.max}). Bien.`,
  'meta-description-length.short': (p) =>
    `La méta-description ne compte que ${p.length} caractères : visez ${p.min} à ${p.max}.`,
  'meta-description-length.long': (p) =>
    `La méta-description compte ${p.length} caractères : au-delà de ${p.max}, elle sera coupée.`,
  'keyphrase-in-meta-description.good': (p) =>
    `L’expression-clé apparaît ${p.count} fois dans la méta-description. Bien.`,
  'keyphrase-in-meta-description.none': () => 'La méta-description ne contient pas l’expression-clé.',
  'keyphrase-in-meta-description.too-many': (p) =>
    `L’expression-clé apparaît ${p.count} fois dans la méta-description : ${p.max} au plus.`,
  'keyphrase-in-slug.good': () => 'Le slug contient l’expression-clé. Bien.',
  'keyphrase-in-slug.partial': (p) =>
    `Le slug ne contient que ${Number(p.found) === 1 ? 'un' : p.found} des ${p.total} mots de l’expression-clé.`,
  'keyphrase-in-slug.none': () => 'Le slug ne contient pas l’expression-clé.',
  'keyphrase-in-slug.missing': () => 'Aucun slug : indiquez l’adresse de la page, avec l’expression-clé.',
  'keyphrase-in-introduction.good': () =>
    'L’introduction contient l’expression-clé dans une même phrase. Bien.',
  'keyphrase-in-introduction.spread': () =>
    'Les mots de l’expression-clé sont dans l’introduction, mais pas dans une même phrase.',
  'keyphrase-in-introduction.none': () =>
    'L’introduction (premier paragraphe) ne contient pas l’expression-clé.',
  'keyphrase-in-introduction.no-paragraph': () =>
    'Aucun paragraphe d’introduction avant le premier intertitre.',
  'keyphrase-density.good': (p) =>
    `Densité de l’expression-clé : ${number(p.density)} % (${p.count} occurrences). Bien.`,
  'keyphrase-density.low': (p) =>
    `Densité de l’expression-clé : ${number(p.density)} % (${p.count} ${plural(p.count, 'occurrence', 'occurrences')}), sous les ${number(p.min)} % visés.`,
  'keyphrase-density.high': (p) =>
    `Densité de l’expression-clé : ${number(p.density)} % (${p.count} occurrences), au-delà de ${number(p.max)} % : cela ressemble à du bourrage.`,
  'keyphrase-density.stuffing': (p) =>
    `Densité de l’expression-clé : ${number(p.density)} % (${p.count} occurrences), au-delà de ${number(p.max)} % : c’est du bourrage de mots-clés, que les moteurs pénalisent. Remplacez des occurrences par des synonymes ou des pronoms.`,
  'keyphrase-density.none': () => 'L’expression-clé n’apparaît pas dans le texte.',
  'keyphrase-in-subheadings.good': (p) =>
    `${p.found} intertitre${plural(p.found, '', 's')} H2/H3 sur ${p.total} contien${plural(p.found, 't', 'nent')} l’expression-clé (${number(p.percent)} %). Bien.`,
  'keyphrase-in-subheadings.few': (p) =>
    `${Number(p.found) > 1 ? `Seuls ${p.found} intertitres H2/H3` : 'Un seul intertitre H2/H3'} sur ${p.total} contien${plural(p.found, 't', 'nent')} l’expression-clé (${number(p.percent)} %, visez ${p.min} à ${p.max} %).`,
  'keyphrase-in-subheadings.many': (p) =>
    `${p.found} intertitres H2/H3 sur ${p.total} contiennent l’expression-clé (${number(p.percent)} %) : au-delà de ${p.max} %, c’est trop.`,
  'keyphrase-in-subheadings.no-subheadings': (p) =>
    `Aucun intertitre H2/H3 dans un texte de ${number(p.words)} mots : ajoutez-en, dont certains avec l’expression-clé.`,
  'keyphrase-in-subheadings.none': (p) =>
    Number(p.total) > 1
      ? `Aucun des ${p.total} intertitres H2/H3 ne contient l’expression-clé.`
      : 'L’unique intertitre H2/H3 ne contient pas l’expression-clé.',
  'single-h1.good': () => 'L’article a un seul titre H1. Bien.',
  'single-h1.none': () => 'Aucun titre H1 dans le texte : vérifiez que votre CMS affiche le titre en H1.',
  'single-h1.many': (p) => `L’article a ${p.count} titres H1 : gardez-en un seul.`,
  'text-length.good': (p) => `Le texte compte ${number(p.words)} mots (minimum ${number(p.min)}). Bien.`,
  'text-length.short': (p) =>
    `Le texte compte ${number(p.words)} mots, un peu moins que les ${number(p.min)} visés.`,
  'text-length.too-short': (p) =>
    `Le texte ne compte que ${number(p.words)} mots, loin des ${number(p.min)} visés.`,
  'text-length.far-too-short': (p) =>
    `Le texte ne compte que ${number(p.words)} mots : il en faut au moins ${number(p.min)}.`,
  'text-length.thin': (p) =>
    `Le texte ne compte que ${number(p.words)} mots : une page de moins de 200 mots passe pour du contenu pauvre et se classe mal ; il en faut au moins ${number(p.min)}.`,
  'text-length.almost-empty': (p) =>
    `Le texte ne compte que ${number(p.words)} mots : une page de moins de 100 mots est presque vide pour un moteur de recherche ; il en faut au moins ${number(p.min)}.`,
  'heading-hierarchy.good': () => 'Les niveaux de titres se suivent sans saut. Bien.',
  'heading-hierarchy.skipped': (p) =>
    `${p.count} titre${plural(p.count, ' saute', 's sautent')} un niveau, dont « ${p.heading} » (H${p.depth}).`,
  'duplicate-headings.good': () => 'Aucun intertitre en double. Bien.',
  'duplicate-headings.found': (p) =>
    `${p.count} intertitre${plural(p.count, ' répète', 's répètent')} un autre, dont « ${p.heading} ».`,
  'competing-links.good': () => 'Aucun lien n’a l’expression-clé pour texte. Bien.',
  'competing-links.found': (p) =>
    Number(p.count) === 1
      ? `Un lien a l’expression-clé dans son texte (« ${p.text} ») : il envoie le lecteur vers une autre page sur le sujet même de l’article. Changez le texte du lien ou l’expression-clé.`
      : `${p.count} liens ont l’expression-clé dans leur texte, dont « ${p.text} » : ils envoient le lecteur vers d’autres pages sur le sujet même de l’article. Changez leur texte ou l’expression-clé.`,
  'outbound-links.good': (p) =>
    `${p.count} lien${plural(p.count, '', 's')} sortant${plural(p.count, '', 's')}. Bien.`,
  'outbound-links.none': () => 'Aucun lien sortant : citez vos sources par un lien.',
  'internal-links.good': (p) =>
    `${p.count} lien${plural(p.count, '', 's')} interne${plural(p.count, '', 's')}. Bien.`,
  'internal-links.none': () => 'Aucun lien interne : ajoutez des liens vers d’autres pages du site.',
  'images.good': (p) => `${p.count} image${plural(p.count, '', 's')}, toutes avec un texte alternatif. Bien.`,
  'images.none': () => 'Aucune image : une illustration avec un texte alternatif aide le référencement.',
  'images.missing-alt': (p) =>
    `${p.missing} image${plural(p.missing, '', 's')} sur ${p.count} sans texte alternatif.`,
  'keyphrase-in-image-alt.good': (p) =>
    `${p.found} texte${plural(p.found, '', 's')} alternatif${plural(p.found, '', 's')} sur ${p.count} contien${plural(p.found, 't', 'nent')} l’expression-clé. Bien.`,
  'keyphrase-in-image-alt.none': () => 'Aucun texte alternatif d’image ne contient l’expression-clé.',
  'keyphrase-in-image-alt.all': (p) =>
    Number(p.found) === Number(p.count)
      ? `Les ${p.count} textes alternatifs contiennent tous l’expression-clé : variez-les.`
      : `${p.found} textes alternatifs sur ${p.count} contiennent l’expression-clé : c’est trop, variez-les.`,
  'keyphrase-in-image-alt.few': (p) =>
    `${Number(p.found) === 1 ? 'Un seul texte alternatif' : `Seuls ${p.found} textes alternatifs`} sur ${p.count} contien${plural(p.found, 't', 'nent')} l’expression-clé : visez au moins 30 %.`,
  'keyphrase-in-image-alt.no-images': () =>
    'Aucune image : ajoutez-en une dont le texte alternatif contient l’expression-clé.',
  'sentence-length.good': (p) =>
    `${number(p.percent)} % des phrases dépassent ${p.words} mots (${p.max} % au plus). Bien.`,
  'sentence-length.ok': (p) =>
    `${number(p.percent)} % des phrases dépassent ${p.words} mots, un peu plus que les ${p.max} % conseillés.`,
  'sentence-length.bad': (p) =>
    `${number(p.percent)} % des phrases dépassent ${p.words} mots, bien plus que les ${p.max} % conseillés : raccourcissez-les.`,
  'paragraph-length.good': (p) => `Aucun paragraphe ne dépasse ${p.max} mots. Bien.`,
  'paragraph-length.ok': (p) =>
    `${p.count} paragraphe${plural(p.count, ' dépasse', 's dépassent')} ${p.max} mots (le plus long : ${p.longest}).`,
  'paragraph-length.bad': (p) =>
    `${p.count} paragraphe${plural(p.count, ' dépasse', 's dépassent')} ${p.max} mots (le plus long : ${p.longest}) : coupez-les.`,
  'subheading-distribution.good': (p) => `Aucune section ne dépasse ${p.max} mots. Bien.`,
  'subheading-distribution.short-text': (p) => `Texte de moins de ${p.max} mots : pas besoin d’intertitres.`,
  'subheading-distribution.none': (p) =>
    `${number(p.words)} mots sans aucun intertitre : ajoutez un H2 au moins tous les ${p.max} mots.`,
  'subheading-distribution.ok': (p) =>
    `${p.count} section${plural(p.count, ' dépasse', 's dépassent')} ${p.max} mots (la plus longue : ${p.longest}).`,
  'subheading-distribution.bad': (p) =>
    `${p.count} section${plural(p.count, ' dépasse', 's dépassent')} ${p.max} mots (la plus longue : ${p.longest}) : ajoutez des intertitres.`,
  'passive-voice.good': (p) =>
    `${number(p.percent)} % des phrases sont à la voix passive (${p.max} % au plus). Bien.`,
  'passive-voice.ok': (p) =>
    `${number(p.percent)} % des phrases sont à la voix passive, un peu plus que les ${p.max} % conseillés.`,
  'passive-voice.bad': (p) =>
    `${number(p.percent)} % des phrases sont à la voix passive, bien plus que les ${p.max} % conseillés.`,
  'transition-words.good': (p) =>
    `${number(p.percent)} % des phrases contiennent un mot de transition (${p.min} % au moins). Bien.`,
  'transition-words.ok': (p) =>
    `${number(p.percent)} % des phrases contiennent un mot de transition, un peu moins que les ${p.min} % conseillés.`,
  // « 0 % seulement des phrases… » reads oddly: none is « aucune », a few « seulement N % ».
  'transition-words.bad': (p) =>
    p.count === 0 || p.percent === 0
      ? `Aucune phrase ne contient de mot de transition (au moins ${p.min} % conseillés) : reliez vos idées (« ainsi », « en revanche », « par exemple »).`
      : `Seulement ${number(p.percent)} % des phrases contiennent un mot de transition (au moins ${p.min} % conseillés) : reliez vos idées (« ainsi », « en revanche », « par exemple »).`,
  'consecutive-sentences.good': () => 'Jamais trois phrases de suite ne commencent par le même mot. Bien.',
  'consecutive-sentences.bad': (p) =>
    `${p.count} suite${plural(p.count, '', 's')} de trois phrases ou plus commence${plural(p.count, '', 'nt')} par le même mot (« ${p.word} ») : variez.`,
  'flesch-reading-ease.good': (p) =>
    `Score de lisibilité Flesch (Kandel et Moles) : ${number(p.score)}, ${FLESCH_BANDS_FR[p.band as string] ?? p.band}. Bien.`,
  'flesch-reading-ease.ok': (p) =>
    `Score de lisibilité Flesch (Kandel et Moles) : ${number(p.score)}, ${FLESCH_BANDS_FR[p.band as string] ?? p.band}. Des phrases et des mots plus courts aideraient.`,
  'flesch-reading-ease.bad': (p) =>
    `Score de lisibilité Flesch (Kandel et Moles) : ${number(p.score)}, ${FLESCH_BANDS_FR[p.band as string] ?? p.band}. Raccourcissez phrases et mots.`,
  'french-language.good': (p) => `Le texte est en français (confiance ${p.confidence} %). Bien.`,
  'french-language.other': (p) =>
    `Le texte semble être en ${LANGUAGE_NAMES_FR[p.language as string] ?? p.language}, pas en français (confiance ${p.confidence} %).`,
  'french-language.undetermined': () => 'Texte trop court pour en reconnaître la langue.',
  'french-language.foreign-sections': (p) =>
    `${p.count} section${plural(p.count, ' semble', 's semblent')} ne pas être en français (${LANGUAGE_NAMES_FR[p.language as string] ?? p.language}).`,
  'french-typography.good': () => 'Typographie française respectée. Bien.',
  'french-typography.few': (p) =>
    `${p.count} écart${plural(p.count, '', 's')} de typographie française : ${typographyKinds(p.kinds)}.`,
  'french-typography.many': (p) =>
    `${p.count} écarts de typographie française : ${typographyKinds(p.kinds)}.`,
};

function typographyKinds(kinds: string | number | undefined): string {
  return String(kinds ?? '')
    .split(', ')
    .filter((kind) => kind.length > 0)
    .map((kind) => TYPOGRAPHY_KIND_LABELS[kind] ?? kind)
    .join(', ');
}

/** The French sentence for a message id and its parameters. */
export function renderMessage(messageId: string, params: MessageParams = {}): string {
  const template = MESSAGES[messageId];
  if (template === undefined) throw new Error(`No French message for ${messageId}`);
  // The templates are typed with plain spaces; what the user reads follows French typography
  // (no-break spaces before « : » and inside « », « 25 % » never wrapped).
  const raw = template(params);
  let typeset = typesetMemo.get(raw);
  if (typeset === undefined) {
    typeset = fixTypography(raw);
    if (typesetMemo.size >= TYPESET_MEMO_LIMIT) typesetMemo.clear();
    typesetMemo.set(raw, typeset);
  }
  return typeset;
}

/** Most messages read the same from one article to the next (« Aucun lien sortant… »): typeset each once. */
const typesetMemo = new Map<string, string>();
const TYPESET_MEMO_LIMIT = 5_000;

/** Forgets every typeset message: for benches that measure a cold audit. */
export function clearMessageMemo(): void {
  typesetMemo.clear();
}
