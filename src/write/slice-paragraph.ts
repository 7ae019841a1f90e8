import type { Paragraph, PhrasingContent } from 'mdast';

/**
 * The part of a paragraph between two offsets of its plain text (as
 * `collectBlocks` reads it), keeping emphasis and links. A link is never cut:
 * it goes with the part where it starts.
 */
export function sliceParagraph(paragraph: Paragraph, from: number, to: number): Paragraph {
  const leading = leadingWhitespace(paragraph.children);
  const state = { offset: -leading };
  const children = sliceChildren(paragraph.children, from, to, state);
  trimEdges(children);
  return { type: 'paragraph', children };
}

function sliceChildren(
  nodes: readonly PhrasingContent[],
  from: number,
  to: number,
  state: { offset: number },
): PhrasingContent[] {
  const result: PhrasingContent[] = [];
  for (const node of nodes) {
    const start = state.offset;
    switch (node.type) {
      case 'text':
      case 'inlineCode': {
        const value = node.value.replace(/\n/g, ' ');
        state.offset += value.length;
        const sliceStart = Math.max(from, start) - start;
        const sliceEnd = Math.min(to, state.offset) - start;
        if (sliceEnd > sliceStart)
          result.push({ ...node, value: value.slice(sliceStart, sliceEnd), position: undefined });
        break;
      }
      case 'break':
        state.offset += 1;
        if (start >= from && start < to) result.push({ type: 'text', value: ' ' });
        break;
      case 'link': {
        const length = plainLength(node.children);
        state.offset += length;
        if (start >= from && start < to) result.push(stripPosition(node));
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete': {
        const inner = sliceChildren(node.children, from, to, state);
        if (inner.length > 0)
          result.push({ ...node, children: inner, position: undefined } as PhrasingContent);
        break;
      }
      case 'image':
        if (start >= from && start < to) result.push(stripPosition(node));
        break;
      default:
        break;
    }
  }
  return result;
}

function plainLength(nodes: readonly PhrasingContent[]): number {
  let length = 0;
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') length += node.value.length;
    else if (node.type === 'break') length += 1;
    else if ('children' in node) length += plainLength(node.children as PhrasingContent[]);
  }
  return length;
}

function leadingWhitespace(nodes: readonly PhrasingContent[]): number {
  const first = nodes[0];
  if (!first) return 0;
  if (first.type === 'text') return first.value.length - first.value.replace(/^\s+/u, '').length;
  if ('children' in first) return leadingWhitespace(first.children as PhrasingContent[]);
  return 0;
}

function trimEdges(children: PhrasingContent[]): void {
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/u, '');
  const last = children[children.length - 1];
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/u, '');
}

function stripPosition<T extends PhrasingContent>(node: T): T {
  const copy = structuredClone(node);
  delete copy.position;
  return copy;
}
