import type { Element, ElementContent, Root as HastRoot, Properties, RootContent } from 'hast';
import type { Nodes as MdastNodes } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Article } from '../article.js';
import { ARTICLE_HTML_SCHEMA } from './article-html-schema.js';
import { cloneTree } from './clone-tree.js';
import { dropEmptyTableHeaders } from './drop-empty-table-header.js';
import { absoluteImageUrl, buildFaqJsonLd, buildJsonLd, type FaqEntry, serializeJsonLd } from './json-ld.js';
import { nestTableOfContents, type TableOfContentsNode } from './nest-table-of-contents.js';
import { GENERATOR } from './render-markdown.js';
import { sanitizeMarkdownTree } from './sanitize-markdown-tree.js';
import { stringifyHtml } from './serialize-html.js';
import { tableOfContentsIndex } from './table-of-contents-place.js';

/** Options of {@link renderHtmlDocument}. */
export interface RenderHtmlOptions {
  /**
   * Insert a `<nav aria-label="Sommaire">` before the first `<h2>`, when the article has a table of
   * contents (default: `true`).
   */
  tableOfContents?: boolean;
  /** schema.org type of the JSON-LD (default: `'Article'`). */
  jsonLdType?: 'Article' | 'BlogPosting';
  /** Questions and answers for a schema.org `FAQPage` beside the article (default: none). */
  faq?: readonly FaqEntry[];
}

const DEFAULT_LOCALE = 'fr-FR';

/** A readable single-column layout with system fonts: no web font, no external resource. */
const STYLE = `
:root { color-scheme: light dark; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 1.125rem; line-height: 1.65; color: #1f2328; background: #fff; }
main { max-width: 42rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3, h4 { line-height: 1.25; margin: 2em 0 0.6em; }
h1 { font-size: 2.1rem; margin-top: 0.5em; }
h2 { font-size: 1.5rem; }
h3 { font-size: 1.2rem; }
p, ul, ol, blockquote, aside, table, pre { margin: 0 0 1.1em; }
a { color: #0b5cad; }
img { max-width: 100%; height: auto; }
blockquote { margin-left: 0; padding-left: 1em; border-left: 3px solid #d0d7de; color: #57606a; }
aside { padding: 1em 1.25em; border-left: 4px solid #0b5cad; background: #f3f6fa; border-radius: 4px; }
aside > :last-child, nav > :last-child { margin-bottom: 0; }
nav { padding: 1em 1.25em; margin: 0 0 1.5em; border: 1px solid #d0d7de; border-radius: 4px; }
nav ol { margin: 0.4em 0 0; padding-left: 1.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: 0.4em 0.6em; text-align: left; }
pre { overflow-x: auto; padding: 1em; background: #f6f8fa; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; }
  a { color: #58a6ff; }
  blockquote { color: #9da7b3; border-color: #30363d; }
  aside { background: #161b22; border-color: #58a6ff; }
  nav, th, td { border-color: #30363d; }
  pre { background: #161b22; }
}
`;

