import type { List, ListItem, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkStringify, { type Options as RemarkStringifyOptions } from 'remark-stringify';
import { unified } from 'unified';
import type { Article } from '../article.js';
import { cloneTree } from './clone-tree.js';
import { frontMatterYaml } from './front-matter-yaml.js';
import { blockRangesOf, hasSelfContainedBlocks, rootWithBlockRanges } from './markdown-block-ranges.js';
import type { MarkdownTarget } from './markdown-target.js';
import { minimizeEscapes } from './minimize-escapes.js';
import { nestTableOfContents, type TableOfContentsNode } from './nest-table-of-contents.js';
import { phrasingTableCells } from './phrasing-table-cells.js';
import { plainTextHandler } from './plain-text-handler.js';
import { sanitizeMarkdownTree } from './sanitize-markdown-tree.js';
import { serializeSimpleTree } from './serialize-simple-tree.js';
import { tableOfContentsIndex } from './table-of-contents-place.js';

/** Options of {@link renderMarkdown}. */
export interface RenderMarkdownOptions {
  /**
   * Insert a « Sommaire » (list of links to the sections) before the first H2, when the article has
   * one (default: `true`).
   */
  tableOfContents?: boolean;
  /**
   * The static site generator the file is for (default: `'plain'`): its front matter keys, and for all
   * but `plain` no `# H1` and no « Sommaire » in the body (their themes print both).
   */
  target?: MarkdownTarget;
}

const DEFAULT_LOCALE = 'fr-FR';

/** How Plume writes Markdown: `-` bullets, `_emphasis_`, `**strong**`, fenced code. */
export const MARKDOWN_STYLE = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fences: true,
  listItemIndent: 'one',
} as const;

/** The serializer with Plume's style and text handler, and `handlers` of the caller's. */
export function markdownSerializerWith(handlers: NonNullable<RemarkStringifyOptions['handlers']>) {
  return unified()
    .use(remarkGfm)
    .use(remarkStringify, { ...MARKDOWN_STYLE, handlers: { text: plainTextHandler, ...handlers } })
    .freeze();
}

const markdownSerializer = markdownSerializerWith({});
/** The same serializer, recording where each top-level block is written (markdown-block-ranges.ts). */
const rangedMarkdownSerializer = markdownSerializerWith({ root: rootWithBlockRanges });

/**
 * Renders an article as Markdown: YAML front matter with its metadata, a blank line, then the body
 * (GFM). Raw HTML and links with unsafe URLs are left out, as in the HTML rendering. The input is not
 * modified.
 */
export function renderMarkdown(article: Article, options: RenderMarkdownOptions = {}): string {
  const target = options.target ?? 'plain';
  const tree = markdownBodyTree(article, options);
  const frontMatter = target === 'plain' ? plainFrontMatter(article) : targetFrontMatter(article, target);
  // The source's other keys (tags, categories, layout…) as they were; Plume's own win.
  for (const [key, value] of Object.entries(article.metadata.frontMatter ?? {})) {
    if (!(key in frontMatter)) frontMatter[key] = value;
  }
  // Tells Plume (and people) that this file was generated, so a rerun may replace it.
  frontMatter.generator = GENERATOR;
  // As `yaml` writes it with `lineWidth: 0`: a long description is never folded over several lines.
  const yaml = frontMatterYaml(frontMatter);
  // The offline writer's trees are written directly, byte for byte as the serializer would: it writes them
  // only when no text needs an escape. Others by the serializer, which says where each block is when it
  // can (markdown-block-ranges.ts).
  const direct = serializeSimpleTree(tree);
  if (direct !== undefined) return `---\n${yaml}---\n\n${direct}`;
  const serializer = hasSelfContainedBlocks(tree) ? rangedMarkdownSerializer : markdownSerializer;
  const body = serializer.stringify(tree);
  // The serializer escapes every character that could start Markdown syntax; only the needed escapes stay.
  return `---\n${yaml}---\n\n${minimizeEscapes(body, blockRangesOf(tree))}`;
}

/**
 * The tree {@link renderMarkdown} serializes as the body: a sanitized copy of the article's, with the
 * « Sommaire », without the H1 for a generator's theme. The input is not modified.
 */
