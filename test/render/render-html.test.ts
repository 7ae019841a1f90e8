import type { Element, Root as HastRoot, Nodes } from 'hast';
import { HtmlValidate } from 'html-validate';
import type { Root } from 'mdast';
import rehypeParse from 'rehype-parse';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article.js';
import { type RenderHtmlOptions, renderHtmlDocument } from '../../src/render/render-html.js';
import { makeArticle, makeTree, NBSP, NNBSP } from '../helpers/make-article.js';

const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });

const fullMetadata = {
  url: 'https://exemple.fr/talents-en-ia',
  author: 'Jeanne Dupont',
  date: '2024-04-02T08:30:00+02:00',
  siteName: 'Tech & Co',
};

const hostileMetadata = {
  title: '</script><script>alert(1)</script>',
  h1: '</script><script>alert(1)</script>',
  description: '"quotes" & <tags> \'apostrophes\' </title><!-- --> \u2028',
  author: '"Jeanne" <b>Dupont</b>',
  siteName: 'Tech & Co </script>',
  url: 'https://exemple.fr/?a=1&b="2"',
};

/** The example article followed by every GFM construct: footnote, table, code, image, task list, autolink. */
function makeTreeWithGfm(): Root {
  const extra = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .parse(
      [
        'Une note[^1] et `code`.',
        '| Entreprise | Salaire |\n| --- | --- |\n| Meta | 100 000 $ |',
        '```js\nif (a < b && c) {}\n```',
        '![Un graphique des salaires](https://exemple.fr/salaires.png)',
        '- [x] tâche faite\n- [ ] tâche à faire',
        '~~barré~~ https://exemple.fr',
        '[^1]: La source.',
      ].join('\n\n'),
    );
  const tree = makeTree();
  tree.children.push(...extra.children);
  return tree;
}

function parse(html: string): HastRoot {
  return unified().use(rehypeParse).parse(html);
}

function elements(node: Nodes, tagName?: string): Element[] {
  const found: Element[] = [];
  const visit = (current: Nodes) => {
    if (current.type === 'element' && (tagName === undefined || current.tagName === tagName))
      found.push(current);
    if ('children' in current) for (const child of current.children) visit(child);
  };
  visit(node);
  return found;
}

function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

function meta(tree: HastRoot, key: 'name' | 'property', value: string): string | undefined {
  const found = elements(tree, 'meta').filter((element) => element.properties[key] === value);
  expect(found.length).toBeLessThanOrEqual(1);
  const content = found[0]?.properties.content;
  return content === undefined ? undefined : String(content);
}

function jsonLdOf(tree: HastRoot): Record<string, unknown> {
  const [script] = elements(tree, 'script');
  expect(script?.properties.type).toBe('application/ld+json');
  return JSON.parse(textOf(script as Element));
}

describe('renderHtmlDocument: validity', () => {
  const cases: { name: string; article: Article; options?: RenderHtmlOptions }[] = [
    { name: 'bare metadata, with table of contents', article: makeArticle() },
    { name: 'full metadata', article: makeArticle({ metadata: fullMetadata }) },
    { name: 'url only', article: makeArticle({ metadata: { url: fullMetadata.url } }) },
    {
      name: 'author and date only',
      article: makeArticle({ metadata: { author: 'Jeanne', date: '2024-04-02' } }),
    },
    { name: 'site name only', article: makeArticle({ metadata: { siteName: 'Tech & Co' } }) },
    { name: 'table of contents off', article: makeArticle(), options: { tableOfContents: false } },
    { name: 'no table of contents', article: makeArticle({ tableOfContents: [] }) },
    {
      name: 'BlogPosting',
      article: makeArticle({ metadata: fullMetadata }),
      options: { jsonLdType: 'BlogPosting' },
    },
    { name: 'hostile metadata', article: makeArticle({ metadata: hostileMetadata }) },
    { name: 'footnote, table, code, image, task list', article: makeArticle({ tree: makeTreeWithGfm() }) },
  ];

  it.each(cases)('passes html-validate (recommended): $name', async ({ article, options }) => {
    const report = await validator.validateString(renderHtmlDocument(article, options));
    const messages = report.results.flatMap((result) =>
      result.messages.map((message) => `${message.ruleId} (line ${message.line}): ${message.message}`),
    );
    expect(messages).toEqual([]);
    expect(report.valid).toBe(true);
  });
});

