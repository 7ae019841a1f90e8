import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { TableOfContentsEntry } from '../article.js';
import { restoreCapitalAccents } from '../lang/fr/capital-accents.js';
import type { Lexicon } from '../lang/fr/lexicon.js';
import { fixCapitalPreposition, fixTypography } from '../lang/fr/typography.js';
import type { InternalLink } from '../plan/site-page.js';
import { cloneTree } from '../render/clone-tree.js';
import { addInternalLinks, type InternalLinkSettings } from './add-internal-links.js';

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
  if (options.typography ?? true) fixTextNodes(tree, frenchTypesetter(options.lexicon));
  // After typography: the anchors are the article's final words, spaces and apostrophes included.
  const internalLinks = options.internalLinks ? addInternalLinks(tree, options.internalLinks) : undefined;
  // GitHub's algorithm, repeats and all (`a`, `a-1`): the ids a Markdown renderer gives the headings.
  const slugger = new GithubSlugger();
  const tableOfContents: TableOfContentsEntry[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const text = mdastToString(node);
    const id = headingId(text, slugger);
    // `id` is ours (the renderers and the table of contents read it); hProperties is what remark-rehype reads.
    node.data = {
      ...node.data,
      id,
      hProperties: { ...(node.data?.hProperties ?? {}), id },
    } as Heading['data'];
    if (node.depth === 2 || node.depth === 3) tableOfContents.push({ depth: node.depth, text, id });
  }
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

/**
 * French typography for one text: spaces and signs, « À » at a sentence start, and with a lexicon the
 * accents of bare capitals (the titles and the description go through it too).
 */
export function frenchTypesetter(lexicon: Lexicon | undefined): (text: string) => string {
  if (lexicon === undefined) return (text) => fixCapitalPreposition(fixTypography(text));
  return (text) => restoreCapitalAccents(fixCapitalPreposition(fixTypography(text)), lexicon);
}

function fixTextNodes(node: Nodes | Root, typeset: (text: string) => string): void {
  if (node.type === 'text') {
    node.value = typeset(node.value);
    return;
  }
  // Code and raw HTML keep their characters; a link's URL is an attribute, not text.
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  children.forEach((child, index) => {
    fixTextNodes(child, typeset);
    // « d'[Eleventy](…) »: the apostrophe ends one text node and the word starts in the link after it.
    const next = children[index + 1];
    if (child.type === 'text' && next !== undefined && ELISION_TARGETS.has(next.type))
      child.value = child.value.replace(/(?<=\p{L})'$/u, '’');
  });
}

/** Inline nodes whose text may follow an elision: « l’[article](…) », « d’*abord* ». */
const ELISION_TARGETS: ReadonlySet<string> = new Set([
  'link',
  'linkReference',
  'emphasis',
  'strong',
  'delete',
]);

/**
 * The anchor GitHub, Astro and Hugo give a heading (`github-slugger`): « Pénurie de talents en IA » ->
 * « pénurie-de-talents-en-ia », so the « Sommaire » links work once a generator renders the Markdown.
 * An id that would not start with a letter (a heading starting with a figure) gets `section-` before it,
 * which HTML validators ask for. Pass one slugger per article to number repeats (`a`, `a-1`).
 */
export function headingId(text: string, slugger: GithubSlugger = new GithubSlugger()): string {
  const id = slugger.slug(text);
  if (/^\p{L}/u.test(id)) return id;
  const trimmed = id.replace(/^-+|-+$/g, '');
  return trimmed === '' ? 'section' : `section-${trimmed}`;
}
