import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { findTypographyIssues } from '../../src/lang/fr/typography.js';
import { createLefffLexicon } from '../../src/lexicon/lefff-lexicon.js';
import { headingId } from '../../src/write/heading-id.js';
import { polishTree } from '../../src/write/polish-article.js';
import { NBSP, NNBSP } from '../helpers/make-article.js';

const treeOf = (markdown: string): Root => parseMarkdown(markdown).tree;

function find<T extends Nodes['type']>(tree: Root, type: T): Extract<Nodes, { type: T }>[] {
  const found: Nodes[] = [];
  const visit = (node: Nodes) => {
    if (node.type === type) found.push(node);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found as Extract<Nodes, { type: T }>[];
}

function headings(tree: Root): Heading[] {
  return tree.children.filter((node): node is Heading => node.type === 'heading');
}

const MARKDOWN = `# Titre : le test

Un texte "important" avec l'apostrophe ; et [un lien : ici](https://example.com/a?x=1;y=2 "titre : t") et \`code : l'ancien\`.

- un point : le premier
- l'autre point !

> Une citation : "courte".

\`\`\`js
const a = "b" ; // l'ancien
\`\`\`

<span>html : brut</span>
`;

describe('polishTree: typography', () => {
  const source = treeOf(MARKDOWN);
  const before = structuredClone(source);
  const { tree } = polishTree(source);

  it('fixes text in headings, paragraphs, links, lists and quotes', () => {
    const texts = find(tree, 'text').map((node) => node.value);
    expect(texts).toContain(`Titre${NBSP}: le test`);
    expect(texts).toContain(`Un texte «${NBSP}important${NBSP}» avec l’apostrophe${NNBSP}; et `);
    expect(texts).toContain(`un lien${NBSP}: ici`);
    expect(texts).toContain(`un point${NBSP}: le premier`);
    expect(texts).toContain(`l’autre point${NNBSP}!`);
    expect(texts).toContain(`Une citation${NBSP}: «${NBSP}courte${NBSP}».`);
    for (const text of find(tree, 'text')) expect(findTypographyIssues(text.value)).toEqual([]);
  });

  it('leaves code, raw HTML and link URLs and titles alone', () => {
    expect(find(tree, 'inlineCode').map((node) => node.value)).toEqual(["code : l'ancien"]);
    expect(find(tree, 'code').map((node) => node.value)).toEqual(['const a = "b" ; // l\'ancien']);
    // Bare inline tags (`<span>`) no longer reach polish: ingest keeps their text and drops the tags (issue 11).
    expect(find(tree, 'html')).toEqual([]);
    const [link] = find(tree, 'link');
    expect(link?.url).toBe('https://example.com/a?x=1;y=2');
    expect(link?.title).toBe('titre : t');
  });

  it('returns a new tree and leaves the source alone', () => {
    expect(source).toEqual(before);
    expect(tree).not.toBe(source);
  });

  it('is idempotent', () => {
    const again = polishTree(tree);
    expect(again.tree).toEqual(tree);
  });
});

describe('headingId', () => {
  // GitHub's ids (github-slugger): lower case, accents kept, punctuation dropped, each space a hyphen.
  it.each([
    ['Les talents en IA', 'les-talents-en-ia'],
    ['Jusqu’à 100 000 dollars par an', 'jusquà-100-000-dollars-par-an'],
    ["L'IA générative", 'lia-générative'],
    [`Été${NBSP}: ça chauffe${NNBSP}!`, 'été-ça-chauffe'],
    ['Œuvre et cœur', 'œuvre-et-cœur'],
    ['Qu’est-ce que le paillage ?', 'quest-ce-que-le-paillage-'],
    // Not starting with a letter: `section-` first, which HTML validators ask for.
    ['2024 : l’année de l’IA', 'section-2024--lannée-de-lia'],
    ['4 % des actions', 'section-4--des-actions'],
    ['« Les talents »', 'section-les-talents'],
    ['???', 'section'],
    ['', 'section'],
  ])('%j -> %s', (text, expected) => {
    expect(headingId(text)).toBe(expected);
  });

  it('numbers repeats as GitHub does when given one slugger for the article', () => {
    const slugger = new GithubSlugger();
    expect(['Les salaires', 'Les salaires', 'Les salaires'].map((text) => headingId(text, slugger))).toEqual([
      'les-salaires',
      'les-salaires-1',
      'les-salaires-2',
    ]);
  });

  it('is a valid HTML id: starts with a letter, no whitespace', () => {
    for (const text of [
      '123 soleil',
      'ÀÉÎÕÜ ñ ç',
      'x'.repeat(100),
      `${'mot '.repeat(30)}fin`,
      '1er janvier',
    ]) {
      expect(headingId(text)).toMatch(/^\p{L}[\p{L}\p{N}_-]*$/u);
    }
  });
});

describe('polishTree: heading ids and table of contents', () => {
  const markdown = `# Le titre

## 2024 : l’année

Texte.

## Les salaires

### Les salaires

## Les salaires

## Été

## ???
`;
  const { tree, tableOfContents } = polishTree(treeOf(markdown));

  it('gives every heading GitHub’s unique id, never starting with a digit', () => {
    const ids = headings(tree).map((node) => (node.data as { id?: string } | undefined)?.id);
    expect(ids).toEqual([
      'le-titre',
      'section-2024-lannée',
      'les-salaires',
      'les-salaires-1',
      'les-salaires-2',
      'été',
      'section',
    ]);
    for (const node of headings(tree)) {
      const data = node.data as { id: string; hProperties: { id: string } };
      expect(data.hProperties.id).toBe(data.id);
    }
  });

  it('lists the H2 and H3 with their ids and fixed text', () => {
    expect(tableOfContents).toEqual([
      { depth: 2, text: `2024${NBSP}: l’année`, id: 'section-2024-lannée' },
      { depth: 2, text: 'Les salaires', id: 'les-salaires' },
      { depth: 3, text: 'Les salaires', id: 'les-salaires-1' },
      { depth: 2, text: 'Les salaires', id: 'les-salaires-2' },
      { depth: 2, text: 'Été', id: 'été' },
      { depth: 2, text: '???', id: 'section' },
    ]);
  });

  it('keeps other hProperties of a heading', () => {
    const source = treeOf('## Un titre\n');
    const heading = source.children[0] as Heading;
    heading.data = { hProperties: { className: ['special'] } };
    const [polished] = headings(polishTree(source).tree);
    expect(polished?.data).toEqual({
      id: 'un-titre',
      hProperties: { className: ['special'], id: 'un-titre' },
    });
  });

  it.each([
    { name: 'three H2: none', h2: 3, options: {}, entries: 0 },
    { name: 'four H2: a table', h2: 4, options: {}, entries: 4 },
    { name: 'four H2, disabled', h2: 4, options: { tableOfContents: false }, entries: 0 },
    { name: 'three H2, threshold 3', h2: 3, options: { minHeadingsForTableOfContents: 3 }, entries: 3 },
  ])('table of contents: $name', ({ h2, options, entries }) => {
    const sections = Array.from({ length: h2 }, (_, index) => `## Partie ${index + 1}\n\nTexte.\n`);
    const result = polishTree(treeOf(['# Titre\n', ...sections].join('\n')), options);
    expect(result.tableOfContents).toHaveLength(entries);
    // Ids are given whether or not there is a table of contents.
    expect(
      headings(result.tree).every((node) => typeof (node.data as { id?: string })?.id === 'string'),
    ).toBe(true);
  });

  it('H3 do not count toward the four H2', () => {
    const result = polishTree(treeOf('# T\n\n## A\n\n### B\n\n### C\n\n## D\n\n## E\n'));
    expect(result.tableOfContents).toEqual([]);
  });

  it('the text of the table of contents is the heading’s plain text', () => {
    const result = polishTree(treeOf('## Un *titre* avec `code`\n\n## B\n\n## C\n\n## D\n'));
    expect(result.tableOfContents[0]).toEqual({
      depth: 2,
      text: 'Un titre avec code',
      id: 'un-titre-avec-code',
    });
    expect(mdastToString(result.tree.children[0] as Nodes)).toBe('Un titre avec code');
  });
});

/**
 * Known bugs, reported to the module's owner: each test states the right behaviour and is expected to
 * fail until the bug is fixed (then turn `it.fails` into `it`).
 */
describe('polishTree across inline markup', () => {
  it('fixes punctuation that follows inline markup (« *le guide* : »)', () => {
    const { tree } = polishTree(
      treeOf('Voici *le guide* : il explique tout. Lisez [ceci](https://example.com) !'),
    );
    const texts = find(tree, 'text').map((node) => node.value);
    expect(texts).toContain(`${NBSP}: il explique tout. Lisez `);
    expect(texts).toContain(`${NNBSP}!`);
  });

  it('pairs straight quotes written around a link (« "[Zéro-Day](…)" »)', () => {
    const { tree } = polishTree(treeOf('Une faille "[Zéro-Day](https://example.com/0day)", ou pire.'));
    expect(mdastToString(tree)).toBe(`Une faille «${NBSP}Zéro-Day${NBSP}», ou pire.`);
    expect(find(tree, 'link')[0]?.url).toBe('https://example.com/0day');
  });

  it('leaves a sign inside code alone and never reaches into an image', () => {
    const { tree } = polishTree(treeOf('Voir ![plan : A](a.png)! et `a : b`!'));
    expect(find(tree, 'image')[0]?.alt).toBe('plan : A');
    expect(find(tree, 'inlineCode')[0]?.value).toBe('a : b');
    expect(mdastToString(tree)).toContain(`a : b${NNBSP}!`);
  });
});

describe('polishTree and the capital preposition « À »', () => {
  it('writes « À ce stade » at a sentence start, never in code or a link URL', () => {
    const { tree } = polishTree(
      treeOf('A ce stade, voir [le plan A](https://example.com/A-ce-stade) et `A ce stade`.\n'),
    );
    const text = mdastToString(tree);
    expect(text.startsWith('À ce stade')).toBe(true);
    expect(find(tree, 'link')[0]?.url).toBe('https://example.com/A-ce-stade');
    expect(find(tree, 'inlineCode')[0]?.value).toBe('A ce stade');
  });
});

describe('polishTree and the accents of bare capitals', () => {
  const markdown =
    '## Evaluer le risque\n\nEtant donné [l’Etat](https://example.com/Etat), voir `Evaluer` et Eleventy.\n';

  it('restores « É » in headings and text with a lexicon, never in code or a link URL', () => {
    const { tree, tableOfContents } = polishTree(treeOf(markdown), {
      lexicon: createLefffLexicon(),
      minHeadingsForTableOfContents: 1,
    });
    expect(mdastToString(headings(tree)[0] as Heading)).toBe('Évaluer le risque');
    expect(tableOfContents[0]?.text).toBe('Évaluer le risque');
    const paragraph = mdastToString(tree.children[1] as Nodes);
    expect(paragraph.startsWith('Étant donné l’État, voir Evaluer et Eleventy')).toBe(true);
    expect(find(tree, 'link')[0]?.url).toBe('https://example.com/Etat');
    expect(find(tree, 'inlineCode')[0]?.value).toBe('Evaluer');
  });

  it("without a lexicon, restores only the common words of the audit's list", () => {
    const { tree } = polishTree(treeOf('## Eteindre la box\n\nEvaluer le risque.\n'));
    expect(mdastToString(headings(tree)[0] as Heading)).toBe('Eteindre la box');
    expect(mdastToString(tree.children[1] as Nodes)).toBe('Évaluer le risque.');
  });
});

describe('polishTree and a sign that opens a text node', () => {
  const cases: [string, string][] = [
    [
      '- `npx @11ty/eleventy --serve`: pour lancer le serveur\n',
      `npx @11ty/eleventy --serve${NBSP}: pour lancer`,
    ],
    ['Voir [Wikipedia](https://fr.wikipedia.org/): la table.\n', `Voir Wikipedia${NBSP}: la table.`],
    ['C’est *vrai*! Et **fort**?\n', `C’est vrai${NNBSP}! Et fort${NNBSP}?`],
    ['Lancez `make`; puis attendez.\n', `Lancez make${NNBSP}; puis attendez.`],
    // A time or a smiley is not a colon of prose: fixTypography's rules decide as inside one node.
    ['À `midi`:30 pile.\n', 'À midi:30 pile.'],
    ['Bravo `toi`:) voilà.\n', 'Bravo toi:) voilà.'],
  ];
  it.each(cases)('%j', (markdown, expected) => {
    const { tree } = polishTree(treeOf(markdown));
    expect(mdastToString(tree)).toContain(expected);
  });

  it('leaves the code itself as written', () => {
    const { tree } = polishTree(treeOf('Ajoutez `"type": "module"`: voilà.\n'));
    expect(find(tree, 'inlineCode')[0]?.value).toBe('"type": "module"');
  });
});

describe('polishTree: links to a heading of the article', () => {
  it.each([
    ['written against its words before typography', '[plus bas](#lia--un-défi)', '#lia-un-défi'],
    ['percent-encoded', '[plus bas](#lia--un-d%C3%A9fi)', '#lia-un-défi'],
    ['already the new id', '[plus bas](#lia-un-défi)', '#lia-un-défi'],
    [
      'to an id of another page',
      '[ailleurs](https://exemple.fr/#lia--un-défi)',
      'https://exemple.fr/#lia--un-défi',
    ],
    ['to an anchor that is no heading', '[haut](#top)', '#top'],
  ])('%s', (_name, link, url) => {
    const { tree } = polishTree(treeOf(`# Titre\n\nVoir ${link}.\n\n## L'IA : un défi\n\nTexte.\n`));
    expect((headings(tree)[1]?.data as { id?: string } | undefined)?.id).toBe('lia-un-défi');
    expect(find(tree, 'link').map((node) => node.url)).toEqual([url]);
  });

  it('keeps every link as it is when the text is not typeset', () => {
    const { tree } = polishTree(treeOf("Voir [plus bas](#lia--un-défi).\n\n## L'IA : un défi\n"), {
      typography: false,
    });
    expect(find(tree, 'link').map((node) => node.url)).toEqual(['#lia--un-défi']);
  });
});
