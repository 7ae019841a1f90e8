import type { Element, ElementContent, Root as HastRoot, Parents } from 'hast';
import { headingId } from '../write/heading-id.js';
import { hastTextOf } from './hast-text.js';

export interface InPageLinksOptions {
  /** The page's own address: `https://site/page#note-1` is a link within the page too (default: none). */
  pageUrl?: string;
  /**
   * Whether the HTML is the whole article (a page, an HTML file): a link to an id that is not a note or a
   * heading then leads nowhere once converted, since ids are not kept, and becomes its text. An HTML block
   * inside Markdown keeps such links: their target may be outside the block.
   */
  wholeArticle: boolean;
}

/**
 * Tag names of the elements that stand for a note call and a note until hast-util-to-mdast converts them;
 * each carries its note's identifier in {@link FOOTNOTE_IDENTIFIER} (the conversion works on a copy).
 */
export const FOOTNOTE_REFERENCE_TAG = 'plume-footnote-reference';
export const FOOTNOTE_DEFINITION_TAG = 'plume-footnote-definition';
export const FOOTNOTE_IDENTIFIER = 'dataPlumeFootnote';
/** The id of the footnotes' label, in Plume's page as in GitHub's rendering of Markdown footnotes. */
const FOOTNOTES_ID = 'footnote-label';
/** A footnote's id there, before its identifier. */
const FOOTNOTE_ID_PREFIX = 'user-content-fn-';

/**
 * A note call's text: a number, a letter or a mark, bracketed or not (« 1 », « [12] », « (a) », « * »,
 * « ² »). Anything longer is a link the author wrote in a sentence.
 */
