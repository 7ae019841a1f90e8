import type { Heading, Nodes, Root } from 'mdast';

/** A heading node holding plain text. */
export function headingNode(depth: number, text: string): Heading {
  return { type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value: text }] };
}

/** A copy without source positions: they point into the source (or the model's answer), not into the article. */
export function withoutPositions<T extends Nodes>(node: T): T {
  const copy = structuredClone(node);
  removePositions(copy);
  return copy;
}

function removePositions(node: Nodes | Root): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) removePositions(child as Nodes);
}
