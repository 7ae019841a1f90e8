import type { RemovedContent } from '../document.js';

/** Minimal view of a DOM node (linkedom's), so this module does not depend on the DOM library's types. */
export interface NoiseNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<NoiseNode>;
  getAttribute?(name: string): string | null;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * What a part of a page is, by its tag, ARIA role, class or id, in the order they are tried: a share bar
 * inside a comment section is a share bar. Each reason is the French label the report prints.
 */
const NOISE_KINDS: ReadonlyArray<{
  reason: string;
  test: (tag: string, role: string, names: string) => boolean;
}> = [
  { reason: 'commentaires', test: (_tag, _role, names) => /comment|respond|disqus|reply/.test(names) },
  {
    reason: 'boutons de partage',
    test: (_tag, _role, names) => /shar(e|ing)|social|addtoany|sharedaddy|partage/.test(names),
  },
  {
    reason: 'articles liés',
    test: (_tag, _role, names) => /related|popular|adjacent|paging|pagination|more-posts/.test(names),
  },
  {
    reason: 'formulaire d’inscription ou de recherche',
    test: (tag, role, names) =>
      tag === 'form' || role === 'search' || /newsletter|subscribe|search/.test(names),
  },
  {
    reason: 'navigation',
    test: (tag, role, names) =>
      tag === 'nav' || role === 'navigation' || /(^|[\s_-])(nav|menu|breadcrumbs?)([\s_-]|$)/.test(names),
  },
  {
    reason: 'pied de page',
    test: (tag, role, names) => tag === 'footer' || role === 'contentinfo' || /footer/.test(names),
  },
  {
    // WordPress's « entry-header » / « entry-meta » (date, author, categories) is the article's, not the
    // site's: a <header> outside the <article> was « en-tête du site » before.
    reason: 'en-tête de l’article',
    test: (_tag, _role, names) => /(?:entry|post|article)-(?:header|meta|info)/.test(names),
  },
  {
    reason: 'en-tête du site',
    test: (tag, role, names) => tag === 'header' || role === 'banner' || /masthead|site-header/.test(names),
  },
  {
    reason: 'barre latérale',
    test: (tag, role, names) => tag === 'aside' || role === 'complementary' || /sidebar|widget/.test(names),
  },
];

/** Tags whose content runs on inside a line: no space is added around them when reading their text. */
const INLINE_TAGS = new Set([
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);
/** Never text a reader sees. */
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** Characters of an excerpt: enough to recognize the block. */
const EXCERPT_LENGTH = 80;

/**
 * The parts of a page that the article extraction left out, each with why (navigation, comments, share
 * buttons…), so the report can say what was removed instead of losing it silently. A part counts only
 * when its text is not in the extracted article; parts inside another listed part are not listed again.
 * `articleText` is the text of the extracted article. Pure: reads the page, changes nothing.
 */
export function listPageNoise(body: NoiseNode, articleText: string): RemovedContent[] {
  const article = comparable(articleText);
  // A stretch from the middle of the article: a part that contains it wraps the article.
  const middle = Math.floor(article.length / 2);
  const sample = article.slice(Math.max(0, middle - 40), middle + 40);
  const removed: RemovedContent[] = [];
  const walk = (node: NoiseNode) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== ELEMENT_NODE) continue;
      const tag = child.nodeName.toLowerCase();
      if (SKIPPED_TAGS.has(tag) || tag === 'article' || tag === 'main') {
        // The article itself is not noise; what a <main> holds around it is looked at.
        if (tag === 'main') walk(child);
        continue;
      }
      const reason = noiseReason(child, tag);
      const text = reason === undefined ? '' : readableText(child);
      const key = comparable(text);
      // A wrapper named after a sidebar (`<div class="has-sidebar">`) may hold the article: look inside.
      if (reason === undefined || holdsArticle(child) || (sample !== '' && key.includes(sample))) {
        walk(child);
        continue;
      }
      if (key === '' || article.includes(key)) continue;
      // Most of it is in the article (comments Readability kept): not removed; a form inside it may be.
      if (mostlyIn(text, article)) {
        walk(child);
        continue;
      }
      removed.push({ reason, excerpt: excerptOf(text), words: countWords(text) });
    }
  };
  walk(body);
  return removed;
}

/** Words per chunk when telling whether a part's text is in the article. */
const CHUNK_WORDS = 8;

/** Whether at least half of the text's chunks of {@link CHUNK_WORDS} words are in the article. */
function mostlyIn(text: string, article: string): boolean {
  const words = text.split(/\s+/u).filter((word) => comparable(word) !== '');
  if (words.length < 2 * CHUNK_WORDS) return false;
  let found = 0;
  let chunks = 0;
  for (let start = 0; start + CHUNK_WORDS <= words.length; start += CHUNK_WORDS) {
    chunks += 1;
    if (article.includes(comparable(words.slice(start, start + CHUNK_WORDS).join(' ')))) found += 1;
  }
  return found * 2 >= chunks;
}

function holdsArticle(node: NoiseNode): boolean {
  return Array.from(node.childNodes).some(
    (child) =>
      child.nodeType === ELEMENT_NODE && (/^(article|main)$/i.test(child.nodeName) || holdsArticle(child)),
  );
}

function noiseReason(element: NoiseNode, tag: string): string | undefined {
  const role = (element.getAttribute?.('role') ?? '').toLowerCase();
  const names =
    `${element.getAttribute?.('class') ?? ''} ${element.getAttribute?.('id') ?? ''}`.toLowerCase();
  return NOISE_KINDS.find((kind) => kind.test(tag, role, names))?.reason;
}

/**
 * The text a reader sees, with a space between blocks, list items and links: on a minified page
 * (`<li>Accueil</li><li>Blog</li>`) the DOM's textContent would glue them into « AccueilBlog ».
 */
export function readableText(node: NoiseNode): string {
  const parts: string[] = [];
  const collect = (current: NoiseNode) => {
    for (const child of Array.from(current.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        parts.push(child.textContent ?? '');
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = child.nodeName.toLowerCase();
        if (SKIPPED_TAGS.has(tag)) continue;
        const inline = INLINE_TAGS.has(tag);
        if (!inline) parts.push(' ');
        collect(child);
        if (!inline) parts.push(' ');
      }
    }
  };
  collect(node);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function excerptOf(text: string): string {
  const characters = [...text];
  if (characters.length <= EXCERPT_LENGTH) return text;
  const cut = characters.slice(0, EXCERPT_LENGTH).join('');
  // Cut at a word boundary, never inside a word.
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** Letters and digits only, lower case, no spaces: layout and whitespace do not matter. */
function comparable(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('fr')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
