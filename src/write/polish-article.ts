import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, PhrasingContent, Root, Text } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { TableOfContentsEntry } from '../article.js';
import { restoreCapitalAccents } from '../lang/fr/capital-accents.js';
import type { Lexicon } from '../lang/fr/lexicon.js';
import { fixCapitalPreposition, fixTypography } from '../lang/fr/typography.js';
import { typographyIssuesOf } from '../lang/fr/typography-issues-memo.js';
import type { InternalLink } from '../plan/site-page.js';
import { cloneTree } from '../render/clone-tree.js';
import { addInternalLinks, type InternalLinkSettings } from './add-internal-links.js';
import { headingId } from './heading-id.js';

export interface PolishOptions {
  /** Build a table of contents when the article has enough sections (default: true). */
  tableOfContents?: boolean;
  /** Fewest H2 for a table of contents (default: 4). */
  minHeadingsForTableOfContents?: number;
  /** Apply French typography to the text (default: true; false for text still in another language). */
  typography?: boolean;
  /** Words to restore the accents of bare capitals with (« Evaluer » → « Évaluer »; default: none, left as written). */
  lexicon?: Lexicon;
  /** The site's pages to link the article's words to (« maillage interne »; default: none). */
  internalLinks?: InternalLinkSettings;
}

export interface PolishedTree {
  tree: Root;
  tableOfContents: TableOfContentsEntry[];
  /** Links added to the site's pages, in reading order; absent when no pages were given. */
  internalLinks?: InternalLink[];
}

/**
 * French typography on every text of the tree (never on code or URLs, never on foreign text), an id
 * on every heading, and the table of contents. Returns a new tree.
 */
export function polishTree(source: Root, options: PolishOptions = {}): PolishedTree {
  const tree = cloneTree(source);
  // The ids the headings would have before typography: what a link within the article was written to.
  const typeset = options.typography ?? true;
  const untypesetIds = typeset ? headingIds(tree) : [];
  if (typeset) typesetTree(tree, options.lexicon);
  // After typography: the anchors are the article's final words, spaces and apostrophes included.
  const internalLinks = options.internalLinks ? addInternalLinks(tree, options.internalLinks) : undefined;
  // GitHub's algorithm, repeats and all (`a`, `a-1`): the ids a Markdown renderer gives the headings.
  const slugger = new GithubSlugger();
  const tableOfContents: TableOfContentsEntry[] = [];
  const ids: string[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const text = mdastToString(node);
    const id = headingId(text, slugger);
    ids.push(id);
    // `id` is ours (the renderers and the table of contents read it); hProperties is what remark-rehype reads.
    node.data = {
      ...node.data,
      id,
      hProperties: { ...(node.data?.hProperties ?? {}), id },
    } as Heading['data'];
    if (node.depth === 2 || node.depth === 3) tableOfContents.push({ depth: node.depth, text, id });
  }
  retargetHeadingLinks(tree, untypesetIds, ids);
  const subheadings = tree.children.filter(
    (node): node is Heading => node.type === 'heading' && node.depth === 2,
  ).length;
  const wanted =
    (options.tableOfContents ?? true) && subheadings >= (options.minHeadingsForTableOfContents ?? 4);
  return {
    tree,
    tableOfContents: wanted ? tableOfContents : [],
    ...(internalLinks ? { internalLinks } : {}),
  };
}

/** The id of each heading of the article, in order, numbered as GitHub numbers repeats. */
function headingIds(tree: Root): string[] {
  const slugger = new GithubSlugger();
  return tree.children.flatMap((node) =>
    node.type === 'heading' ? [headingId(mdastToString(node), slugger)] : [],
  );
}

/**
 * A link to a heading written against its words before typography (« #lia--un-défi » for « L'IA : un
 * défi », whose no-break space the id now drops: « #lia-un-défi ») leads to the heading's new id.
 */