const CALL_TEXT = /^[[(]?(?:\d{1,3}|[a-z]|[*†‡§]{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|note\s*\d{1,3})[\])]?$/iu;
/** A note's link back to its call: an arrow or a caret (Wikipedia's « ^ », WordPress's « ↩ »), or « retour ». */
const BACK_LINK_TEXT = /^(?:[↩↑⤴↵^⮌]\uFE0E?|retour(?:\s+au\s+texte)?)$/iu;

/** Arrows and carets (and blanks) that start a note's text once its links back are gone. */
const LEADING_MARKS = /^(?:[\s↩↑⤴↵^⮌]|\uFE0E)+/u;

interface Located {
  element: Element;
  parent: Parents;
  /** Pre-order position in the tree: a note comes after its call. */
  order: number;
  ancestors: readonly Element[];
}

interface Note {
  element: Element;
  parent: Parents;
  identifier: string;
  calls: Located[];
}

/** Words in an id, class or role that say « note »: `fnref-1`, `footnote`, `cite_note-1`, `doc-endnotes`. */
const NOTE_MARK = /fn|foot|note|ref|cite|endnote/iu;

/**
 * Makes the links within an HTML article survive its conversion to Markdown, which keeps no id:
 * - a note call (`<sup><a href="#note-1">1</a></sup>`) and the list item or paragraph it leads to become
 *   a footnote reference and a footnote at the end of the article (rendered `[^1]` in Markdown and as
 *   linked notes in HTML); the note's link back to its call is dropped (the renderer adds its own); a
 *   list left empty goes, and so does a heading (« Notes ») left over nothing;
 * - a link to a heading points at the id the rendered page gives that heading;
 * - in a whole article, any other link within the page becomes its text.
 * Mutates `tree`.
 */
export function resolveInPageLinks(tree: HastRoot, options: InPageLinksOptions): void {
  const byId = new Map<string, Located>();
  const links: Located[] = [];
  let order = 0;
  // One stack for the walk: only an anchor or a link keeps a copy of its ancestors.
  const stack: Element[] = [];
  const walk = (parent: Parents) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const position = order++;
      const id = child.properties.id;
      const name = child.tagName === 'a' ? child.properties.name : undefined;
      const isLink =
        child.tagName === 'a' && fragmentOf(child.properties.href, options.pageUrl) !== undefined;
      if (typeof id === 'string' || typeof name === 'string' || isLink) {
        const located: Located = { element: child, parent, order: position, ancestors: stack.slice() };
        for (const key of [id, name]) {
          if (typeof key === 'string' && key !== '' && !byId.has(key)) byId.set(key, located);
        }
        if (isLink) links.push(located);
      }
      stack.push(child);
      walk(child);
      stack.pop();
    }
  };
  walk(tree);
  if (links.length === 0) return;
  const targetOf = (link: Element) => {
    const fragment = fragmentOf(link.properties.href, options.pageUrl);
    return fragment === undefined ? undefined : byId.get(fragment);
  };

  const notes = new Map<Element, Note>();
  for (const link of links) {
    const found = targetOf(link.element);
    if (found === undefined) continue;
    const item = noteItemOf(found, tree);
    if (item === undefined || found.order <= link.order || link.ancestors.includes(item.element)) continue;
    if (!isNoteCall(link, item.element, found, targetOf)) continue;
    let entry = notes.get(item.element);
    if (entry === undefined) {
      entry = { ...item, identifier: String(notes.size + 1), calls: [] };
      notes.set(item.element, entry);
    }
    entry.calls.push(link);
  }

  const handled = new Set<Element>();
  // Notes taken out of each list at once: one by one, a list of thousands would be copied thousands of times.
  const takenOut = new Map<Parents, Set<Element>>();
  const removedHeadings = new Set<Element>();
  for (const note of notes.values()) {
    const callParts = new Set(note.calls.flatMap((call) => [call.element, ...callWrapper(call)]));
    for (const call of note.calls) {
      const [wrapper] = callWrapper(call);
      const reference: Element = {
        type: 'element',
        tagName: FOOTNOTE_REFERENCE_TAG,
        properties: { [FOOTNOTE_IDENTIFIER]: note.identifier },
        children: [],
      };
      if (wrapper === undefined) replaceElement(call.parent, call.element, reference);
      else replaceElement(call.ancestors.at(-2) ?? tree, wrapper, reference);
      handled.add(call.element);
    }
    // The note's own links back to its calls go: the rendered footnote has its own.
    dropLinks(note.element, (link) => {
      const back = targetOf(link);
      return (
        BACK_LINK_TEXT.test(hastTextOf(link).trim()) ||
        (back !== undefined && [back.element, ...back.ancestors].some((element) => callParts.has(element)))
      );
    });
    trimLeadingMarks(note.element);
    const definition: Element = {
      type: 'element',
      tagName: FOOTNOTE_DEFINITION_TAG,
      properties: { [FOOTNOTE_IDENTIFIER]: note.identifier },
      children: note.element.children,
    };
    const taken = takenOut.get(note.parent) ?? new Set();
    taken.add(note.element);
    takenOut.set(note.parent, taken);
    tree.children.push(definition);
  }
  for (const [parent, taken] of takenOut) {
    parent.children = parent.children.filter(
      (child) => child.type !== 'element' || !taken.has(child),
    ) as typeof parent.children;
    removeIfEmpty(parent, tree, removedHeadings);
  }

  for (const link of links) {
    // A call made a reference, or a link back from a note, dropped.
    if (handled.has(link.element) || !link.parent.children.includes(link.element)) continue;
    const found = targetOf(link.element);
    const heading = found === undefined ? undefined : headingOf(found);
    const item = found === undefined ? undefined : noteItemOf(found, tree);
    const note = item === undefined ? undefined : notes.get(item.element);
    // « voir la note » leads to the footnote, under the id its renderers give it.
    if (note !== undefined) link.element.properties.href = `#${FOOTNOTE_ID_PREFIX}${note.identifier}`;
    // A « Notes » heading left over nothing went: its notes are now the footnotes, under the renderer's label.
    else if (heading !== undefined && removedHeadings.has(heading))
      link.element.properties.href = `#${FOOTNOTES_ID}`;
    else if (heading !== undefined)
      link.element.properties.href = `#${headingId(hastTextOf(heading).trim())}`;
    else if (options.wholeArticle) replaceElement(link.parent, link.element, ...link.element.children);
  }
}

/**
 * Whether a link with a call's text, leading forward to a list item or paragraph, is a note call and not
 * « voir l'étape 3 »: it stands in a superscript or brackets, or it, its note or the note's list says
 * « note » in an id, class or role, or the note links back to it.
 */
