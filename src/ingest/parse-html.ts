import type { Element, Root as HastRoot, RootContent as HastRootContent, Parents } from 'hast';
import { toMdast } from 'hast-util-to-mdast';
import type { Nodes as MdastNodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Document, SourceMetadata } from '../document.js';
import { isPhrasingContent } from '../phrasing-content.js';
import { codeLanguageOf } from './code-language.js';
import {
  FOOTNOTE_DEFINITION_TAG,
  FOOTNOTE_IDENTIFIER,
  FOOTNOTE_REFERENCE_TAG,
  resolveInPageLinks,
} from './in-page-links.js';
import { InputError } from './input-error.js';
import { listPageNoise, type NoiseNode } from './list-page-noise.js';
import { promoteHeaderRows } from './promote-header-row.js';
import { authorFromByline, normalizeSourceDate } from './read-source-metadata.js';
import { scriptDigits } from './script-digits.js';
import { unwrapCodeTables } from './unwrap-code-tables.js';

export interface ParseHtmlPageOptions {
  /** Address the page was fetched from: resolves relative links, and is the canonical URL when the
   * page declares none (default: none). */
  url?: string;
}

const fragmentParser = unified().use(rehypeParse, { fragment: true }).freeze();

/** Elements that are never article content: code, embeds, forms and their controls, navigation. */
const REMOVED_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'frame',
  'object',
  'embed',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
]);

/** URL schemes that run code: a link or an image using one is kept as plain content. */
const EXECUTABLE_URL = /^\s*(?:javascript|vbscript):/i;

/** Readability removes `align` and `style` from table cells; this attribute keeps their alignment. */
const ALIGN_ATTRIBUTE = 'data-plume-align';
/** The same attribute once rehype has parsed it into a hast property. */
const ALIGN_PROPERTY = 'dataPlumeAlign';
const CELL_ALIGNMENTS = new Set(['left', 'center', 'right']);

/** Readability removes classes, where code listings name their language; this attribute keeps it. */
const CODE_LANGUAGE_ATTRIBUTE = 'data-plume-lang';
/** The same attribute once rehype has parsed it into a hast property. */
const CODE_LANGUAGE_PROPERTY = 'dataPlumeLang';

/** Readability turns every `<h1>` into `<h2>`; this attribute marks the real ones. */
const LEVEL_ATTRIBUTE = 'data-plume-h1';
/** The same attribute once rehype has parsed it into a hast property. */
const LEVEL_PROPERTY = 'dataPlumeH1';

/**
 * Parses an HTML fragment (an article body, a CMS export) into a document. Scripts, styles, embeds,
 * forms and navigation are dropped first; headings keep their level. Positions point into `html`.
 */
export function parseHtmlFragment(html: string): Document {
  return { format: 'html', tree: htmlToMdast(html), metadata: {} };
}

/**
 * Extracts the article from a full HTML page with Readability and parses it. Metadata comes from the
 * page: title (Readability's, i.e. the page title), `<html lang>`, byline, site name, publication
 * date, `<meta name="description">`, `<link rel="canonical">` (else `options.url`). No H1 is added
 * when the extracted content has none: choosing the H1 is the plan's job.
 *
 * The tree carries no positions: they would point into Readability's output, not into the page.
 * linkedom and Readability are loaded on first use, so commands that never read a page skip them.
 */