export function markdownBodyTree(article: Article, options: RenderMarkdownOptions = {}): Root {
  const target = options.target ?? 'plain';
  const tree = cloneTree(article.tree);
  sanitizeMarkdownTree(tree);
  phrasingTableCells(tree);
  if (target !== 'plain') {
    // The generator's theme prints the front matter title as the H1, and its own table of contents.
    tree.children = tree.children.filter((node) => !(node.type === 'heading' && node.depth === 1));
  }
  const tableOfContents = nestTableOfContents(article.tableOfContents);
  if (target === 'plain' && (options.tableOfContents ?? true) && tableOfContents.length > 0) {
    insertTableOfContents(tree, tableOfContents);
  }
  moveWhitespaceOutOfAttention(tree);
  return tree;
}

/** Written in every output so that Plume knows which files it may replace. */
export const GENERATOR = 'Plume';

/** Plume's own front matter, keys in a fixed order; optional fields only when given. */
function plainFrontMatter(article: Article): Record<string, unknown> {
  const { metadata } = article;
  const frontMatter: Record<string, unknown> = {
    title: metadata.title,
    description: metadata.description,
    slug: metadata.slug,
    keyphrase: metadata.keyphrase,
    keywords: [...metadata.keywords],
    lang: metadata.locale || DEFAULT_LOCALE,
  };
  if (metadata.date) frontMatter.date = metadata.date;
  if (metadata.author) frontMatter.author = metadata.author;
  if (metadata.siteName) frontMatter.site_name = metadata.siteName;
  if (metadata.url) frontMatter.canonical = metadata.url;
  if (metadata.image) {
    frontMatter.image = metadata.image.url;
    frontMatter.image_alt = metadata.image.alt;
  }
  frontMatter.words = metadata.wordCount;
  // A CMS (Hugo, Jekyll, Eleventy) does not publish a draft: an article that fails a hard constraint is one.
  if (metadata.constraintsFailed && metadata.constraintsFailed.length > 0) {
    frontMatter.draft = true;
    frontMatter.constraints_failed = [...metadata.constraintsFailed];
  }
  return frontMatter;
}

/**
 * The keys each generator reads, from its documentation: Hugo (`title`, `description`, `date`, `slug`,
 * `keywords`, `images`, `draft`, `url` as a path), Jekyll with jekyll-seo-tag (`image: {path, alt}`,
 * `canonical_url`, `lang`, `published: false` for a draft), Astro's blog template content schema (`pubDate`,
 * `heroImage`), Eleventy (`permalink`, `date`).
 */
function targetFrontMatter(
  article: Article,
  target: Exclude<MarkdownTarget, 'plain'>,
): Record<string, unknown> {
  const { metadata } = article;
  const draft = (metadata.constraintsFailed?.length ?? 0) > 0;
  const path = metadata.url ? urlPath(metadata.url) : undefined;
  const frontMatter: Record<string, unknown> = { title: metadata.title, description: metadata.description };
  switch (target) {
    case 'hugo':
      if (metadata.date) frontMatter.date = metadata.date;
      frontMatter.slug = metadata.slug;
      // Hugo's `url` is the page's path on the site, never an absolute address.
      if (path) frontMatter.url = path;
      if (metadata.image) frontMatter.images = [metadata.image.url];
      if (draft) frontMatter.draft = true;
      break;
    case 'jekyll':
      if (metadata.date) frontMatter.date = metadata.date;
      frontMatter.slug = metadata.slug;
      if (metadata.image) frontMatter.image = { path: metadata.image.url, alt: metadata.image.alt };
      if (metadata.url) frontMatter.canonical_url = metadata.url;
      frontMatter.lang = metadata.locale || DEFAULT_LOCALE;
      // Jekyll leaves out of the site a post with `published: false`.
      if (draft) frontMatter.published = false;
      break;
    case 'astro':
      if (metadata.date) frontMatter.pubDate = metadata.date;
      if (metadata.image) {
        frontMatter.heroImage = metadata.image.url;
        frontMatter.heroImageAlt = metadata.image.alt;
      }
      if (draft) frontMatter.draft = true;
      break;
    case 'eleventy':
      if (metadata.date) frontMatter.date = metadata.date;
      frontMatter.permalink = path ?? `/${metadata.slug}/`;
      if (metadata.image) {
        frontMatter.image = metadata.image.url;
        frontMatter.image_alt = metadata.image.alt;
      }
      if (draft) frontMatter.draft = true;
      break;
  }
  frontMatter.keyphrase = metadata.keyphrase;
  frontMatter.keywords = [...metadata.keywords];
  if (metadata.author) frontMatter.author = metadata.author;
  if (draft) frontMatter.constraints_failed = [...(metadata.constraintsFailed ?? [])];
  return frontMatter;
}

