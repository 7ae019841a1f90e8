import type { Heading, Nodes } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/ingest/input-error.js';
import { parseMarkdown } from '../../src/ingest/parse-markdown.js';
import { FRONT_MATTER_MARKDOWN } from '../fixtures/ingest/sources.js';

const FRONT_MATTER = FRONT_MATTER_MARKDOWN;

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (InputError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

function collectTypes(node: Nodes, types: Set<string> = new Set()): Set<string> {
  types.add(node.type);
  if ('children' in node) for (const child of node.children) collectTypes(child, types);
  return types;
}

describe('parseMarkdown', () => {
  // The first parse compiles micromark's state machines; pay for it once, outside the tests.
  beforeAll(() => {
    parseMarkdown(
      '---\ntitle: x\n---\n# Titre\n\nTexte **gras** et [lien](https://exemple.fr).\n\n| a |\n| - |\n| b |\n',
    );
  });

  it('reads front matter into metadata and removes it from the tree', () => {
    const document = parseMarkdown(FRONT_MATTER);
    expect(document.format).toBe('markdown');
    expect(document.metadata).toEqual({
      title: 'Le recrutement des talents en IA',
      description:
        'Pourquoi les startups peinent à recruter des talents en intelligence artificielle face aux géants de la tech.',
      slug: 'recrutement-talents-ia',
      keyphrase: 'talents en IA',
      synonyms: ['experts en IA', "spécialistes de l'IA"],
      keywords: ['recrutement', 'intelligence artificielle'],
      lang: 'fr-FR',
      url: 'https://exemple.fr/talents-ia',
      author: 'Marie Curie',
      date: '2024-03-21',
      siteName: 'Exemple',
    });
    expect(document.tree.children.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'list',
      'table',
    ]);
    expect(collectTypes(document.tree)).not.toContain('yaml');
  });

  it('keeps headings, emphasis, links, GFM tables and positions', () => {
    const { tree } = parseMarkdown(FRONT_MATTER);
    const [h1, paragraph, h2] = tree.children as [Heading, Nodes, Heading];
    expect(h1.depth).toBe(1);
    expect(h2.depth).toBe(2);
    expect(mdastToString(h2)).toBe('Une pénurie de compétences');
    expect(collectTypes(paragraph)).toEqual(new Set(['paragraph', 'text', 'strong', 'link']));
    // Positions point into the whole file, front matter included.
    expect(h1.position?.start.line).toBe(18);
    const offset = h1.position?.start.offset ?? -1;
    expect(FRONT_MATTER.slice(offset, offset + 4)).toBe('# Le');
  });

  it('accepts alternative front matter keys and comma-separated lists', () => {
    const source = [
      '---',
      'seoTitle: Titre SEO',
      'metaDescription: Une description.',
      'focusKeyphrase: talents',
      'keywords: ia, recrutement , ,startups',
      'synonyms: [experts]',
      'canonical: https://exemple.fr/a',
      'author: Jean Dupont',
      'siteName: Le Site',
      'date: 2024-03-21T08:00:00Z',
      'slug: 42',
      '---',
      'Texte.',
    ].join('\n');
    expect(parseMarkdown(source).metadata).toEqual({
      title: 'Titre SEO',
      description: 'Une description.',
      keyphrase: 'talents',
      keywords: ['ia', 'recrutement', 'startups'],
      synonyms: ['experts'],
      url: 'https://exemple.fr/a',
      author: 'Jean Dupont',
      siteName: 'Le Site',
      date: '2024-03-21T08:00:00Z',
      slug: '42',
    });
  });

  it('prefers the main key and skips empty values', () => {
    const source =
      '---\ntitle: ""\nmeta_title: Repli\nexcerpt: Extrait\ndescription: Principale\n---\nTexte.';
    expect(parseMarkdown(source).metadata).toEqual({ title: 'Repli', description: 'Principale' });
  });

  it('ignores empty or non-mapping front matter', () => {
    expect(parseMarkdown('---\n---\nTexte.').metadata).toEqual({});
    expect(parseMarkdown('---\n- a\n- b\n---\nTexte.').metadata).toEqual({});
  });

  it('rejects invalid YAML with the line in the file', () => {
    const error = errorOf(() => parseMarkdown('---\ntitle: Bonjour\ntags: [ia\nlang: fr\n---\n\nTexte.'));
    expect(error.code).toBe('unreadable');
    expect(error.message).toMatch(/^Front matter YAML invalide ligne 4 : .+\.$/);
    expect(error.message).not.toContain('\n');
  });

  it('parses Markdown without front matter', () => {
    const document = parseMarkdown('Intro.\n\n## Section\n\n1. un\n2. deux\n');
    expect(document.metadata).toEqual({});
    expect(document.tree.children.map((node) => node.type)).toEqual(['paragraph', 'heading', 'list']);
  });
});