function retargetHeadingLinks(tree: Root, before: readonly string[], after: readonly string[]): void {
  const moved = new Map<string, string>();
  const current = new Set(after);
  for (const [index, id] of before.entries()) {
    const now = after[index];
    if (now !== undefined && now !== id && !current.has(id)) moved.set(`#${id}`, `#${now}`);
  }
  if (moved.size === 0) return;
  const visit = (node: Nodes | Root): void => {
    if (node.type === 'link' || node.type === 'definition') {
      const url = moved.get(node.url) ?? moved.get(safeDecode(node.url));
      if (url !== undefined) node.url = url;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
}

function safeDecode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * French typography for one text: spaces and signs, « À » at a sentence start, and with a lexicon the
 * accents of bare capitals (the titles and the description go through it too).
 */
export function frenchTypesetter(lexicon: Lexicon | undefined): (text: string) => string {
  const fixWords = wordFixer(lexicon);
  return (text) => fixWords(fixTypography(text));
}

/** « À » at a sentence start and, with a lexicon, the accents of bare capitals: what one text node can fix alone. */
function wordFixer(lexicon: Lexicon | undefined): (text: string) => string {
  if (lexicon === undefined) return fixCapitalPreposition;
  return (text) => restoreCapitalAccents(fixCapitalPreposition(text), lexicon);
}

/**
 * Typesets each paragraph, heading and table cell as one text, across its links, emphasis and code:
 * « "[Zéro-Day](…)" » has its quotes in two text nodes, « **dimensions** ! » its space and sign after the
 * strong text, « `make`; » its sign after the code. Code and raw HTML keep their characters.
 */
function typesetTree(node: Nodes | Root, lexicon: Lexicon | undefined): void {
  const fixWords = wordFixer(lexicon);
  const visit = (current: Nodes | Root): void => {
    if (current.type === 'paragraph' || current.type === 'heading' || current.type === 'tableCell') {
      typesetPhrasing(current.children);
      fixWordsOfTextNodes(current, fixWords);
      return;
    }
    if (current.type === 'text') {
      current.value = fixWords(fixTypography(current.value));
      return;
    }
    if (current.type === 'code' || current.type === 'inlineCode' || current.type === 'html') return;
    if ('children' in current) for (const child of current.children as Nodes[]) visit(child);
  };
  visit(node);
}

interface TextSegment {
  node: Text;
  /** Offsets of the node's value in the joined text. */
  start: number;
  end: number;
}

/**
 * Inline nodes with no text node of their own (code, images, inline HTML) read as one stand-in letter: a
 * word for the rules (« `make`; » takes its space), never changed, and no issue may reach into it.
 */
const STAND_IN = 'x';

function typesetPhrasing(children: readonly PhrasingContent[]): void {
  const state = { text: '', segments: [] as TextSegment[] };
  joinPhrasing(children, state);
  const edits = new Map<TextSegment, { from: number; to: number; replacement: string }[]>();
  for (const issue of typographyIssuesOf(state.text)) {
    const touched = state.segments.filter(
      (segment) => segment.start < issue.end && segment.end > issue.start,
    );
    const covered = touched.reduce(
      (sum, segment) => sum + Math.min(segment.end, issue.end) - Math.max(segment.start, issue.start),
      0,
    );
    if (covered !== issue.end - issue.start) continue;
    touched.forEach((segment, index) => {
      const from = Math.max(segment.start, issue.start) - segment.start;
      const to = Math.min(segment.end, issue.end) - segment.start;
      // The whole replacement goes where the issue starts; the other nodes lose their part of it.
      const list = edits.get(segment) ?? [];
      list.push({ from, to, replacement: index === 0 ? issue.expected : '' });
      edits.set(segment, list);
    });
  }
  for (const [segment, list] of edits) {
    let value = segment.node.value;
    for (const { from, to, replacement } of list.reverse()) {
      value = value.slice(0, from) + replacement + value.slice(to);
    }
    segment.node.value = value;
  }
}

function joinPhrasing(children: readonly Nodes[], state: { text: string; segments: TextSegment[] }): void {
  for (const child of children) {
    if (child.type === 'text') {
      const start = state.text.length;
      state.text += child.value;
      state.segments.push({ node: child, start, end: state.text.length });
    } else if (child.type === 'break') {
      state.text += '\n';
    } else if ('children' in child) {
      joinPhrasing(child.children as Nodes[], state);
    } else {
      state.text += STAND_IN;
    }
  }
}

function fixWordsOfTextNodes(node: Nodes, fixWords: (text: string) => string): void {
  if (node.type === 'text') {
    node.value = fixWords(node.value);
    return;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) fixWordsOfTextNodes(child, fixWords);
}
