import type { Nodes, PhrasingContent, Root } from 'mdast';

/** A block of prose pulled from the mdast tree, before sentence analysis. */
export interface RawBlock {
  kind: 'heading' | 'paragraph' | 'list-item' | 'blockquote' | 'table-cell';
  depth: number;
  /** Index in `tree.children` of the top-level node that holds this block. */
  nodeIndex: number;
  text: string;
  links: { url: string; text: string; start: number; end: number }[];
  images: { url: string; alt: string }[];
  /** Inline code spans of `text`: the author's code, never checked for French typography. */
  code: { start: number; end: number }[];
}

/**
 * Flattens the tree into prose blocks in reading order. Code, raw HTML and
 * thematic breaks carry no prose, so they are left out; images are kept for
 * the image assessments but contribute no words.
 */
export function collectBlocks(tree: Root): RawBlock[] {
  const blocks: RawBlock[] = [];
  tree.children.forEach((node, nodeIndex) => {
    visitFlow([node], 'paragraph', nodeIndex, blocks);
  });
  return blocks;
}

function visitFlow(
  nodes: readonly Nodes[],
  context: RawBlock['kind'],
  nodeIndex: number,
  blocks: RawBlock[],
): void {
  for (const node of nodes) {
    // A table of contents is navigation, not prose: it must not count as words or links of the article.
    if (isTableOfContents(node)) continue;
    switch (node.type) {
      case 'heading':
        pushInline(node.children, 'heading', node.depth, nodeIndex, blocks);
        break;
      case 'paragraph':
        pushInline(node.children, context, 0, nodeIndex, blocks);
        break;
      case 'list':
        for (const item of node.children) visitFlow(item.children, 'list-item', nodeIndex, blocks);
        break;
      case 'blockquote':
        visitFlow(node.children, 'blockquote', nodeIndex, blocks);
        break;
      case 'table':
        for (const row of node.children) {
          for (const cell of row.children) pushInline(cell.children, 'table-cell', 0, nodeIndex, blocks);
        }
        break;
      case 'footnoteDefinition':
        visitFlow(node.children, 'paragraph', nodeIndex, blocks);
        break;
      default:
        // code, html, thematicBreak, yaml, definition: no prose.
        break;
    }
  }
}

function pushInline(
  children: readonly PhrasingContent[],
  kind: RawBlock['kind'],
  depth: number,
  nodeIndex: number,
  blocks: RawBlock[],
): void {
  const block: RawBlock = { kind, depth, nodeIndex, text: '', links: [], images: [], code: [] };
  appendInline(children, block);
  // Collapse the whitespace that soft line breaks and inline markup leave behind.
  const raw = block.text;
  // `trimEnd` and `trimStart` remove what `\s` matches, without a regular expression's tries at every space.
  const trimmed = raw.trimEnd();
  const leading = trimmed.length - trimmed.trimStart().length;
  block.text = trimmed.slice(leading);
  for (const span of [...block.links, ...block.code]) {
    span.start = Math.max(0, span.start - leading);
    span.end = Math.min(block.text.length, span.end - leading);
  }
  if (block.text.length > 0 || block.images.length > 0) blocks.push(block);
}

function appendInline(children: readonly PhrasingContent[], block: RawBlock): void {
  for (const node of children) {
    switch (node.type) {
      case 'text':
        block.text += node.value.replace(/\n/g, ' ');
        break;
      case 'inlineCode': {
        const start = block.text.length;
        block.text += node.value.replace(/\n/g, ' ');
        block.code.push({ start, end: block.text.length });
        break;
      }
      case 'break':
        block.text += ' ';
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        appendInline(node.children, block);
        break;
      case 'link': {
        const start = block.text.length;
        appendInline(node.children, block);
        block.links.push({ url: node.url, text: block.text.slice(start), start, end: block.text.length });
        break;
      }
      case 'image':
        block.images.push({ url: node.url, alt: node.alt ?? '' });
        break;
      default:
        // inline html, footnote references, link references: no prose of their own.
        break;
    }
  }
}

/** A list whose every item is only a link to an anchor (« [Titre](#titre) »), nested lists included. */
function isTableOfContents(node: Nodes): boolean {
  if (node.type !== 'list' || node.children.length === 0) return false;
  return node.children.every((item) =>
    item.children.every((child) => {
      if (child.type === 'list') return isTableOfContents(child);
      if (child.type !== 'paragraph') return false;
      const inlines = child.children.filter(
        (inline) => !(inline.type === 'text' && inline.value.trim() === ''),
      );
      const only = inlines[0];
      return inlines.length === 1 && only?.type === 'link' && only.url.startsWith('#');
    }),
  );
}