describe('renderHtmlDocument: document', () => {
  it('starts with the doctype and declares the language', () => {
    const html = renderHtmlDocument(makeArticle());
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr-FR">/i);
    expect(renderHtmlDocument(makeArticle({ metadata: { locale: 'fr-CA' } }))).toContain(
      '<html lang="fr-CA">',
    );
    expect(renderHtmlDocument(makeArticle({ metadata: { locale: '' } }))).toContain('<html lang="fr-FR">');
  });

  it('has the SEO, Open Graph and Twitter tags', () => {
    const article = makeArticle({ metadata: fullMetadata });
    const tree = parse(renderHtmlDocument(article));
    const [title] = elements(tree, 'title');
    expect(textOf(title as Element)).toBe(article.metadata.title);
    expect(elements(tree, 'meta').filter((element) => element.properties.charSet === 'utf-8')).toHaveLength(
      1,
    );
    expect(meta(tree, 'name', 'viewport')).toBe('width=device-width, initial-scale=1');
    expect(meta(tree, 'name', 'description')).toBe(article.metadata.description);
    expect(meta(tree, 'name', 'robots')).toBe('index, follow');
    expect(meta(tree, 'property', 'og:type')).toBe('article');
    expect(meta(tree, 'property', 'og:title')).toBe(article.metadata.title);
    expect(meta(tree, 'property', 'og:description')).toBe(article.metadata.description);
    expect(meta(tree, 'property', 'og:locale')).toBe('fr_FR');
    expect(meta(tree, 'property', 'og:url')).toBe(fullMetadata.url);
    expect(meta(tree, 'property', 'og:site_name')).toBe('Tech & Co');
    expect(meta(tree, 'property', 'article:published_time')).toBe(fullMetadata.date);
    // A name is no Open Graph profile: article:author only with the author's address.
    expect(meta(tree, 'property', 'article:author')).toBeUndefined();
    expect(meta(tree, 'name', 'author')).toBe('Jeanne Dupont');
    expect(meta(tree, 'name', 'twitter:card')).toBe('summary');
    expect(meta(tree, 'name', 'twitter:title')).toBe(article.metadata.title);
    expect(meta(tree, 'name', 'twitter:description')).toBe(article.metadata.description);
    const canonical = elements(tree, 'link').filter(
      (element) => String(element.properties.rel) === 'canonical',
    );
    expect(canonical.map((element) => element.properties.href)).toEqual([fullMetadata.url]);
  });

  it('gives article:author the author’s address, and JSON-LD author.url and publisher.logo', () => {
    const article = makeArticle({
      metadata: {
        ...fullMetadata,
        authorUrl: 'https://exemple.fr/auteurs/jeanne',
        siteLogo: 'https://exemple.fr/logo.png',
      },
    });
    const html = renderHtmlDocument(article);
    const tree = parse(html);
    expect(meta(tree, 'property', 'article:author')).toBe('https://exemple.fr/auteurs/jeanne');
    expect(jsonLdOf(tree)).toMatchObject({
      author: { '@type': 'Person', name: 'Jeanne Dupont', url: 'https://exemple.fr/auteurs/jeanne' },
      publisher: {
        '@type': 'Organization',
        name: 'Tech & Co',
        logo: { '@type': 'ImageObject', url: 'https://exemple.fr/logo.png' },
      },
    });
    expect(validator.validateStringSync(html).valid).toBe(true);
  });

  it('keeps the date’s time zone: an offset stays, a date alone stays a date', () => {
    for (const date of ['2024-04-02T08:30:00+02:00', '2024-04-02T08:30:00-05:00', '2024-04-02']) {
      const tree = parse(renderHtmlDocument(makeArticle({ metadata: { date } })));
      expect(meta(tree, 'property', 'article:published_time')).toBe(date);
      expect(jsonLdOf(tree)).toMatchObject({ datePublished: date, dateModified: date });
    }
  });

  it('leaves out the tags of absent metadata', () => {
    const tree = parse(renderHtmlDocument(makeArticle()));
    expect(elements(tree, 'link')).toEqual([]);
    for (const property of ['og:url', 'og:site_name', 'article:published_time', 'article:author']) {
      expect(meta(tree, 'property', property)).toBeUndefined();
    }
  });

  it('has one script, the JSON-LD, and loads nothing from outside', () => {
    const article = makeArticle({ metadata: fullMetadata });
    const html = renderHtmlDocument(article, { jsonLdType: 'BlogPosting' });
    const tree = parse(html);
    expect(elements(tree, 'script')).toHaveLength(1);
    expect(jsonLdOf(tree)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'BlogPosting',
      headline: article.metadata.title,
      url: fullMetadata.url,
      datePublished: fullMetadata.date,
      author: { '@type': 'Person', name: 'Jeanne Dupont' },
      publisher: { '@type': 'Organization', name: 'Tech & Co' },
    });
    expect(elements(tree, 'style')).toHaveLength(1);
    expect(textOf(elements(tree, 'style')[0] as Element)).toContain('max-width: 42rem');
    expect(html).not.toMatch(/@import|url\(|src=/);
  });
});