export async function parseHtmlPage(html: string, options: ParseHtmlPageOptions = {}): Promise<Document> {
  const [{ parseHTML }, readabilityModule] = await Promise.all([
    import('linkedom'),
    import('@mozilla/readability'),
  ]);
  // A CommonJS module: named export under Node, `default` only once bundled.
  const { Readability } = (
    'Readability' in readabilityModule
      ? readabilityModule
      : (readabilityModule as { default: unknown }).default
  ) as typeof import('@mozilla/readability');
  const { document } = parseHTML(html);

  // Read the head before Readability, which rewrites the document it parses.
  const lang = document.documentElement?.getAttribute('lang')?.trim() || undefined;
  const description = metaContent(document, 'description') ?? metaContent(document, 'og:description');
  const canonical = resolveUrl(linkHref(document, 'canonical'), options.url) ?? options.url;
  const headline = articleHeadline(document);
  const pageSiteName = metaContent(document, 'og:site_name');
  // Readability reads JSON-LD and some meta tags; `article:published_time` and `<time datetime>` are the rest.
  const publishedTime =
    metaContent(document, 'article:published_time') ??
    cleanText(
      (
        document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]')
      )?.getAttribute('datetime'),
    );
  if (options.url && !document.querySelector('base[href]')) addBaseUrl(document, options.url);
  for (const heading of document.querySelectorAll('h1')) heading.setAttribute(LEVEL_ATTRIBUTE, '1');
  markCellAlignment(document);
  markCodeLanguages(document);
  const ownPage = metaContent(document, 'generator')?.startsWith('Plume') ?? false;
  if (ownPage) unwrapOwnHtmlBoxes(document);

  // A page Plume wrote holds nothing but the article in its <article>: read as it is, every heading and
  // paragraph comes back (Readability would score away short sections, the reverse of a round trip).
  // Readability rewrites the page: a copy of the body is kept to say what it left out.
  const pageBody = ownPage ? null : (document.body?.cloneNode(true) ?? null);
  const article = ownPage ? ownArticle(document) : new Readability(document).parse();
  const tree = htmlToMdast(article?.content ?? '', options.url === undefined ? {} : { pageUrl: options.url });
  if (!article || mdastToString(tree).trim() === '') {
    throw new InputError('no-article', 'Aucun article trouvé dans la page HTML.');
  }
  removePositions(tree);
  // Readability drops an H1 that repeats the page title; the author's headline is the article's H1.
  if (headline !== undefined && !tree.children.some((node) => node.type === 'heading' && node.depth === 1)) {
    tree.children.unshift({ type: 'heading', depth: 1, children: [{ type: 'text', value: headline }] });
  }

  const metadata: SourceMetadata = {};
  const assign = <Key extends keyof SourceMetadata>(key: Key, value: SourceMetadata[Key] | undefined) => {
    if (value !== undefined) metadata[key] = value;
  };
  const siteName = cleanText(article.siteName) ?? pageSiteName;
  assign('title', withoutSiteName(cleanText(article.title), siteName));
  assign('description', description);
  assign('lang', lang ?? cleanText(article.lang));
  assign('url', canonical);
  const byline = cleanText(article.byline);
  assign('author', byline === undefined ? undefined : authorFromByline(byline));
  const date = cleanText(article.publishedTime) ?? publishedTime;
  assign('date', date === undefined ? undefined : normalizeSourceDate(date));
  assign('siteName', cleanText(siteName));
  const removed = pageBody ? listPageNoise(pageBody, mdastToString(tree)) : [];
  return { format: 'html-page', tree, metadata, ...(removed.length > 0 ? { removed } : {}) };
}

/**
 * A table cell's alignment (`align="center"`, or `style="text-align: right"` as WordPress writes it) in
 * an attribute Readability keeps, so that the Markdown table keeps its `:---:` columns.
 */
function markCellAlignment(document: PageDocument): void {
  for (const cell of document.querySelectorAll('th, td')) {
    const fromStyle = /(?:^|;)\s*text-align\s*:\s*([a-z]+)/i.exec(cell.getAttribute('style') ?? '')?.[1];
    const align = (cell.getAttribute('align') ?? fromStyle ?? '').trim().toLowerCase();
    if (CELL_ALIGNMENTS.has(align)) cell.setAttribute(ALIGN_ATTRIBUTE, align);
  }
}