function isNoteCall(
  link: Located,
  note: Element,
  found: Located,
  targetOf: (link: Element) => Located | undefined,
): boolean {
  const text = hastTextOf(link.element).trim();
  if (!CALL_TEXT.test(text)) return false;
  if (link.ancestors.some((element) => element.tagName === 'sup') || /^[[(]|^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u.test(text))
    return true;
  if ([link.element, ...link.ancestors.slice(-1)].some(saysNote)) return true;
  if ([found.element, ...found.ancestors.slice(-3)].some(saysNote)) return true;
  const callParts = new Set([link.element, ...callWrapper(link)]);
  return someLink(note, (back) => {
    const target = targetOf(back);
    return target !== undefined && callParts.has(target.element);
  });
}

function saysNote(element: Element): boolean {
  const { id, className, role } = element.properties;
  const classes = Array.isArray(className) ? className.join(' ') : '';
  return (
    element.properties.dataFootnoteRef !== undefined ||
    element.properties.dataFootnotes !== undefined ||
    [id, classes, role].some((value) => typeof value === 'string' && NOTE_MARK.test(value))
  );
}

/** The `<sup>` or `<span>` around a call and nothing else but blanks: it goes with the call. */
function callWrapper(call: Located): Element[] {
  const wrapper = call.ancestors.at(-1);
  const lone =
    wrapper !== undefined &&
    (wrapper.tagName === 'sup' || wrapper.tagName === 'span') &&
    wrapper.children.every(
      (child) => child === call.element || (child.type === 'text' && child.value.trim() === ''),
    );
  return lone ? [wrapper] : [];
}

/** The fragment an `href` leads to within the page, decoded, or undefined for a link elsewhere. */
export function fragmentOf(href: unknown, pageUrl: string | undefined): string | undefined {
  if (typeof href !== 'string') return undefined;
  let fragment: string | undefined;
  if (href.startsWith('#')) fragment = href.slice(1);
  else if (pageUrl !== undefined) {
    const hash = href.indexOf('#');
    if (hash > 0 && sameDocument(href.slice(0, hash), pageUrl)) fragment = href.slice(hash + 1);
  }
  if (fragment === undefined) return undefined;
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

function sameDocument(address: string, pageUrl: string): boolean {
  try {
    const a = new URL(address, pageUrl);
    const b = new URL(pageUrl);
    return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
  } catch {
    return false;
  }
}

/** The list item, else the paragraph, that is or holds an anchor (`<li id>`, `<li><span id>`, `<p><a name>`), and its parent. */
function noteItemOf(found: Located, tree: HastRoot): { element: Element; parent: Parents } | undefined {
  const chain = [...found.ancestors, found.element];
  for (const tagName of ['li', 'p']) {
    const index = chain.findLastIndex((element) => element.tagName === tagName);
    // The walk's stack starts at the root's children: the first one's parent is the root.
    if (index >= 0)
      return { element: chain[index] as Element, parent: index > 0 ? (chain[index - 1] as Element) : tree };
  }
  return undefined;
}

/** The heading an anchor is or is in. */
function headingOf(found: Located): Element | undefined {
  return [found.element, ...found.ancestors].find((element) => /^h[1-6]$/.test(element.tagName));
}

function replaceElement(parent: Parents, element: Element, ...replacements: ElementContent[]): void {
  const children = parent.children as ElementContent[];
  const index = children.indexOf(element);
  if (index >= 0) children.splice(index, 1, ...replacements);
}

function dropLinks(parent: Parents, isDropped: (link: Element) => boolean): void {
  parent.children = parent.children.filter(
    (child) => child.type !== 'element' || child.tagName !== 'a' || !isDropped(child),
  ) as typeof parent.children;
  for (const child of parent.children) if (child.type === 'element') dropLinks(child, isDropped);
}

/** Wikipedia's « ↑ » left before a note once its links back went: the note starts with its words. */
function trimLeadingMarks(parent: Parents): boolean {
  for (const child of parent.children) {
    if (child.type === 'text') {
      child.value = child.value.replace(LEADING_MARKS, '');
      if (child.value !== '') return true;
    } else if (child.type === 'element' && trimLeadingMarks(child)) return true;
  }
  return false;
}

function someLink(parent: Parents, test: (link: Element) => boolean): boolean {
  return parent.children.some(
    (child) => child.type === 'element' && ((child.tagName === 'a' && test(child)) || someLink(child, test)),
  );
}

/** Drops a list or section its notes left empty, and a heading left over nothing (« Notes »). */
function removeIfEmpty(element: Parents, tree: HastRoot, removedHeadings: Set<Element>): void {
  if (element.type !== 'element' || !isBlank(element)) return;
  const holder = findParent(tree, element);
  if (holder === undefined) return;
  const index = holder.children.indexOf(element);
  const before = holder.children
    .slice(0, index)
    .findLast((child): child is Element => child.type === 'element');
  const after = holder.children
    .slice(index + 1)
    .find((child): child is Element => child.type === 'element' && !isBlank(child));
  holder.children.splice(index, 1);
  if (
    before !== undefined &&
    /^h[1-6]$/.test(before.tagName) &&
    (after === undefined || /^h[1-6]$/.test(after.tagName) || after.tagName.startsWith('plume-'))
  ) {
    holder.children.splice(holder.children.indexOf(before), 1);
    removedHeadings.add(before);
  }
  removeIfEmpty(holder, tree, removedHeadings);
}

function isBlank(element: Element): boolean {
  return element.children.every(
    (child) =>
      (child.type === 'text' && child.value.trim() === '') ||
      child.type === 'comment' ||
      (child.type === 'element' &&
        !['img', 'picture', 'video', 'audio', 'iframe', 'br', 'hr'].includes(child.tagName) &&
        !child.tagName.startsWith('plume-') &&
        isBlank(child)),
  );
}

function findParent(parent: Parents, element: Element): Parents | undefined {
  for (const child of parent.children) {
    if (child === element) return parent;
    if (child.type === 'element') {
      const found = findParent(child, element);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