const markdownToHtmlTree = unified()
  .use(remarkRehype, {
    footnoteLabel: 'Notes',
    footnoteBackLabel: (referenceIndex: number, rereferenceIndex: number) =>
      `Retour à l’appel de note ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
  })
  // What `data.hName` / `data.hProperties` could smuggle in is checked against an allow-list.
  .use(rehypeSanitize, ARTICLE_HTML_SCHEMA)
  .freeze();

/**
 * Renders an article as a complete HTML5 document: SEO, Open Graph and Twitter tags, JSON-LD, a small
 * embedded style sheet, and the body in `<main><article>`. Raw HTML from the tree is dropped, unsafe
 * URLs removed and every value escaped. The input is not modified.
 */
export function renderHtmlDocument(article: Article, options: RenderHtmlOptions = {}): string {
  const { metadata } = article;
  const locale = metadata.locale || DEFAULT_LOCALE;
  const body = renderBody(article, options.tableOfContents ?? true);
  const articleJsonLd = buildJsonLd(article, options.jsonLdType ? { type: options.jsonLdType } : {});
  const jsonLd = serializeJsonLd(
    options.faq && options.faq.length > 0 ? [articleJsonLd, buildFaqJsonLd(options.faq)] : articleJsonLd,
  );

  const head: Element[] = [
    element('meta', { charSet: 'utf-8' }),
    element('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    element('title', {}, [{ type: 'text', value: metadata.title }]),
    namedMeta('description', metadata.description),
    // A draft (a hard constraint failed) must not be indexed as it is.
    namedMeta('robots', isDraft(metadata) ? 'noindex, follow' : 'index, follow'),
    namedMeta('generator', GENERATOR),
    ...(metadata.author ? [namedMeta('author', metadata.author)] : []),
  ];
  if (metadata.url) head.push(element('link', { rel: ['canonical'], href: metadata.url }));
  head.push(
    propertyMeta('og:type', 'article'),
    propertyMeta('og:title', metadata.title),
    propertyMeta('og:description', metadata.description),
    // Open Graph writes locales with an underscore: `fr_FR`.
    propertyMeta('og:locale', locale.replace(/-/g, '_')),
  );
  if (metadata.url) head.push(propertyMeta('og:url', metadata.url));
  if (metadata.siteName) head.push(propertyMeta('og:site_name', metadata.siteName));
  if (metadata.date) head.push(propertyMeta('article:published_time', metadata.date));
  // Open Graph wants a profile's address here, not a name: none without one.
  if (metadata.authorUrl) head.push(propertyMeta('article:author', metadata.authorUrl));
  const image = metadata.image ? absoluteImageUrl(metadata.image.url, metadata.url) : undefined;
  if (image && metadata.image) {
    head.push(propertyMeta('og:image', image));
    if (metadata.image.alt) head.push(propertyMeta('og:image:alt', metadata.image.alt));
  }
  head.push(
    // An image gets the large card; without one, the small card.
    namedMeta('twitter:card', image ? 'summary_large_image' : 'summary'),
    namedMeta('twitter:title', metadata.title),
    namedMeta('twitter:description', metadata.description),
  );
  if (image && metadata.image) {
    head.push(namedMeta('twitter:image', image));
    if (metadata.image.alt) head.push(namedMeta('twitter:image:alt', metadata.image.alt));
  }
  head.push(
    // Script and style contents are written as is (raw text): the JSON is escaped for that.
    element('script', { type: 'application/ld+json' }, [{ type: 'text', value: jsonLd }]),
    element('style', {}, [{ type: 'text', value: STYLE }]),
  );

  const document: HastRoot = {
    type: 'root',
    children: [
      { type: 'doctype' },
      newline(),
      element('html', { lang: locale }, [
        newline(),
        element('head', {}, separateByNewlines(head)),
        newline(),
        element('body', {}, [
          newline(),
          element('main', {}, [
            newline(),
            element('article', {}, [newline(), ...body, newline()]),
            newline(),
          ]),
          newline(),
        ]),
        newline(),
      ]),
      newline(),
    ],
  };
  return stringifyHtml(document);
}

/** The article body as HTML nodes: headings with their ids, the « Sommaire » before the first `<h2>`. */
export function renderBody(article: Article, withTableOfContents: boolean): ElementContent[] {
  const tree = cloneTree(article.tree);
  sanitizeMarkdownTree(tree);
  copyHeadingIds(tree);
  const hast = markdownToHtmlTree.runSync(tree);
  dropEmptyTableHeaders(hast);
  const children = hast.children as ElementContent[];
  const tableOfContents = nestTableOfContents(article.tableOfContents);
  if (withTableOfContents && tableOfContents.length > 0) {
    const nav = element('nav', { ariaLabel: 'Sommaire' }, [
      element('p', {}, [element('strong', {}, [{ type: 'text', value: 'Sommaire' }])]),
      buildList(tableOfContents),
    ]);
    const index = tableOfContentsIndex(children, {
      level: (node) => (isElement(node, 'h1') ? 1 : isElement(node, 'h2') ? 2 : 0),
      text: (node) => hastText(node),
      isBlank: (node) => node.type === 'text' && node.value.trim() === '',
    });
    children.splice(index, 0, nav, newline());
  }
  return children;
}

/** The text of a HAST node, tags aside. */
function hastText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(hastText).join('') : '';
}

/** remark-rehype reads `data.hProperties`, not our `data.id`: copy the anchor over. */
function copyHeadingIds(node: MdastNodes): void {
  if (node.type === 'heading') {
    const id = (node.data as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string' && id !== '') {
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    }
  }
  if ('children' in node) for (const child of node.children) copyHeadingIds(child);
}

function buildList(nodes: readonly TableOfContentsNode[]): Element {
  return element(
    'ol',
    {},
    nodes.map((node) => {
      const link = element('a', { href: `#${node.entry.id}` }, [{ type: 'text', value: node.entry.text }]);
      return element('li', {}, node.children.length > 0 ? [link, buildList(node.children)] : [link]);
    }),
  );
}

function namedMeta(name: string, content: string): Element {
  return element('meta', { name, content });
}

function propertyMeta(property: string, content: string): Element {
  return element('meta', { property, content });
}

function element(tagName: string, properties: Properties = {}, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function newline(): ElementContent {
  return { type: 'text', value: '\n' };
}

function separateByNewlines(nodes: readonly ElementContent[]): ElementContent[] {
  return nodes.flatMap((node) => [newline(), node]).concat(newline());
}

function isElement(node: RootContent | ElementContent, tagName: string): node is Element {
  return node.type === 'element' && node.tagName === tagName;
}

/** An article that fails a hard constraint is a draft. */
function isDraft(metadata: Article['metadata']): boolean {
  return (metadata.constraintsFailed?.length ?? 0) > 0;
}
