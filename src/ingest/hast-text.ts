import type { ElementContent, Parents } from 'hast';

/** The text of an HTML node, its descendants' texts joined (comments and doctypes hold none). */
export function hastTextOf(node: Parents | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  let text = '';
  for (const child of node.children) text += hastTextOf(child as ElementContent);
  return text;
}
