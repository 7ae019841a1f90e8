import type { Definition, Html, Nodes, Parent, PhrasingContent, Root, RootContent, Text } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { scriptedFigures } from './script-digits.js';

/** Eleventy/markdown-it containers (`::: lead`, `:::`): the fence lines go, their content stays. */
const CONTAINER_FENCE = /^[ \t]*:::[^\n]*(?:\n|$)/gm;
/** Kramdown and markdown-it-attrs attribute lists: `{: .lead}`, `{.class}`, `{#id}`. */
const ATTRIBUTE_LIST = /[ \t]*\{:?[ \t]*[.#][^}\n]*\}/g;
/** A Jekyll link to another post, `[text]({% post_url … %})`, which Markdown cannot parse: its text stays. */
const LIQUID_LINK = /\[([^\]\n]+)\]\(\s*\{%[^%]*%\}\s*\)/g;
/** Liquid and Nunjucks tags (`{% giphy "…" %}`, `{{ site.url }}`): templates, never the author's prose. */
const TEMPLATE_TAG = /\{%[^%\n]*%\}|\{\{[^}\n]*\}\}/g;
/**
 * A Liquid-built address (`![alt]({{ site.baseurl }}/img.png)`), which Markdown cannot parse because of
 * the spaces in the tag: the image or link is kept, its address without the template part.
 */
const LIQUID_URL_LINK = /(!?)\[([^\]\n]*)\]\(\s*((?:\{\{[^}\n]*\}\})+)([^()\s]*)\s*\)/g;
/** Block types whose children are blocks, where an HTML block can stand. */
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem']);

/**
 * Makes a Markdown tree from a static site generator readable as an article, losing nothing: HTML
 * blocks become Markdown (prose, quotes, images, media as links), comments such as `<!--more-->` and
 * bare tags (`<div class="button">`, `</div>`) go, and Eleventy/Kramdown/Liquid extras (`::: lead`,
 * `{.class}`, `{% giphy %}`) are removed rather than printed. Mutates `tree`.
 */
export function cleanMarkdownTree(tree: Root, convertHtml: HtmlToMdast): void {
  resolveReferences(tree);
  cleanParent(tree, convertHtml);
}

/**
 * Converts an HTML block or tag to Markdown nodes (`htmlBlockToMdast` of parse-html.ts). Passed in, so
 * that Markdown without HTML never loads the HTML parser (parse5 and the hast utilities).
 */
export type HtmlToMdast = (html: string) => Root;

/**
 * The HTML converter `markdown` needs: the HTML parser is loaded only when the source has something
 * that can be raw HTML; otherwise a converter that is never called.
 */
export async function htmlConverterFor(markdown: string): Promise<HtmlToMdast> {
  if (mayHoldHtml(markdown)) return (await import('./parse-html.js')).htmlBlockToMdast;
  return () => {
    throw new Error('HTML dans un Markdown qui ne pouvait pas en contenir');
  };
}

/** Whether a Markdown source can hold an HTML node: CommonMark's raw HTML always starts `<` + letter, `/`, `!` or `?`. */
function mayHoldHtml(markdown: string): boolean {
  return /<[A-Za-z/!?]/.test(markdown);
}

/**
 * Reference-style links and images (`[text][id]` with `[id]: url` at the end) become inline ones: the
 * writer moves blocks around and may leave a definition behind, and a reference without its definition
 * prints as text. Definitions go once used; an unused one goes too (it shows nothing).
 */
function resolveReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  collectDefinitions(tree, definitions);
  if (definitions.size === 0) return;
  replaceReferences(tree, definitions);
}

function collectDefinitions(node: Nodes, definitions: Map<string, Definition>): void {
  if (node.type === 'definition') {
    // The first definition of a label wins (CommonMark).
    if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, definitions);
}

function replaceReferences(parent: Parent, definitions: ReadonlyMap<string, Definition>): void {
  const children: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'definition') continue;
    if ('children' in child) replaceReferences(child, definitions);
    const definition =
      child.type === 'linkReference' || child.type === 'imageReference'
        ? definitions.get(child.identifier)
        : undefined;
    if (child.type === 'linkReference' && definition) {
      children.push({
        type: 'link',
        url: definition.url,
        ...(definition.title ? { title: definition.title } : {}),
        children: child.children,
        ...(child.position ? { position: child.position } : {}),
      });
    } else if (child.type === 'imageReference' && definition) {
      children.push({
        type: 'image',
        url: definition.url,
        alt: child.alt ?? '',
        ...(definition.title ? { title: definition.title } : {}),
        ...(child.position ? { position: child.position } : {}),
      });
    } else {
      children.push(child);
    }
  }
  parent.children = children as Parent['children'];
}

