import type { Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderMarkdown } from '../../src/render/render-markdown.js';
import { makeArticle, makeTree, NBSP, NNBSP } from '../helpers/make-article.js';

/** Splits a rendering into its front matter (parsed) and its body. */
function split(markdown: string): { frontMatter: Record<string, unknown>; yaml: string; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error(`No front matter in:\n${markdown}`);
  const yaml = match[1] ?? '';
  return { frontMatter: parseYaml(yaml), yaml, body: match[2] ?? '' };
}

function parseMarkdownBody(body: string): Root {
  return unified().use(remarkParse).use(remarkGfm).parse(body);
}

const fullMetadata = {
  url: 'https://exemple.fr/talents-en-ia',
  author: 'Jeanne Dupont',
  date: '2024-04-02',
  siteName: 'Tech & Co',
};

describe('renderMarkdown: front matter', () => {
  it('parses back to the metadata, keys in order', () => {
    const article = makeArticle({ metadata: fullMetadata });
    const { frontMatter } = split(renderMarkdown(article));
    expect(Object.keys(frontMatter)).toEqual([
      'title',
      'description',
      'slug',
      'keyphrase',
      'keywords',
      'lang',
      'date',
      'author',
      'site_name',
      'canonical',
      'words',
      'generator',
    ]);
    expect(frontMatter).toEqual({
      title: article.metadata.title,
      description: article.metadata.description,
      slug: 'talents-en-ia',
      keyphrase: 'talents en IA',
      keywords: ['recrutement IA', 'Big Tech', 'salaires', 'startups'],
      lang: 'fr-FR',
      date: '2024-04-02',
      author: 'Jeanne Dupont',
      site_name: 'Tech & Co',
      canonical: 'https://exemple.fr/talents-en-ia',
      words: 187,
      generator: 'Plume',
    });
  });

  it('leaves out the optional fields that are not given', () => {
    const { frontMatter } = split(renderMarkdown(makeArticle()));
    expect(Object.keys(frontMatter)).toEqual([
      'title',
      'description',
      'slug',
      'keyphrase',
      'keywords',
      'lang',
      'words',
      'generator',
    ]);
  });

  it('quotes titles and keywords that YAML would misread', () => {
    const title = `Talents en IA${NBSP}: «${NBSP}le "grand" jeu${NBSP}» #1 - c'est parti`;
    const keywords = ['IA: emploi', '- tiret', 'yes', '42', "l'IA « générative »"];
    const description = `${'Une description longue, '.repeat(8)}fin${NNBSP}!`;
    const { frontMatter, yaml } = split(
      renderMarkdown(makeArticle({ metadata: { title, keywords, description } })),
    );
    expect(frontMatter.title).toBe(title);
    expect(frontMatter.keywords).toEqual(keywords);
    expect(frontMatter.description).toBe(description);
    // Never folded over several lines.
    expect(yaml.split('\n').filter((line) => line.startsWith('description:'))).toHaveLength(1);
  });
});

describe('renderMarkdown: body', () => {
  it('writes the H1 and the subheadings as ATX headings', () => {
    const { body } = split(renderMarkdown(makeArticle()));
    const headings = body.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      `# Talents en IA${NBSP}: pourquoi les géants de la tech raflent la mise`,
      '## Une course aux talents en IA',
      '## Des salaires hors norme',
      '### Jusqu’à 100 000 dollars par an',
      '## Les startups à la peine',
      '## Ce qui pourrait changer',
    ]);
    expect(body.startsWith('# ')).toBe(true);
  });

  it('writes French typography byte for byte, without character references', () => {
    const article = makeArticle();
    const markdown = renderMarkdown(article);
    expect(markdown).not.toContain('&#');
    for (const fragment of [
      `«${NBSP}Des entreprises comme Meta volent et retiennent les talents${NBSP}», a déclaré JT O’Donnell`,
      `élevées${NNBSP}; la demande dépasse l’offre de 4${NBSP}% par an.`,
      `**100${NBSP}000${NBSP}dollars** de prime${NNBSP}! Selon [Business Insider](https://www.businessinsider.com/)`,
      `premier plan${NNBSP}: «${NBSP}nous n’avons pas ce dont ils ont besoin${NBSP}».`,
    ]) {
      expect(markdown).toContain(fragment);
    }
    // And the body reads back to the same text.
    const { body } = split(markdown);
    const expected = mdastToString(article.tree).replace(/\s+/g, ' ');
    const withoutToc = split(renderMarkdown(article, { tableOfContents: false })).body;
    expect(mdastToString(parseMarkdownBody(withoutToc)).replace(/\s+/g, ' ')).toBe(expected);
    expect(body).toContain('> **L’essentiel**');
  });

  it('keeps whitespace at the edge of emphasis as characters, outside the delimiters', () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'heading', depth: 1, children: [{ type: 'text', value: 'Titre' }] },
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: 'Un montant de' },
            {
              type: 'strong',
              children: [{ type: 'text', value: `${NBSP}100${NBSP}000${NBSP}dollars${NNBSP}` }],
            },
            { type: 'text', value: '! Et ' },
            { type: 'emphasis', children: [{ type: 'text', value: `${NBSP}` }] },
            { type: 'text', value: 'fin.' },
          ],
        },
      ],
    };
    const { body } = split(renderMarkdown(makeArticle({ tree, tableOfContents: [] })));
    expect(body).toBe(
      `# Titre\n\nUn montant de${NBSP}**100${NBSP}000${NBSP}dollars**${NNBSP}! Et ${NBSP}fin.\n`,
    );
    expect(mdastToString(parseMarkdownBody(body))).toBe(
      `TitreUn montant de${NBSP}100${NBSP}000${NBSP}dollars${NNBSP}! Et ${NBSP}fin.`,
    );
  });
});