describe('renderHtmlDocument: body', () => {
  it('puts the article in main > article, with one H1 first and no skipped heading level', () => {
    const tree = parse(renderHtmlDocument(makeArticle()));
    const [main] = elements(tree, 'main');
    const articles = elements(main as Element, 'article');
    expect(articles).toHaveLength(1);
    expect(elements(tree, 'h1')).toHaveLength(1);
    const levels = elements(articles[0] as Element)
      .filter((element) => /^h[1-6]$/.test(element.tagName))
      .map((element) => Number(element.tagName.slice(1)));
    expect(levels).toEqual([1, 2, 2, 3, 2, 2]);
    expect(elements(articles[0] as Element).find((element) => element.tagName !== 'h1')?.tagName).not.toBe(
      undefined,
    );
    const firstChild = (articles[0] as Element).children.find((node) => node.type === 'element');
    expect((firstChild as Element).tagName).toBe('h1');
  });

  it('gives headings their ids and keeps the « L’essentiel » box as an aside', () => {
    const html = renderHtmlDocument(makeArticle());
    expect(html).toContain(`<h1 id="talents-en-ia">Talents en IA${NBSP}: pourquoi`);
    expect(html).toContain('<h3 id="jusqua-100-000-dollars-par-an">Jusqu’à 100 000 dollars par an</h3>');
    expect(html).toContain('<aside class="essentiel">\n<p><strong>L’essentiel</strong></p>');
  });

  it('writes French typography byte for byte', () => {
    const html = renderHtmlDocument(makeArticle());
    expect(html).toContain(
      `<p>«${NBSP}Des entreprises comme Meta volent et retiennent les talents${NBSP}», a déclaré`,
    );
    expect(html).toContain(`<strong>100${NBSP}000${NBSP}dollars</strong> de prime${NNBSP}!`);
    expect(html).not.toMatch(/&#xA0;|&nbsp;|&#x202F;/i);
  });

  it('puts the « Sommaire » nav right before the first H2, H3 nested under their H2', () => {
    const tree = parse(renderHtmlDocument(makeArticle()));
    const navs = elements(tree, 'nav');
    expect(navs).toHaveLength(1);
    const nav = navs[0] as Element;
    expect(nav.properties.ariaLabel).toBe('Sommaire');
    expect(elements(nav).filter((element) => /^h[1-6]$/.test(element.tagName))).toEqual([]);
    const [list] = elements(nav, 'ol');
    const items = (list as Element).children.filter((node): node is Element => node.type === 'element');
    expect(items.map((item) => elements(item, 'a')[0]?.properties.href)).toEqual([
      '#une-course-aux-talents-en-ia',
      '#des-salaires-hors-norme',
      '#les-startups-a-la-peine',
      '#ce-qui-pourrait-changer',
    ]);
    const nested = elements(items[1] as Element, 'ol')[0] as Element;
    expect(elements(nested, 'a').map((link) => [link.properties.href, textOf(link)])).toEqual([
      ['#jusqua-100-000-dollars-par-an', 'Jusqu’à 100 000 dollars par an'],
    ]);
    const siblings = elements(tree, 'article')[0]?.children.filter((node) => node.type === 'element') ?? [];
    const navIndex = siblings.indexOf(nav);
    expect((siblings[navIndex + 1] as Element).tagName).toBe('h2');
    expect(siblings.slice(0, navIndex).some((node) => (node as Element).tagName === 'h2')).toBe(false);
  });

  it('renders GFM: footnotes labelled in French, tables, task list checkboxes', () => {
    const html = renderHtmlDocument(makeArticle({ tree: makeTreeWithGfm() }));
    const tree = parse(html);
    expect(elements(tree, 'table')).toHaveLength(1);
    expect(elements(tree, 'input').map((input) => Boolean(input.properties.checked))).toEqual([true, false]);
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">Notes</h2>');
    expect(html).toContain('aria-label="Retour à l’appel de note 1"');
    expect(html).toContain('<img src="https://exemple.fr/salaires.png" alt="Un graphique des salaires">');
  });

  it('has no nav when the option is off or the article has no table of contents', () => {
    expect(elements(parse(renderHtmlDocument(makeArticle(), { tableOfContents: false })), 'nav')).toEqual([]);
    expect(elements(parse(renderHtmlDocument(makeArticle({ tableOfContents: [] }))), 'nav')).toEqual([]);
  });

  it('does not modify the article', () => {
    const article = makeArticle({ metadata: fullMetadata });
    const before = structuredClone(article);
    renderHtmlDocument(article);
    expect(article).toEqual(before);
    expect(article.tree).toEqual(makeTree());
  });
});

describe('renderHtmlDocument: escaping and safety', () => {
  it('escapes hostile metadata in text, attributes and JSON-LD', () => {
    const article = makeArticle({ metadata: hostileMetadata });
    const html = renderHtmlDocument(article);
    const tree = parse(html);
    expect(elements(tree, 'script')).toHaveLength(1);
    expect(elements(tree, 'b')).toEqual([]);
    // What matters is how a parser reads the page: inside a quoted attribute `<` is plain text.
    expect(html).toContain('<title>&#x3C;/script>&#x3C;script>alert(1)&#x3C;/script></title>');
    expect(textOf(elements(tree, 'title')[0] as Element)).toBe(hostileMetadata.title);
    expect(meta(tree, 'name', 'description')).toBe(hostileMetadata.description);
    expect(meta(tree, 'property', 'og:site_name')).toBe(hostileMetadata.siteName);
    expect(meta(tree, 'name', 'author')).toBe(hostileMetadata.author);
    expect(elements(tree, 'link')[0]?.properties.href).toBe(hostileMetadata.url);
    expect(jsonLdOf(tree)).toMatchObject({
      headline: hostileMetadata.title,
      description: hostileMetadata.description,
      author: { name: hostileMetadata.author },
      publisher: { name: hostileMetadata.siteName },
    });
  });

  it('keeps the text of javascript: links and drops their href', () => {
    const tree = makeTree();
    tree.children.push(
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Voir ' },
          { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'le rapport' }] },
          { type: 'text', value: ', ' },
          { type: 'link', url: ' JavaScript:alert(2)', children: [{ type: 'text', value: 'la source' }] },
          { type: 'text', value: ' et ' },
          {
            type: 'linkReference',
            identifier: 'ref',
            referenceType: 'full',
            children: [{ type: 'text', value: 'la note' }],
          },
          { type: 'text', value: '.' },
        ],
      },
      { type: 'definition', identifier: 'ref', url: 'javascript:alert(3)' },
      { type: 'paragraph', children: [{ type: 'image', url: 'javascript:alert(4)', alt: 'graphique' }] },
    );
    const html = renderHtmlDocument(makeArticle({ tree }));
    expect(html).toContain('<p>Voir le rapport, la source et la note.</p>');
    expect(html).not.toMatch(/javascript|alert|<img/i);
  });

  it('drops raw HTML, and elements or handlers smuggled in through data.hName', () => {
    const tree: Root = makeTree();
    tree.children.push(
      { type: 'html', value: '<script>alert(1)</script>' },
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Texte ' },
          { type: 'html', value: '<img src=x onerror=alert(2)>' },
          {
            type: 'emphasis',
            data: { hProperties: { onClick: 'alert(3)', onmouseover: 'alert(6)', className: ['note'] } },
            children: [{ type: 'text', value: 'souligné' }],
          },
        ],
      },
      { type: 'paragraph', data: { hName: 'script' }, children: [{ type: 'text', value: 'alert(4)' }] },
      {
        type: 'paragraph',
        data: {
          hName: 'a',
          hProperties: { HREF: 'javascript:alert(7)', 'xlink:href': 'javascript:alert(8)' },
        },
        children: [{ type: 'text', value: 'Lien piégé' }],
      },
      {
        type: 'paragraph',
        data: { hChildren: [{ type: 'raw', value: '<script>alert(5)</script>' }] },
        children: [],
      },
    );
    const html = renderHtmlDocument(makeArticle({ tree }));
    const parsed = parse(html);
    expect(elements(parsed, 'script')).toHaveLength(1);
    expect(html).not.toMatch(/alert|onerror|onclick/i);
    expect(html).toContain('<p>Texte <em class="note">souligné</em></p>');
    // Only `href` is a link's address: other spellings are attributes the allow-list does not know.
    expect(html).toContain('\n<a>Lien piégé</a>\n');
  });

  it('keeps only what the allow-list names: other elements give their text, code and styles go whole', () => {
    const tree: Root = makeTree();
    tree.children.push(
      { type: 'paragraph', data: { hName: 'button' }, children: [{ type: 'text', value: 'Bouton' }] },
      { type: 'paragraph', data: { hName: 'marquee' }, children: [{ type: 'text', value: 'Défilant' }] },
      {
        type: 'paragraph',
        data: { hName: 'style' },
        children: [{ type: 'text', value: 'body{display:none}' }],
      },
      { type: 'paragraph', data: { hName: 'iframe' }, children: [{ type: 'text', value: 'cadre' }] },
      {
        type: 'paragraph',
        data: { hProperties: { style: 'display:none', dataTrack: 'x', formAction: 'https://evil.example/' } },
        children: [{ type: 'text', value: 'Paragraphe' }],
      },
      {
        type: 'paragraph',
        children: [{ type: 'image', url: 'data:image/png;base64,AAAA', alt: 'image en ligne' }],
      },
    );
    const html = renderHtmlDocument(makeArticle({ tree }));
    expect(html).toContain('\nBouton\n');
    expect(html).toContain('\nDéfilant\n');
    expect(html).not.toMatch(/<button|<marquee|<iframe|display|cadre|data-track|formaction|data:image/i);
    expect(html).toContain('\n<p>Paragraphe</p>\n');
  });
});
