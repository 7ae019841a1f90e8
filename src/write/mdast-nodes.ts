import type { Heading, Nodes, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';

/** A heading node holding plain text. */
export function headingNode(depth: number, text: string): Heading {
  return { type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value: text }] };
}

/**
 * The heading of a section kept from the source: the source's own heading node when one has this text,
 * so that a link, emphasis or code in it (`<h4><a href>…</a></h4>`) is kept, else plain text.
 */
export function sourceHeadingNode(depth: number, text: string, sourceNodes: readonly RootContent[]): Heading {
  const source = sourceNodes.find(
    (node): node is Heading => node.type === 'heading' && mdastToString(node).trim() === text.trim(),
  );
  if (!source || source.children.every((child) => child.type === 'text')) return headingNode(depth, text);
  return { ...withoutPositions(source), depth: depth as Heading['depth'] };
}

/** A copy without source positions: they point into the source (or the model's answer), not into the article. */
export function withoutPositions<T extends Nodes>(node: T): T {
  // Built without the key rather than cloned then `delete`d: cheaper, and objects that lose a key become
  // slow dictionaries for everything that reads the tree afterwards (polish, analysis, rendering).
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'position') continue;
    copy[key] =
      key === 'children' && Array.isArray(value)
        ? value.map((child: Nodes) => withoutPositions(child))
        : typeof value === 'object' && value !== null
          ? structuredClone(value)
          : value;
  }
  return copy as T;
}