/** `https://exemple.fr/blog/talents/` -> `/blog/talents/`; a URL that will not parse has no path. */
function urlPath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** Puts the « Sommaire » where `tableOfContentsIndex` says: before the first section, as a rule. */
function insertTableOfContents(tree: Root, tableOfContents: readonly TableOfContentsNode[]): void {
  const title: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'strong', children: [{ type: 'text', value: 'Sommaire' }] }],
  };
  const list = buildList(tableOfContents);
  const index = tableOfContentsIndex(tree.children, {
    level: (node) => (node.type === 'heading' ? node.depth : 0),
    text: (node) => mdastToString(node),
    isBlank: () => false,
  });
  tree.children.splice(index, 0, title, list);
}

function buildList(nodes: readonly TableOfContentsNode[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: nodes.map((node): ListItem => {
      const link: Paragraph = {
        type: 'paragraph',
        children: [
          { type: 'link', url: `#${node.entry.id}`, children: [{ type: 'text', value: node.entry.text }] },
        ],
      };
      const children: ListItem['children'] = [link];
      if (node.children.length > 0) children.push(buildList(node.children));
      return { type: 'listItem', spread: false, children };
    }),
  };
}

/** Nodes whose delimiters (`_`, `**`, `~~`) only work when their content neither starts nor ends with whitespace. */
const ATTENTION_TYPES: ReadonlySet<string> = new Set(['emphasis', 'strong', 'delete']);

/**
 * Moves whitespace at the edges of emphasis, strong and strikethrough out of them. Markdown cannot
 * write `**\u00a0mot**` (a delimiter next to whitespace does not open), so remark-stringify would encode the
 * space as `&#xA0;`; outside the delimiters it stays the character it is. The rendering is the same.
 */
function moveWhitespaceOutOfAttention(parent: Parent): void {
  for (const child of parent.children) {
    if ('children' in child) moveWhitespaceOutOfAttention(child);
  }
  // Most parents have neither: the loop below would rebuild the same list.
  if (!hasAttentionOrAdjacentText(parent.children)) return;
  const children: RootContent[] = [];
  for (const child of parent.children) {
    if (!ATTENTION_TYPES.has(child.type) || !('children' in child)) {
      appendNode(children, child);
      continue;
    }
    const content = child.children as PhrasingContent[];
    const leading = takeEdgeWhitespace(content, 'start');
    const trailing = takeEdgeWhitespace(content, 'end');
    if (leading) appendNode(children, { type: 'text', value: leading });
    if (content.length > 0) appendNode(children, child);
    if (trailing) appendNode(children, { type: 'text', value: trailing });
  }
  parent.children = children as Parent['children'];
}

function hasAttentionOrAdjacentText(children: readonly RootContent[]): boolean {
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index] as RootContent;
    if (ATTENTION_TYPES.has(child.type)) return true;
    if (child.type === 'text' && index > 0 && children[index - 1]?.type === 'text') return true;
  }
  return false;
}

/** Removes the whitespace at one edge of phrasing content (dropping emptied text nodes) and returns it. */
function takeEdgeWhitespace(content: PhrasingContent[], edge: 'start' | 'end'): string {
  const index = edge === 'start' ? 0 : content.length - 1;
  const node = content[index];
  if (node?.type !== 'text') return '';
  const match = edge === 'start' ? /^\s+/u.exec(node.value) : /\s+$/u.exec(node.value);
  if (!match) return '';
  node.value = edge === 'start' ? node.value.slice(match[0].length) : node.value.slice(0, match.index);
  if (node.value === '') {
    content.splice(index, 1);
    // The whole text was whitespace: the next node may now be at the edge, with whitespace of its own.
    return edge === 'start'
      ? match[0] + takeEdgeWhitespace(content, edge)
      : takeEdgeWhitespace(content, edge) + match[0];
  }
  return match[0];
}

/** Appends a node, merging adjacent text so the serializer sees the real neighbouring characters. */
function appendNode(children: RootContent[], node: RootContent): void {
  const previous = children.at(-1);
  if (node.type === 'text' && previous?.type === 'text') {
    previous.value += node.value;
    return;
  }
  children.push(node);
}