/** Each listing's language (its classes, see code-language.ts) in an attribute Readability keeps. */
function markCodeLanguages(document: PageDocument): void {
  for (const listing of document.querySelectorAll('pre')) {
    const classes = [listing, ...listing.querySelectorAll('code')].flatMap((element) =>
      (element.getAttribute('class') ?? '').split(/\s+/u).filter(Boolean),
    );
    const language = codeLanguageOf(classes);
    if (language !== undefined) listing.setAttribute(CODE_LANGUAGE_ATTRIBUTE, language);
  }
}

/** What Readability would return, read from a page Plume wrote: its <article> and its head. */
function ownArticle(document: PageDocument): {
  content: string;
  title: string | null;
  lang: string | null;
  byline: string | null;
  publishedTime: string | null;
  siteName: string | null;
} | null {
  const element = document.querySelector('article');
  if (!element) return null;
  return {
    content: element.innerHTML,
    title: document.querySelector('title')?.textContent ?? null,
    lang: null,
    // Plume writes the name in `author`; `article:author` is a profile's address there, not a name.
    byline: metaContent(document, 'author') ?? nameOnly(metaContent(document, 'article:author')) ?? null,
    publishedTime: metaContent(document, 'article:published_time') ?? null,
    siteName: metaContent(document, 'og:site_name') ?? null,
  };
}

/**
 * A page Plume wrote: its « L’essentiel » aside becomes the plain list it was built from (Readability
 * drops asides, and the writer builds the box again) and its « Sommaire » goes (the renderer adds it).
 */
function unwrapOwnHtmlBoxes(document: PageDocument): void {
  for (const aside of document.querySelectorAll('aside.essentiel')) {
    const list = aside.querySelector('ul, ol');
    if (!list) continue;
    // The introduction stands before the box: the list goes back before it, as the source had it.
    let firstParagraph = aside.previousElementSibling?.tagName === 'P' ? aside.previousElementSibling : null;
    while (firstParagraph?.previousElementSibling?.tagName === 'P')
      firstParagraph = firstParagraph.previousElementSibling;
    if (firstParagraph) {
      firstParagraph.before(list);
      aside.remove();
    } else {
      aside.replaceWith(list);
    }
  }
  for (const nav of document.querySelectorAll('nav[aria-label="Sommaire"]')) nav.remove();
  // The hidden « Notes » heading over the footnotes is the renderer's, not a section of the article.
  for (const label of document.querySelectorAll('section[data-footnotes] > #footnote-label')) label.remove();
}

/**
 * Converts an HTML block found inside Markdown (a `<figure>`, a `<p class="quote">`, a `<video>`) to
 * Markdown nodes, without positions: prose stays prose, a quote becomes a blockquote, an image keeps
 * its `src` and `alt`, and audio, video or an embedded player becomes a link to the media.
 */
export function htmlBlockToMdast(html: string): Root {
  const tree = htmlToMdast(html, { embeddedHtml: true });
  removePositions(tree);
  // Comments (`<!--more-->`) come back as raw HTML: no content.
  tree.children = tree.children.filter((node) => node.type !== 'html');
  return tree;
}

/** Words of the link that stands for a media element (no title on it). */
const MEDIA_LABELS: Readonly<Record<string, string>> = {
  video: 'Voir la vidéo',
  audio: 'Écouter l’enregistrement',
  iframe: 'Voir le contenu intégré',
};

/**
 * Inside Markdown, media and styled quotes are the author's content: a `<video>` becomes a link to it,
 * an element whose class says « quote » a blockquote.
 */
function convertEmbeddedElements(parent: Parents): void {
  for (const [index, child] of parent.children.entries()) {
    if (child.type !== 'element') continue;
    const label = MEDIA_LABELS[child.tagName];
    if (label !== undefined) {
      const source = child.children.find(
        (node): node is typeof child => node.type === 'element' && node.tagName === 'source',
      );
      const href = child.properties.src ?? source?.properties.src;
      const title = typeof child.properties.title === 'string' ? child.properties.title : label;
      parent.children[index] =
        typeof href === 'string' && !EXECUTABLE_URL.test(href)
          ? {
              type: 'element',
              tagName: 'p',
              properties: {},
              children: [
                {
                  type: 'element',
                  tagName: 'a',
                  properties: { href },
                  children: [{ type: 'text', value: title }],
                },
              ],
            }
          : { type: 'text', value: '' };
      continue;
    }
    const classes = child.properties.className;
    if (Array.isArray(classes) && classes.some((name) => /quote|citation/i.test(String(name)))) {
      child.tagName = 'blockquote';
    }
    convertEmbeddedElements(child);
  }
}

