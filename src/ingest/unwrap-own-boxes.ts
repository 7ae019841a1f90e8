import type { List, Paragraph, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';

/** Titles of the boxes Plume adds to an article, as its Markdown and HTML print them. */
const KEY_POINTS_TITLE = /^l[’']essentiel$/iu;
const CONTENTS_TITLE = /^sommaire$/iu;

/**
 * Makes Plume's own output a fixed point: in an article Plume wrote, the « L’essentiel » box becomes
 * the plain list of opening bullets it was built from, before the introduction (the writer builds the
 * box again, after it), and the
 * « Sommaire » (a list of links to the sections) goes (the renderer adds it again). Mutates `tree`.
 */
export function unwrapOwnBoxes(tree: Root): void {
  const children: RootContent[] = [];
  const source = tree.children;
  for (let index = 0; index < source.length; index += 1) {
    const node = source[index] as RootContent;
    const next = source[index + 1];
    const list = keyPointsList(node);
    if (list) {
      // The writer puts the introduction before the box: the list goes back before it, where the
      // source had its opening bullets.
      let at = children.length;
      while (at > 0 && children[at - 1]?.type === 'paragraph') at -= 1;
      children.splice(at, 0, list);
      continue;
    }
    if (isTitle(node, CONTENTS_TITLE) && next?.type === 'list' && isContentsList(next)) {
      index += 1;
      continue;
    }
    children.push(node);
  }
  tree.children = children;
}

/** The list of a box whose first paragraph is only « L’essentiel » in bold, followed by one list. */
function keyPointsList(node: RootContent): List | undefined {
  if (!('children' in node) || node.type !== 'blockquote') return undefined;
  const [title, list, ...rest] = node.children;
  if (rest.length > 0 || !title || !isTitle(title, KEY_POINTS_TITLE) || list?.type !== 'list')
    return undefined;
  return list;
}

/** A paragraph holding only a bold title matching `pattern`. */
function isTitle(node: RootContent, pattern: RegExp): node is Paragraph {
  if (node.type !== 'paragraph' || node.children.length !== 1) return false;
  const [strong] = node.children;
  return strong?.type === 'strong' && pattern.test(mdastToString(strong).trim());
}

/** Every item is one link to an anchor of the page (`#section`), possibly with a nested list of those. */
function isContentsList(list: List): boolean {
  return list.children.every((item) =>
    item.children.every((child) => {
      if (child.type === 'list') return isContentsList(child);
      return (
        child.type === 'paragraph' &&
        child.children.length === 1 &&
        child.children[0]?.type === 'link' &&
        child.children[0].url.startsWith('#')
      );
    }),
  );
}
