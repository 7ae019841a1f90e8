import { describe, expect, it } from 'vitest';
import { sharedLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import {
  comparableUrl,
  type LinkableParagraph,
  planInternalLinks,
} from '../../src/plan/plan-internal-links.js';
import type { SitePage } from '../../src/plan/site-page.js';

const lexicon = sharedLefffLexicon();

/** A paragraph made of one text node: a link may go anywhere in it. */
function paragraph(text: string): LinkableParagraph {
  return { text, ranges: [[0, text.length]] };
}

/** The introduction stands first: its first sentence takes no link, so the cases put a neutral one there. */
const INTRO = paragraph('Voici l’introduction de l’article.');

const PASSWORDS: SitePage = {
  url: 'https://charlesaracil.github.io/Les-mots-passes-sont-depasses/',
  title: 'Les mots de passe sont dépassés',
};
const DICEWARE: SitePage = {
  url: 'https://charlesaracil.github.io/Diceware_mot_de_passe_des/',
  title: 'Diceware, mots de passe et dés',
};
const SECURITY: SitePage = {
  url: 'https://charlesaracil.github.io/Un-cheminement-iteratif-en-securite/',
  title: 'Un cheminement itératif en sécurité',
};
const BRAIN: SitePage = {
  url: 'https://charlesaracil.github.io/Les_bugs_du_cerveau/',
  title: 'Les bugs du cerveau',
};
const TRUFFAUT: SitePage = {
  url: 'https://nicolas-hoizey.com/articles/2014/04/23/l-excellent-sav-de-truffaut-via-twitter/',
  title: 'L’excellent SAV de Truffaut via Twitter',
};
const TRANSFERS: SitePage = {
  url: 'https://nicolas-hoizey.com/articles/2004/08/04/les-transferts-de-gros-fichiers-simplifies/',
  title: 'Les transferts de gros fichiers simplifiés',
};

const CRACKERS: SitePage = {
  url: 'https://charlesaracil.github.io/Les%20craqueurs%20de%20mots%20de%20passe%20ne%20devinent%20pas%20ils%20essaient/',
  title: 'Les craqueurs de mots de passe ne devinent pas ils essaient',
  titleFromAddress: true,
};

interface Case {
  name: string;
  /** Body paragraphs after the introduction (real corpus sentences). */
  text: string;
  pages: SitePage[];
  keyphrase: string;
  /** The anchor expected, or null for no link. */
  anchor: string | null;
}

const CASES: Case[] = [
  {
    name: 'a noun phrase of the title, by stem (« mot » for « mots »)',
    text: 'Le point faible peut être un bogue de sécurité, ou simplement vous, car vous auriez choisi un mot de passe facile à deviner.',
    pages: [PASSWORDS],
    keyphrase: 'politique de sécurité',
    anchor: 'mot de passe',
  },
  {
    name: 'never an anchor holding the article’s own keyphrase (a competing link)',
    text: 'Le point faible peut être un bogue de sécurité, ou simplement vous, car vous auriez choisi un mot de passe facile à deviner.',
    pages: [PASSWORDS],
    keyphrase: 'mots de passe',
    anchor: null,
  },
  {
    name: 'a lone common word never (« sécurité »)',
    text: 'Soyons clair : la sécurité parfaite n’existe pas, il y aura toujours un maillon faible.',
    pages: [SECURITY],
    keyphrase: 'maillon faible',
    anchor: null,
  },
  {
    name: 'a lone name the title sets apart (« Diceware, … »)',
    text: 'Nous introduisons ici Diceware, une méthode garantissant l’obtention d’une phrase de passe forte.',
    pages: [DICEWARE],
    keyphrase: 'phrase de passe',
    anchor: 'Diceware',
  },
  {
    name: 'a name that is one word of a longer title is not the page’s subject (« Twitter »)',
    text: 'Incroyable (ou pas), j’ai été contacté rapidement par le CM de Lapeyre, tant sur Twitter que Facebook.',
    pages: [TRUFFAUT],
    keyphrase: 'SAV de Lapeyre',
    anchor: null,
  },
  {
    name: 'the singular in the text, the plural in the title, « du » both sides',
    text: 'C’est un bug du cerveau, un comportement involontairement irrationnel.',
    pages: [BRAIN],
    keyphrase: 'biais cognitifs',
    anchor: 'bug du cerveau',
  },
  {
    name: 'the longest phrase wins, « des » matching « de »',
    text: 'Cela m’arrive régulièrement : le transfert des gros fichiers reste pénible, et les fichiers volumineux aussi.',
    pages: [TRANSFERS],
    keyphrase: 'Dropload',
    anchor: 'transfert des gros fichiers',
  },
  {
    name: 'not inside a « quote »',
    text: 'Il répond : « choisissez un mot de passe facile à retenir », puis raccroche.',
    pages: [PASSWORDS],
    keyphrase: 'service client',
    anchor: null,
  },
  {
    name: 'not across punctuation',
    text: 'Il reste le mot, de passe en passe, sans fin.',
    pages: [PASSWORDS],
    keyphrase: 'service client',
    anchor: null,
  },
  {
    name: 'a sitemap address matched without accents, the text’s words kept',
    text: 'Quoi que vous fassiez pour améliorer votre politique de sécurité, vous ne ferez que déplacer ce maillon faible.',
    pages: [
      {
        url: 'https://exemple.fr/2016/04/05/politique-de-securite/',
        title: 'politique de securite',
        titleFromAddress: true,
      },
    ],
    keyphrase: 'maillon faible',
    anchor: 'politique de sécurité',
  },
  {
    name: 'the page’s own keyphrase is preferred to the title’s phrases',
    text: 'Un mot de passe fort, ou plutôt une phrase de passe, est l’alternative moderne des mots de passe.',
    pages: [{ ...DICEWARE, keyphrase: 'phrase de passe' }],
    keyphrase: 'dés',
    anchor: 'phrase de passe',
  },
  {
    name: 'a sitemap address’s phrase of 3 words and 2 « de » (« craqueurs de mots de passe »)',
    text: 'Les craqueurs de mots de passe sont devenus extrêmement malins.',
    pages: [CRACKERS],
    keyphrase: 'attaques par dictionnaire',
    anchor: 'craqueurs de mots de passe',
  },
  {
    name: 'never a compound cut short when the whole would compete (« craqueurs de mots » + « de passe »)',
    text: 'Les craqueurs de mots de passe sont devenus extrêmement malins.',
    pages: [CRACKERS],
    keyphrase: 'mots de passe',
    anchor: null,
  },
  {
    name: 'a word spelled like an object’s property is a word like any other',
    text: 'Le constructor de la classe appelle toString sur chaque valeur.',
    pages: [{ url: '/js/', title: 'Le constructor en JavaScript' }],
    keyphrase: 'classe',
    anchor: null,
  },
  {
    name: 'no verb phrase from the title (« Laissez-moi respirer »)',
    text: 'Laissez-moi respirer, disait-il en pédalant vers son travail.',
    pages: [{ url: 'https://charlesaracil.github.io/Laissez_moi_respirer/', title: 'Laissez-moi respirer' }],
    keyphrase: 'vélo',
    anchor: null,
  },
];

describe('planInternalLinks: where the article’s own words link to the site’s pages', () => {
  it.each(CASES)('$name', ({ text, pages, keyphrase, anchor }) => {
    const links = planInternalLinks([INTRO, paragraph(text)], pages, { keyphrase, words: 300, lexicon });
    expect(links.map((link) => link.anchor)).toEqual(anchor === null ? [] : [anchor]);
    for (const link of links) expect(text.slice(link.start, link.end)).toBe(link.anchor);
  });

  it('takes no link in the introduction’s first sentence, but may in its second', () => {
    const intro =
      'Les meilleurs mots de passe sont créés en lançant des dés. Un mot de passe fort se retient.';
    const links = planInternalLinks([paragraph(intro)], [PASSWORDS], {
      keyphrase: 'dés',
      words: 300,
      lexicon,
    });
    expect(links).toEqual([
      expect.objectContaining({
        paragraph: 0,
        anchor: 'mot de passe',
        start: intro.indexOf('mot de passe fort'),
      }),
    ]);
  });

  it('never links the article’s own page, whatever the spelling of its address', () => {
    const text = 'C’est un bug du cerveau, un comportement involontairement irrationnel.';
    const links = planInternalLinks([INTRO, paragraph(text)], [BRAIN], {
      keyphrase: 'biais cognitifs',
      words: 300,
      lexicon,
      ownUrl: 'http://CharlesAracil.github.io/Les_bugs_du_cerveau',
    });
    expect(links).toEqual([]);
    expect(comparableUrl('http://Exemple.fr/a/?x=1#b')).toBe('https://exemple.fr/a');
    // A page listed by its path is the article's own page on the site, and the other way round.
    const byPath = { ...BRAIN, url: '/Les_bugs_du_cerveau/' };
    const options = { keyphrase: 'biais cognitifs', words: 300, lexicon };
    const own = 'https://charlesaracil.github.io/Les_bugs_du_cerveau/';
    expect(planInternalLinks([INTRO, paragraph(text)], [byPath], { ...options, ownUrl: own })).toEqual([]);
    expect(
      planInternalLinks([INTRO, paragraph(text)], [BRAIN], {
        ...options,
        linkedUrls: ['/Les_bugs_du_cerveau'],
      }),
    ).toEqual([]);
    // Another host's page with the same path is another page.
    expect(
      planInternalLinks([INTRO, paragraph(text)], [BRAIN], {
        ...options,
        ownUrl: 'https://autre.fr/Les_bugs_du_cerveau/',
      }),
    ).toHaveLength(1);
    expect(
      planInternalLinks([INTRO, paragraph(text)], [BRAIN], {
        ...options,
        linkedUrls: ['#Les_bugs_du_cerveau'],
      }),
    ).toHaveLength(1);
  });

  it.each([
    ['https://charlesaracil.github.io/Les_bugs_du_cerveau/', 'les_bugs_du_cerveau', 0],
    ['/blog/les_bugs_du_cerveau.html', 'les_bugs_du_cerveau', 0],
    ['https://charlesaracil.github.io/Les_bugs_du_cerveau/', 'autre-article', 1],
    ['https://charlesaracil.github.io/Les_bugs_du_cerveau/', '', 1],
  ])(
    'a page whose address ends with the article’s own slug is not linked (%s, %s)',
    (url, ownSlug, count) => {
      const text = 'Les biais cognitifs et les bugs du cerveau nous trompent chaque jour.';
      const options = { keyphrase: 'sommeil', words: 300, lexicon, ownSlug };
      expect(planInternalLinks([INTRO, paragraph(text)], [{ ...BRAIN, url }], options)).toHaveLength(count);
    },
  );

  it('stays within a text node: no link across code or an existing link', () => {
    const text = 'Choisissez un mot de passe solide.';
    // « mot de » is one node, « passe solide. » another (an emphasis boundary in the tree, say).
    const split = text.indexOf('passe');
    const links = planInternalLinks(
      [
        INTRO,
        {
          text,
          ranges: [
            [0, split],
            [split, text.length],
          ],
        },
      ],
      [PASSWORDS],
      { keyphrase: 'solide', words: 300, lexicon },
    );
    expect(links).toEqual([]);
  });

  it('one link per page, one per paragraph, one per 150 words and 5 at most', () => {
    const sentence = 'Un bug du cerveau ou un mot de passe faible, voilà le danger.';
    const paragraphs = [INTRO, ...Array.from({ length: 8 }, () => paragraph(sentence))];
    const pages = [BRAIN, PASSWORDS];
    const count = (words: number) =>
      planInternalLinks(paragraphs, pages, { keyphrase: 'danger', words, lexicon }).length;
    expect(count(149)).toBe(1);
    expect(count(300)).toBe(2);
    expect(count(5000)).toBe(2);
    const many = Array.from({ length: 9 }, (_, index) => ({
      url: `/page-${index}/`,
      title: `Bug du cerveau numéro ${index}`,
      keyphrase: `bug du cerveau`,
    }));
    expect(planInternalLinks(paragraphs, many, { keyphrase: 'danger', words: 5000, lexicon })).toHaveLength(
      5,
    );
  });
});
