import type { Nodes, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { carriesMarkdown } from '../../src/ingest/carries-markdown.js';
import { ingest } from '../../src/ingest/ingest.js';
import { htmlBlockToMdast } from '../../src/ingest/parse-html.js';
import { parseMarkdownText } from '../../src/ingest/parse-markdown-text.js';

/** Modeled on a real blog post saved as .txt: title line, links, emphasis, code, a quote, inline HTML. */
const BLOG_POST = [
  'Au sommet du Ventoux à 82 ans',
  '',
  'Depuis que je fais du VTT, je n’avais jamais tenté le Ventoux. Comme je le racontais dans [l’article précédent](http://exemple.fr/precedent), il me fallait un défi.',
  'Mon vélo est **lourd** mais solide, et il a obtenu `7,6/10` au test.',
  '> La montagne ne se gravit pas, elle se mérite.',
  'Voici le parcours qui devrait vous plaire :',
  '<div class="button">',
  '[Voir le parcours](http://exemple.fr/parcours)',
  '</div>',
  'Nous sommes partis à six heures du matin depuis Bédoin, sous un ciel encore pâle.',
].join('\n');

function types(tree: Root): string[] {
  return tree.children.map((node) => (node.type === 'heading' ? `h${node.depth}` : node.type));
}

function collect(node: Nodes, type: string, found: Nodes[] = []): Nodes[] {
  if (node.type === type) found.push(node);
  if ('children' in node) for (const child of node.children) collect(child, type, found);
  return found;
}

describe('carriesMarkdown', () => {
  it.each([
    ['a link', 'Voir [la page](https://exemple.fr).'],
    ['strong emphasis', 'Un mot **important**.'],
    // test/corpus/fr-txt-hard-wrapped: the signature in italics, wrapped over two lines.
    [
      'emphasis over a wrapped line',
      'Fin.\n\n*- le sentiment sans démonstration d’un ingénieur\nqui continue de rêver au mieux -*\n',
    ],
    ['one emphasised word', 'C’est *vraiment* important.'],
    ['a code span', 'Une note de `7,6/10` au test.'],
    ['a quote line', 'Il a dit :\n> Bonjour.'],
    ['inline HTML', 'Texte\n<div class="button">Lire</div>'],
    ['a front matter', '---\ntitle: Mon titre\nslug: mon-titre\n---\nUne phrase ordinaire.'],
  ])('sees %s', (_name, text) => {
    expect(carriesMarkdown(text)).toBe(true);
  });

  it.each([
    ['plain prose', 'Une phrase ordinaire, avec une virgule et 5 * 3 = 15.'],
    ['a comparison', 'Le prix est > 5 euros.'],
    ['brackets', 'Un mot [entre crochets] ici.'],
    ['a footnote star', 'Le prix* est bas.\n\n* hors taxes.'],
    ['stars in two paragraphs', 'Un *début\n\nsans fin* ici.'],
    ['a rule before prose', '---\nUne phrase ordinaire.\n---\nUne autre.'],
    ['a front matter further down', 'Une phrase.\n---\ntitle: Mon titre\n---\n'],
  ])('does not see Markdown in %s', (_name, text) => {
    expect(carriesMarkdown(text)).toBe(false);
  });
});

describe('parseMarkdownText', () => {
  it('a hard-wrapped signature in *italics* is emphasis on one line (test/corpus/fr-txt-hard-wrapped)', () => {
    const text = `${'Une ligne de prose assez longue pour que le texte soit lu comme un texte coupé à la main,\n'.repeat(6)}\n*- le sentiment sans démonstration d’un ingénieur sans difficulté\nfinancière, mais qui continue de rêver au mieux -*\n`;
    const { tree } = parseMarkdownText(text, htmlBlockToMdast);
    const emphasis = collect(tree, 'emphasis');
    expect(emphasis).toHaveLength(1);
    expect(mdastToString(emphasis[0])).toBe(
      '- le sentiment sans démonstration d’un ingénieur sans difficulté financière, mais qui continue de rêver au mieux -',
    );
  });

  it('reads links, emphasis, code and quotes as Markdown, one paragraph per line', () => {
    const { tree, metadata, format } = parseMarkdownText(BLOG_POST, htmlBlockToMdast);
    expect(format).toBe('text');
    expect(metadata.title).toBe('Au sommet du Ventoux à 82 ans');
    expect(types(tree)).toEqual([
      'h1',
      'paragraph',
      'paragraph',
      'blockquote',
      'paragraph',
      // `<div class="button">` and `</div>` are bare tags: dropped, the link inside kept.
      'paragraph',
      'paragraph',
    ]);
    const links = collect(tree, 'link').map((link) => (link.type === 'link' ? link.url : ''));
    expect(links).toEqual(['http://exemple.fr/precedent', 'http://exemple.fr/parcours']);
    expect(collect(tree, 'strong')).toHaveLength(1);
    expect(collect(tree, 'inlineCode')).toHaveLength(1);
  });

  it('maps positions back to the text, despite the blank lines it adds', () => {
    const { tree } = parseMarkdownText(BLOG_POST, htmlBlockToMdast);
    const last = tree.children[tree.children.length - 1];
    expect(last?.position?.start.line).toBe(10);
    const offset = last?.position?.start.offset ?? -1;
    expect(BLOG_POST.slice(offset, offset + 14)).toBe('Nous sommes pa');
  });

  it('joins a hard-wrapped quote and paragraph', () => {
    const source = [
      'Les recruteurs affirment que les géants de la technologie offrent des',
      'salaires élevés aux talents que les [petites entreprises](https://a.fr)',
      'ne peuvent pas égaler, ce qui rend la concurrence difficile pour les',
      'jeunes pousses.',
      '',
      '> Une fois que les employeurs et les employés comprendront mieux cette',
      '> technologie, il deviendra plus facile de pourvoir les postes.',
    ].join('\n');
    const { tree } = parseMarkdownText(source, htmlBlockToMdast);
    expect(types(tree)).toEqual(['paragraph', 'blockquote']);
    expect(mdastToString(tree.children[1] as Nodes)).toBe(
      'Une fois que les employeurs et les employés comprendront mieux cette technologie, il deviendra plus facile de pourvoir les postes.',
    );
  });
});

describe('ingest of a .txt carrying Markdown', () => {
  it('gives links, not escaped text', async () => {
    const document = await ingest(BLOG_POST, { fileName: 'ventoux.txt' });
    expect(collect(document.tree, 'link')).toHaveLength(2);
    expect(document.tree.children[0]).toMatchObject({ type: 'heading', depth: 1 });
  });
});

describe('a front matter at the top of a .txt', () => {
  // One sentence per line after it, as a text exported from a CMS with its metadata.
  const text = [
    '---',
    'title: Au sommet du Ventoux',
    'slug: ventoux',
    'keywords:',
    '  - vélo',
    '  - Ventoux',
    '---',
    'Nous sommes partis à six heures du matin depuis Bédoin.',
    'Le ciel était encore pâle au-dessus des vignes.',
    'Il nous a fallu quatre heures pour atteindre le sommet.',
  ].join('\n');

  it('gives the metadata and leaves the body as its lines', async () => {
    const document = await ingest(text, { fileName: 'ventoux.txt' });
    expect(document.format).toBe('text');
    expect(document.metadata).toMatchObject({
      title: 'Au sommet du Ventoux',
      slug: 'ventoux',
      keywords: ['vélo', 'Ventoux'],
    });
    expect(types(document.tree)).toEqual(['h1', 'paragraph', 'paragraph', 'paragraph']);
    expect(mdastToString(document.tree)).not.toContain('---');
    expect(mdastToString(document.tree)).not.toContain('slug');
    // Positions still point into the text as given.
    const second = document.tree.children[2];
    expect(text.slice(second?.position?.start.offset, second?.position?.end.offset)).toBe(
      'Le ciel était encore pâle au-dessus des vignes.',
    );
  });
});