function cleanParent(parent: Parent, convertHtml: HtmlToMdast): void {
  const children: RootContent[] = [];
  const blockParent = BLOCK_PARENTS.has(parent.type);
  if (!blockParent) joinScriptedFigures(parent.children as RootContent[]);
  for (const child of parent.children as RootContent[]) {
    if (child.type === 'html') {
      children.push(...(blockParent ? convertBlock(child, convertHtml) : convertInline(child, convertHtml)));
      continue;
    }
    if (child.type === 'text' && LIQUID_URL_LINK.test(child.value)) {
      LIQUID_URL_LINK.lastIndex = 0;
      // Split into text, image or link, text: each piece is cleaned below like any text.
      children.push(...cleanPieces(splitLiquidUrls(child.value), convertHtml));
      continue;
    }
    if (child.type === 'link' && DOUBLED_PARENTHESES.test(child.url)) {
      // `[text]((http://…))`, a typo that CommonMark reads as the address `(http://…)`.
      child.url = child.url.replace(DOUBLED_PARENTHESES, '$1');
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
      cleanParent(child, convertHtml);
      // A paragraph that held only a fence or an attribute list is gone with them.
      if ((child.type === 'paragraph' || child.type === 'heading') && isEmpty(child)) continue;
    }
    children.push(child);
  }
  parent.children = children as typeof parent.children;
}

/**
 * « m<sup>2</sup> », « CO<sub>2</sub> » written in Markdown: the tags are raw HTML, dropped, which left
 * « m2 ». Figures between an opening and a closing tag become one text node of superscript or subscript
 * characters, as in HTML sources (script-digits.ts). In place.
 */
function joinScriptedFigures(children: RootContent[]): void {
  for (let index = 0; index + 2 < children.length; index += 1) {
    const [open, text, close] = [children[index], children[index + 1], children[index + 2]];
    if (open?.type !== 'html' || text?.type !== 'text' || close?.type !== 'html') continue;
    const tagName = /^<(sup|sub)>$/iu.exec(open.value.trim())?.[1]?.toLowerCase();
    if (tagName === undefined || close.value.trim().toLowerCase() !== `</${tagName}>`) continue;
    const scripted = scriptedFigures(tagName, text.value);
    if (scripted === undefined) continue;
    // One text with its neighbours (« 50 m² selon… »), as the parser writes a run of text.
    const before = textNode(children[index - 1]);
    const after = textNode(children[index + 3]);
    const start = (before ?? open).position?.start;
    const end = (after ?? close).position?.end;
    const from = before ? index - 1 : index;
    children.splice(from, 3 + (before ? 1 : 0) + (after ? 1 : 0), {
      type: 'text',
      value: `${before?.value ?? ''}${scripted}${after?.value ?? ''}`,
      ...(start && end ? { position: { start, end } } : {}),
    });
    index = from;
  }
}

function textNode(node: RootContent | undefined): Text | undefined {
  return node?.type === 'text' ? node : undefined;
}

/** An address wrapped in one more pair of parentheses: `(http://…)`. */
const DOUBLED_PARENTHESES = /^\((\S+)\)$/;

/** Text with Liquid-built image or link addresses, as text, image and link nodes. */
function splitLiquidUrls(value: string): PhrasingContent[] {
  const pieces: PhrasingContent[] = [];
  let last = 0;
  for (const match of value.matchAll(LIQUID_URL_LINK)) {
    const [whole, bang, text = '', , path = ''] = match;
    if (match.index > last) pieces.push({ type: 'text', value: value.slice(last, match.index) });
    // `{{ site.baseurl }}` alone, with no path after it, is the site's root.
    const url = path === '' ? '/' : path;
    pieces.push(
      bang === '!'
        ? { type: 'image', url, alt: text }
        : { type: 'link', url, children: [{ type: 'text', value: text }] },
    );
    last = match.index + whole.length;
  }
  if (last < value.length) pieces.push({ type: 'text', value: value.slice(last) });
  return pieces;
}

/** The pieces of a split text, cleaned as a paragraph's children would be. */
function cleanPieces(pieces: PhrasingContent[], convertHtml: HtmlToMdast): RootContent[] {
  const holder: Parent = { type: 'paragraph', children: pieces } as Parent;
  cleanParent(holder, convertHtml);
  return holder.children as RootContent[];
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

function convertBlock(node: Html, convertHtml: HtmlToMdast): RootContent[] {
  const converted = convertHtml(node.value).children.filter(
    (child) => !(child.type === 'paragraph' && isEmpty(child)),
  );
  if (node.position) for (const child of converted) child.position = structuredClone(node.position);
  return converted;
}

/** An inline tag (`<br>`, `<span>`, `<img>`): its content as phrasing, bare tags dropped. */
function convertInline(node: Html, convertHtml: HtmlToMdast): RootContent[] {
  const phrasing: PhrasingContent[] = [];
  for (const child of convertHtml(node.value).children) {
    if (child.type === 'paragraph') phrasing.push(...child.children);
  }
  return phrasing;
}