describe('parseMarkdown: nothing the author wrote is lost', () => {
  const text = (markdown: string) =>
    parseMarkdown(markdown).tree.children.map((node) => `${node.type}: ${mdastToString(node)}`);

  it('turns HTML blocks into Markdown: quotes, figures, media; drops bare tags and comments', () => {
    const markdown = [
      '# Le Ventoux à vélo',
      '',
      'Ça devrait vous plaire :',
      '',
      '<p class="quote">La montagne ne se gravit pas, elle se mérite.</p>',
      '',
      '<figure><img src="/ventoux.jpg" alt="Le sommet du Ventoux"><figcaption>Le sommet, à l’aube.</figcaption></figure>',
      '',
      '<video src="/montee.mp4"></video>',
      '',
      '<!--more-->',
      '',
      '<div class="button">',
      '',
      '[Voir le parcours](https://exemple.fr/parcours)',
      '',
      '</div>',
    ].join('\n');
    const { tree } = parseMarkdown(markdown);
    expect(text(markdown)).toEqual([
      'heading: Le Ventoux à vélo',
      'paragraph: Ça devrait vous plaire :',
      'blockquote: La montagne ne se gravit pas, elle se mérite.',
      'paragraph: Le sommet du Ventoux',
      'paragraph: Le sommet, à l’aube.',
      'paragraph: Voir la vidéo',
      'paragraph: Voir le parcours',
    ]);
    expect(collectTypes(tree)).not.toContain('html');
    const image = (
      tree.children[3] as { children: { type: string; url?: string; alt?: string }[] }
    ).children.find((node) => node.type === 'image');
    expect(image).toMatchObject({ url: '/ventoux.jpg', alt: 'Le sommet du Ventoux' });
    const video = (tree.children[5] as { children: { type: string; url?: string }[] }).children[0];
    expect(video).toMatchObject({ type: 'link', url: '/montee.mp4' });
  });

  it('removes Eleventy and Kramdown extras instead of printing them', () => {
    const markdown =
      '::: lead\nUne introduction qui compte.\n:::\n\nUn paragraphe.\n{: .note}\n\n## Une section {#section}\n\nFin.';
    const rendered = text(markdown).join('\n');
    expect(rendered).not.toMatch(/:::|\{[:.#]/);
    expect(rendered).toContain('Une introduction qui compte.');
    expect(rendered).toContain('heading: Une section');
  });

  it('removes Liquid tags and keeps the text of Jekyll post links', () => {
    const markdown =
      'Lisez mon [billet précédent]({% post_url 2016-09-18-Les craqueurs %}), puis la suite.\n\n{% giphy "3oEjHWzZ" %}\n\n[**La suite**]({% post_url 2016-10-30-Diceware %})\n';
    expect(text(markdown)).toEqual([
      'paragraph: Lisez mon billet précédent, puis la suite.',
      'paragraph: La suite',
    ]);
  });

  it("makes the front-matter title the H1 and the body's # headings its sections", () => {
    const markdown =
      '---\ntitle: Lapeyre, y’en a pas deux\n---\n\nLe SAV de Lapeyre.\n\n# Update du 24/07/2018\n\nToujours rien.\n';
    expect(text(markdown)).toEqual([
      'heading: Lapeyre, y’en a pas deux',
      'paragraph: Le SAV de Lapeyre.',
      'heading: Update du 24/07/2018',
      'paragraph: Toujours rien.',
    ]);
    expect(parseMarkdown(markdown).tree.children[2]).toMatchObject({ depth: 2 });
  });

  it('makes an excerpt the body does not repeat its opening, after the H1', () => {
    const markdown =
      '---\ntitle: Le Ventoux\nexcerpt: Un géant de Provence, gravi à 82 ans.\n---\n\nNous sommes partis à six heures.\n';
    expect(text(markdown)).toEqual([
      'heading: Le Ventoux',
      'paragraph: Un géant de Provence, gravi à 82 ans.',
      'paragraph: Nous sommes partis à six heures.',
    ]);
    const repeated =
      '---\nexcerpt: Nous sommes partis à six heures.\n---\n\nNous sommes partis à six heures.\n';
    expect(text(repeated)).toEqual(['paragraph: Nous sommes partis à six heures.']);
  });
});
