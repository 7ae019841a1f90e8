import type { Link, Nodes, Paragraph, PhrasingContent, Root, Text } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Lexicon } from '../lang/fr/lexicon.js';
import { countWords, tokenizeWords } from '../lang/fr/tokenize-words.js';
import { type LinkableParagraph, planInternalLinks } from '../plan/plan-internal-links.js';
import type { InternalLink, SitePage } from '../plan/site-page.js';

export interface InternalLinkSettings {
  pages: readonly SitePage[];
  /** The article's focus keyphrase: never an anchor. */
  keyphrase: string;
  /** The article's own address, not linked to. */
  ownUrl?: string;
  /** The article's own slug: a page whose address ends with it is the article, not linked to. */
  ownSlug?: string;
  lexicon?: Lexicon;
}

/** A text node of a paragraph, where it sits in the paragraph's plain text. */
interface PlacedText {
  node: Text;
  parent: { children: PhrasingContent[] };
  start: number;
}

/**
 * Puts the links of {@link planInternalLinks} on the article's own words, in place: a text node is split
 * around the anchor, whose words are unchanged. Only paragraphs of the body (top level or in a list),
 * never a heading, a quote, a table, code or an existing link. Returns the links added, in reading order.
 */
export function addInternalLinks(tree: Root, settings: InternalLinkSettings): InternalLink[] {
  if (settings.pages.length === 0) return [];
  const paragraphs: Paragraph[] = [];
  collectParagraphs(tree.children, paragraphs);
  const placed = paragraphs.map(placeTexts);
  // The introduction is the first paragraph at the top level, even after a list or a box.
  const introduction = paragraphs.find((paragraph) => tree.children.includes(paragraph));
  const linkable: LinkableParagraph[] = placed.map(({ text, texts }, index) => ({
    text,
    ranges: texts.map((entry) => [entry.start, entry.start + entry.node.value.length] as const),
    introduction: paragraphs[index] === introduction,
  }));
  const words = tree.children
    .filter((node) => node.type !== 'heading' && node.type !== 'code' && node.type !== 'html')
    .reduce((total, node) => total + countWords(tokenizeWords(mdastToString(node))), 0);
  const planned = planInternalLinks(linkable, settings.pages, {
    keyphrase: settings.keyphrase,
    words,
    linkedUrls: linkedUrlsOf(tree),
    ...(settings.ownUrl ? { ownUrl: settings.ownUrl } : {}),
    ...(settings.ownSlug ? { ownSlug: settings.ownSlug } : {}),
    ...(settings.lexicon ? { lexicon: settings.lexicon } : {}),
  });
  // From the last to the first, so that splitting a node leaves the offsets of earlier links valid.
  for (const link of [...planned].reverse()) {
    const entry = (placed[link.paragraph] as { texts: PlacedText[] }).texts.find(
      (candidate) =>
        link.start >= candidate.start && link.end <= candidate.start + candidate.node.value.length,
    );
    if (!entry) continue;
    const value = entry.node.value;
    const from = link.start - entry.start;
    const to = link.end - entry.start;
    const anchor: Link = {
      type: 'link',
      url: link.page.url,
      title: null,
      children: [{ type: 'text', value: value.slice(from, to) }],
    };
    const replacement: PhrasingContent[] = [
      ...(from > 0 ? [{ type: 'text', value: value.slice(0, from) } as Text] : []),
      anchor,
      ...(to < value.length ? [{ type: 'text', value: value.slice(to) } as Text] : []),
    ];
    const position = entry.parent.children.indexOf(entry.node);
    entry.parent.children.splice(position, 1, ...replacement);
  }
  return planned.map((link) => ({ url: link.page.url, title: link.page.title, anchor: link.anchor }));
}

/** Paragraphs of the body: top level and list items; quotes, tables, footnotes and HTML are the author's asides. */
function collectParagraphs(nodes: readonly Nodes[], into: Paragraph[]): void {
  for (const node of nodes) {
    if (node.type === 'paragraph') into.push(node);
    else if (node.type === 'list' || node.type === 'listItem') collectParagraphs(node.children, into);
  }
}

/** Inline nodes whose text may carry a link: plain text, also when emphasised. */
const CONTAINERS: ReadonlySet<string> = new Set(['emphasis', 'strong']);

/** The paragraph's plain text (as `mdast-util-to-string` reads it) and where each linkable text node sits. */
function placeTexts(paragraph: Paragraph): { text: string; texts: PlacedText[] } {
  let text = '';
  const texts: PlacedText[] = [];
  const walk = (parent: { children: PhrasingContent[] }) => {
    for (const child of parent.children) {
      if (child.type === 'text') {
        texts.push({ node: child, parent, start: text.length });
        text += child.value;
      } else if (CONTAINERS.has(child.type)) {
        walk(child as { children: PhrasingContent[] });
      } else {
        // Code, links, images, HTML: counted in the text so offsets stay right, never linked.
        text += mdastToString(child);
      }
    }
  };
  walk(paragraph);
  return { text, texts };
}

/** Every address the tree links to already: a page the author (or a model) linked is not linked twice. */
function linkedUrlsOf(tree: Root): string[] {
  const urls: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition') urls.push(node.url);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return urls;
}