function htmlToMdast(html: string, options: { embeddedHtml?: boolean; pageUrl?: string } = {}): Root {
  const hast: HastRoot = fragmentParser.parse(html);
  if (options.embeddedHtml) convertEmbeddedElements(hast);
  // Before cleaning: a note call is still in its `<sup>`.
  resolveInPageLinks(hast, {
    wholeArticle: !options.embeddedHtml,
    ...(options.pageUrl === undefined ? {} : { pageUrl: options.pageUrl }),
  });
  cleanElements(hast);
  unwrapCodeTables(hast);
  promoteHeaderRows(hast);
  const converted = toMdast(hast, {
    handlers: {
      [FOOTNOTE_REFERENCE_TAG]: (_state, element) => {
        const identifier = String(element.properties[FOOTNOTE_IDENTIFIER]);
        return { type: 'footnoteReference', identifier, label: identifier };
      },
      [FOOTNOTE_DEFINITION_TAG]: (state, element) => {
        const identifier = String(element.properties[FOOTNOTE_IDENTIFIER]);
        return {
          type: 'footnoteDefinition',
          identifier,
          label: identifier,
          children: state.toFlow(state.all(element)),
        };
      },
    },
  });
  const tree: Root =
    converted.type === 'root' ? converted : { type: 'root', children: [converted as RootContent] };
  wrapInlineRuns(tree);
  return tree;
}

/**
 * Drops non-content elements, unwraps links and drops images whose URL runs code, and restores the
 * H1s Readability demoted.
 */
function cleanElements(parent: Parents): void {
  const children: HastRootContent[] = [];
  for (const child of parent.children) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    if (REMOVED_ELEMENTS.has(child.tagName)) continue;
    if (child.tagName === 'img' && isExecutableUrl(child.properties.src)) continue;
    const align = child.properties[ALIGN_PROPERTY];
    if (align !== undefined) {
      child.properties.align = String(align);
      delete child.properties[ALIGN_PROPERTY];
    }
    if (child.properties[LEVEL_PROPERTY] !== undefined) {
      if (/^h[1-6]$/.test(child.tagName)) child.tagName = 'h1';
      delete child.properties[LEVEL_PROPERTY];
    }
    if (child.tagName === 'pre') nameCodeLanguage(child);
    if (child.tagName === 'sup' || child.tagName === 'sub') scriptDigits(child);
    cleanElements(child);
    if (isExecutableUrl(child.properties.href)) children.push(...child.children);
    else children.push(child);
  }
  parent.children = children as typeof parent.children;
}

/**
 * Gives a listing's language the one form hast-util-to-mdast reads (`<pre><code class="language-…">`),
 * so that the Markdown fence names it (« ```javascript »): from the page's attribute, else its classes.
 */
function nameCodeLanguage(listing: Element): void {
  const marked = listing.properties[CODE_LANGUAGE_PROPERTY];
  delete listing.properties[CODE_LANGUAGE_PROPERTY];
  const codes = listing.children.filter(
    (child): child is Element => child.type === 'element' && child.tagName === 'code',
  );
  const language =
    marked !== undefined
      ? String(marked)
      : codeLanguageOf([listing, ...codes].flatMap((element) => classNames(element)));
  if (language === undefined) return;
  const code = codes[0];
  if (code !== undefined) {
    code.properties.className = [`language-${language}`];
    return;
  }
  listing.children = [
    {
      type: 'element',
      tagName: 'code',
      properties: { className: [`language-${language}`] },
      children: listing.children,
    },
  ];
}

