import type { Heading, Nodes, Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { TableOfContentsEntry } from '../article.js';
import { foldAccents } from '../lang/fr/normalize-word.js';
import { fixCapitalPreposition, fixTypography } from '../lang/fr/typography.js';

export interface PolishOptions {
  /** Build a table of contents when the article has enough sections (default: true). */
  tableOfContents?: boolean;
  /** Fewest H2 for a table of contents (default: 4). */
  minHeadingsForTableOfContents?: number;
  /** Apply French typography to the text (default: true; false for text still in another language). */
  typography?: boolean;
}

export interface PolishedTree {
  tree: Root;
  tableOfContents: TableOfContentsEntry[];
}

/**
 * French typography on every text of the tree (never on code or URLs, never on foreign text), an id
 * on every heading, and the table of contents. Returns a new tree.
 */
export function polishTree(source: Root, options: PolishOptions = {}): PolishedTree {
  const tree = structuredClone(source);
  if (options.typography ?? true) fixTextNodes(tree);
  const usedIds = new Set<string>();
  const tableOfContents: TableOfContentsEntry[] = [];
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const text = mdastToString(node);
    const id = uniqueId(headingId(text), usedIds);
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
  return { tree, tableOfContents: wanted ? tableOfContents : [] };
}

function fixTextNodes(node: Nodes | Root): void {
  if (node.type === 'text') {
    node.value = fixCapitalPreposition(fixTypography(node.value));
    return;
  }
  // Code and raw HTML keep their characters; a link's URL is an attribute, not text.
  if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
  if (!('children' in node)) return;
  const children = node.children as Nodes[];
  children.forEach((child, index) => {
    fixTextNodes(child);
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

/** Readable ASCII anchor: « Les talents en IA » -> « les-talents-en-ia »; never starts with a digit. */
export function headingId(text: string): string {
  let id = foldAccents(text)
    .toLowerCase()
    .replace(/['’]/g, '-')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (id.length > 60) id = id.slice(0, 60).replace(/-[^-]*$/, '');
  if (id.length === 0) id = 'section';
  return /^[0-9]/.test(id) ? `section-${id}` : id;
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  let suffix = 2;
  while (used.has(id)) id = `${base}-${suffix++}`;
  used.add(id);
  return id;
}
