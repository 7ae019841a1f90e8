import type { Nodes, PhrasingContent } from 'mdast';

/**
 * The mdast nodes that are phrasing content only. Raw `html` is left out: it stands for a block as
 * often as for inline markup, and each caller says which it takes it for.
 */
const PHRASING_TYPES: ReadonlySet<string> = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'inlineCode',
  'break',
  'footnoteReference',
]);

export function isPhrasingContent(node: Nodes): node is PhrasingContent {
  return PHRASING_TYPES.has(node.type);
}