function classNames(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function isExecutableUrl(value: unknown): boolean {
  return typeof value === 'string' && EXECUTABLE_URL.test(value);
}

/**
 * hast-util-to-mdast leaves inline content found at the top (bare text around block tags) in the
 * root; the rest of Plume expects blocks there, so each run of it becomes a paragraph.
 */
function wrapInlineRuns(tree: Root): void {
  const children: RootContent[] = [];
  let run: PhrasingContent[] = [];
  const flush = () => {
    if (run.some((node) => node.type !== 'text' || node.value.trim() !== '')) {
      const first = run[0]?.position;
      const last = run[run.length - 1]?.position;
      const paragraph: Paragraph = { type: 'paragraph', children: run };
      if (first && last) paragraph.position = { start: { ...first.start }, end: { ...last.end } };
      children.push(paragraph);
    }
    run = [];
  };
  for (const node of tree.children) {
    if (isPhrasingContent(node)) {
      run.push(node);
    } else {
      flush();
      children.push(node);
    }
  }
  flush();
  tree.children = children;
}

function removePositions(node: MdastNodes): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) removePositions(child);
}

/** Minimal view of the linkedom document, so this module's types do not depend on the DOM library. */
interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  createElement(tagName: string): PageElement;
  head: PageElement | null;
  body: (PageElement & NoiseNode) | null;
  documentElement: PageElement | null;
}

interface PageElement {
  textContent: string | null;
  readonly innerHTML: string;
  cloneNode(deep: boolean): PageElement & NoiseNode;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  prepend(node: PageElement): void;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  replaceWith(node: PageElement): void;
  before(node: PageElement): void;
  remove(): void;
  readonly tagName: string;
  readonly previousElementSibling: PageElement | null;
}

/** The article's `<h1>`: inside `<article>` or `<main>`, else the page's only one. */
function articleHeadline(document: PageDocument): string | undefined {
  const inArticle = document.querySelector('article h1') ?? document.querySelector('main h1');
  if (inArticle) return cleanText(inArticle.textContent);
  const all = [...document.querySelectorAll('h1')];
  return all.length === 1 ? cleanText(all[0]?.textContent) : undefined;
}

function metaContent(document: PageDocument, name: string): string | undefined {
  for (const meta of document.querySelectorAll('meta')) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim().toLowerCase();
    if (key === name) return cleanText(meta.getAttribute('content'));
  }
  return undefined;
}

function nameOnly(value: string | undefined): string | undefined {
  return value === undefined || /^https?:\/\//i.test(value) ? undefined : value;
}

function linkHref(document: PageDocument, relation: string): string | undefined {
  for (const link of document.querySelectorAll('link')) {
    const relations = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (relations.includes(relation)) return cleanText(link.getAttribute('href'));
  }
  return undefined;
}

function addBaseUrl(document: PageDocument, url: string): void {
  const base = document.createElement('base');
  base.setAttribute('href', url);
  document.head?.prepend(base);
}

function resolveUrl(href: string | undefined, baseUrl: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  try {
    return new URL(href, baseUrl).href;
  } catch {
    // A relative canonical with no page URL to resolve it against is still worth keeping.
    return href;
  }
}

/**
 * « These Weeks in Firefox: Issue 85 – Firefox Nightly News » -> « These Weeks in Firefox: Issue 85 »: the
 * page title's site name after a separator (–, —, |, -, ·, »), which Readability keeps after an en dash.
 */
export function withoutSiteName(title: string | undefined, siteName: string | undefined): string | undefined {
  if (title === undefined || siteName === undefined) return title;
  const suffix = new RegExp(`\\s+[–—|·»-]\\s+${siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu');
  const stripped = title.replace(suffix, '').trim();
  return stripped.length > 0 ? stripped : title;
}

function cleanText(value: string | null | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}
