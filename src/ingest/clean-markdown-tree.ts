import type { Html, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { htmlBlockToMdast } from './parse-html.js';

/** Eleventy/markdown-it containers (`::: lead`, `:::`): the fence lines go, their content stays. */
const CONTAINER_FENCE = /^[ \t]*:::[^\n]*(?:\n|$)/gm;
/** Kramdown and markdown-it-attrs attribute lists: `{: .lead}`, `{.class}`, `{#id}`. */
const ATTRIBUTE_LIST = /[ \t]*\{:?[ \t]*[.#][^}\n]*\}/g;
/** A Jekyll link to another post, `[text]({% post_url … %})`, which Markdown cannot parse: its text stays. */
const LIQUID_LINK = /\[([^\]\n]+)\]\(\s*\{%[^%]*%\}\s*\)/g;
/** Liquid and Nunjucks tags (`{% giphy "…" %}`, `{{ site.url }}`): templates, never the author's prose. */
const TEMPLATE_TAG = /\{%[^%\n]*%\}|\{\{[^}\n]*\}\}/g;
/** Block types whose children are blocks, where an HTML block can stand. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

/**
 * Makes a Markdown tree from a static site generator readable as an article, losing nothing: HTML
 * blocks become Markdown (prose, quotes, images, media as links), comments such as `<!--more-->` and
 * bare tags (`<div class="button">`, `</div>`) go, and Eleventy/Kramdown/Liquid extras (`::: lead`,
 * `{.class}`, `{% giphy %}`) are removed rather than printed. Mutates `tree`.
 */
export function cleanMarkdownTree(tree: Root): void {
  cleanParent(tree);
}

function cleanParent(parent: Parent): void {
  const children: RootContent[] = [];
  const blockParent = BLOCK_PARENTS.has(parent.type);
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'html') {
      children.push(...(blockParent ? convertBlock(child) : convertInline(child)));
      continue;
    }
    if (child.type === 'text') {
      const fenced = CONTAINER_FENCE.test(child.value);
      CONTAINER_FENCE.lastIndex = 0;
      child.value = child.value
        .replace(CONTAINER_FENCE, '')
        .replace(ATTRIBUTE_LIST, '')
        .replace(LIQUID_LINK, '$1')
        .replace(TEMPLATE_TAG, '');
      // The line break that ended the text before a closing `:::` would be printed as `&#xA;`.
      if (fenced) child.value = child.value.replace(/^\s*\n|\n\s*$/g, '');
      if (child.value !== '') children.push(child);
      continue;
    }
    if (child.type === 'code' || child.type === 'inlineCode') {
      children.push(child);
      continue;
    }
    if ('children' in child) {
      if (child.type === 'paragraph') unwrapSplitLiquidLinks(child.children);
      cleanParent(child);
      // A paragraph that held only a fence or an attribute list is gone with them.
      if ((child.type === 'paragraph' || child.type === 'heading') && isEmpty(child)) continue;
    }
    children.push(child);
  }
  parent.children = children as typeof parent.children;
}

/** `[**text**]({% post_url … %})`: the brackets sit in text nodes around the emphasis; they go, the text stays. */
function unwrapSplitLiquidLinks(children: PhrasingContent[]): void {
  const closing = /^\]\(\s*\{%[^%]*%\}\s*\)/;
  for (const [index, node] of children.entries()) {
    if (node.type !== 'text' || !node.value.endsWith('[')) continue;
    const end = children.findIndex(
      (later, laterIndex) => laterIndex > index && later.type === 'text' && closing.test(later.value),
    );
    const last = children[end];
    if (end === -1 || last?.type !== 'text') continue;
    node.value = node.value.slice(0, -1);
    last.value = last.value.replace(closing, '');
  }
}

function isEmpty(node: Parent): boolean {
  return (
    mdastToString(node).trim() === '' &&
    !node.children.some((child) => child.type === 'image' || child.type === 'imageReference')
  );
}

function convertBlock(node: Html): RootContent[] {
  const converted = htmlBlockToMdast(node.value).children.filter(
    (child) => !(child.type === 'paragraph' && isEmpty(child)),
  );
  if (node.position) for (const child of converted) child.position = structuredClone(node.position);
  return converted;
}

/** An inline tag (`<br>`, `<span>`, `<img>`): its content as phrasing, bare tags dropped. */
function convertInline(node: Html): RootContent[] {
  const phrasing: PhrasingContent[] = [];
  for (const child of htmlBlockToMdast(node.value).children) {
    if (child.type === 'paragraph') phrasing.push(...child.children);
  }
  return phrasing;
}