describe('renderMarkdown: table of contents', () => {
  const sommaire = [
    '**Sommaire**',
    '',
    '- [Une course aux talents en IA](#une-course-aux-talents-en-ia)',
    '- [Des salaires hors norme](#des-salaires-hors-norme)',
    '  - [Jusqu’à 100 000 dollars par an](#jusqua-100-000-dollars-par-an)',
    '- [Les startups à la peine](#les-startups-a-la-peine)',
    '- [Ce qui pourrait changer](#ce-qui-pourrait-changer)',
    '',
    '## Une course aux talents en IA',
  ].join('\n');

  it('is a list of links, H3 nested under their H2, right before the first H2', () => {
    const { body } = split(renderMarkdown(makeArticle()));
    expect(body).toContain(sommaire);
    expect(body.indexOf('**Sommaire**')).toBeGreaterThan(body.indexOf('L’essentiel'));
  });

  it('is left out when the option is off or the article has none', () => {
    expect(renderMarkdown(makeArticle(), { tableOfContents: false })).not.toContain('Sommaire');
    expect(renderMarkdown(makeArticle({ tableOfContents: [] }))).not.toContain('Sommaire');
  });
});

describe('renderMarkdown: safety and purity', () => {
  it('does not modify the article', () => {
    const article = makeArticle({ metadata: fullMetadata });
    const before = structuredClone(article);
    renderMarkdown(article);
    renderMarkdown(article, { tableOfContents: false });
    expect(article).toEqual(before);
    expect(article.tree).toEqual(makeTree());
  });

  it('keeps the text of a javascript: link and drops raw HTML', () => {
    const tree = makeTree();
    tree.children.push(
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Voir ' },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'le rapport' }] },
          { type: 'text', value: '.' },
        ],
      },
      { type: 'html', value: '<script>alert(2)</script>' },
    );
    const markdown = renderMarkdown(makeArticle({ tree }));
    expect(markdown).toContain('Voir le rapport.');
    expect(markdown).not.toMatch(/javascript|<script|alert/i);
  });

  it('keeps a link whose URL the author wrapped in double parentheses, with the URL inside', () => {
    const tree = makeTree();
    tree.children.push({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Plus de ' },
        {
          type: 'link',
          url: '(http://money.cnn.com/piratage/)',
          children: [{ type: 'text', value: 'la moitié' }],
        },
        { type: 'text', value: '.' },
      ],
    });
    expect(renderMarkdown(makeArticle({ tree }))).toContain(
      'Plus de [la moitié](http://money.cnn.com/piratage/).',
    );
  });
});

describe('renderMarkdown: no needless backslash escapes', () => {
  it('writes brackets, stars and underscores of plain text as they are, and reads back the same', () => {
    const tree = makeTree();
    tree.children.push({
      type: 'paragraph',
      children: [
        {
          type: 'text',
          value: 'Voir [note] plus bas : 3 * 4 = 12, la variable mot_de_passe et [suite](à venir).',
        },
      ],
    });
    const { body } = split(renderMarkdown(makeArticle({ tree })));
    expect(body).toContain(
      'Voir [note] plus bas : 3 * 4 = 12, la variable mot_de_passe et [suite](à venir).',
    );
    const last = parseMarkdownBody(body).children.at(-1);
    expect(last && mdastToString(last)).toBe(
      'Voir [note] plus bas : 3 * 4 = 12, la variable mot_de_passe et [suite](à venir).',
    );
  });
});
