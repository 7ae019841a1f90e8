import type { Element, Nodes, Properties, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { type Processor, unified } from 'unified';

/**
 * An HTML tree (a page or a fragment) as text: by {@link serializeHtml} when it can, else by
 * `rehype-stringify`, made on first use (the CLI's bundle also loads it only then, see
 * scripts/bundle-cli.mjs). `<!DOCTYPE html>` in capitals: the form html-validate's recommended preset asks
 * for. Pure.
 */
export function stringifyHtml(tree: Root): string {
  const direct = serializeHtml(tree);
  if (direct !== undefined) return direct;
  htmlSerializer ??= unified().use(rehypeStringify, { upperDoctype: true }).freeze();
  return htmlSerializer.stringify(tree);
}

let htmlSerializer: Processor<undefined, undefined, undefined, Root, string> | undefined;

/**
 * Serializes an HTML tree exactly as `hast-util-to-html` does with Plume's settings (`upperDoctype`, every
 * other option at its default: double quotes, no tag omitted, hexadecimal character references), for
 * the trees Plume's pages are made of: a doctype, elements of the HTML namespace with the properties
 * below, and texts. Returns `undefined` for anything else (a comment, raw HTML, SVG, a property outside
 * the table), which {@link stringifyHtml} leaves to `hast-util-to-html`. It and `property-information`,
 * whose tables it builds at import, cost 7 ms of each `plume optimize` start and a tenth of a millisecond
 * per article; this walk is string concatenation. Pure.
 */
export function serializeHtml(tree: Nodes): string | undefined {
  return serialize(tree, undefined);
}

/** How `property-information` writes a property: its attribute's name, and whether it is boolean. */
interface AttributeInfo {
  attribute: string;
  /** Written bare when true, left out when false (`checked`); any other is written `name="value"`. */
  boolean: boolean;
}

const plain = (attribute: string): AttributeInfo => ({ attribute, boolean: false });

/**
 * The properties of Plume's pages (the head it builds, the Markdown and GFM elements the sanitizer lets
 * through, footnotes included), as `property-information` knows them: a test checks each entry against
 * the serializer.
 */
export const HTML_ATTRIBUTES: Readonly<Record<string, AttributeInfo>> = {
  align: plain('align'),
  alt: plain('alt'),
  ariaDescribedBy: plain('aria-describedby'),
  ariaHidden: plain('aria-hidden'),
  ariaLabel: plain('aria-label'),
  charSet: plain('charset'),
  checked: { attribute: 'checked', boolean: true },
  cite: plain('cite'),
  className: plain('class'),
  content: plain('content'),
  dataFootnoteBackref: plain('data-footnote-backref'),
  dataFootnoteRef: plain('data-footnote-ref'),
  dataFootnotes: plain('data-footnotes'),
  dateTime: plain('datetime'),
  disabled: { attribute: 'disabled', boolean: true },
  height: plain('height'),
  href: plain('href'),
  id: plain('id'),
  lang: plain('lang'),
  name: plain('name'),
  // Open Graph's `<meta property="og:title">`.
  property: plain('property'),
  rel: plain('rel'),
  src: plain('src'),
  start: plain('start'),
  title: plain('title'),
  type: plain('type'),
  width: plain('width'),
};

/** `html-void-elements`: written without a closing tag when they have no children. */
const VOID_ELEMENTS: ReadonlySet<string> = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose text is written as it is. */
const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style']);

/** Elements whose content or namespace the serializer treats apart: left to it. */
const OTHER_ELEMENTS: ReadonlySet<string> = new Set(['svg', 'math', 'template']);

function serialize(node: Nodes, parent: Element | undefined): string | undefined {
  switch (node.type) {
    case 'root': {
      let result = '';
      for (const child of node.children) {
        const value = serialize(child, undefined);
        if (value === undefined) return undefined;
        result += value;
      }
      return result;
    }
    case 'doctype':
      return '<!DOCTYPE html>';
    case 'text':
      return parent !== undefined && RAW_TEXT_ELEMENTS.has(parent.tagName)
        ? node.value
        : escapeText(node.value);
    case 'element':
      return element(node);
    default:
      return undefined;
  }
}

function element(node: Element): string | undefined {
  const { tagName } = node;
  if (OTHER_ELEMENTS.has(tagName) || tagName !== tagName.toLowerCase()) return undefined;
  const attributes = serializeAttributes(node.properties);
  if (attributes === undefined) return undefined;
  let content = '';
  for (const child of node.children) {
    const value = serialize(child, node);
    if (value === undefined) return undefined;
    content += value;
  }
  const opening = `<${tagName}${attributes === '' ? '' : ` ${attributes}`}>`;
  // A void element with children is written as any other (as the serializer does).
  if (VOID_ELEMENTS.has(tagName) && content === '') return opening;
  return `${opening}${content}</${tagName}>`;
}

function serializeAttributes(properties: Properties | undefined): string | undefined {
  let result = '';
  if (!properties) return result;
  for (const key in properties) {
    const value = properties[key];
    if (value === null || value === undefined) continue;
    const info = HTML_ATTRIBUTES[key];
    if (info === undefined) return undefined;
    const attribute = serializeAttribute(info, value);
    if (attribute === undefined) return undefined;
    if (attribute === '') continue;
    result += result === '' ? attribute : ` ${attribute}`;
  }
  return result;
}

/** One attribute, `''` when it is left out (false, NaN), `undefined` for a value it does not write. */
function serializeAttribute(info: AttributeInfo, value: unknown): string | undefined {
  if (info.boolean) {
    // The serializer reads any other value as a boolean, a string only when it names the attribute or is
    // empty (false); another string is written as a value.
    if (typeof value === 'string') {
      if (value === info.attribute) return info.attribute;
      return value === '' ? '' : undefined;
    }
    return value ? info.attribute : '';
  }
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') {
    if (Number.isNaN(value)) return '';
    text = String(value);
  } else if (typeof value === 'boolean') {
    // `data-footnote-ref`: true is the bare name, false no attribute.
    return value ? info.attribute : '';
  } else if (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'string' || typeof item === 'number')
  ) {
    // A list (`class`, `rel`): its items one space apart (none of the table is comma-separated).
    text = value.join(' ').trim();
  } else {
    return undefined;
  }
  return `${info.attribute}="${escapeAttribute(text)}"`;
}

/** `<` and `&` as hexadecimal character references: what the serializer encodes in text. */
function escapeText(value: string): string {
  if (!TEXT_SPECIAL.test(value)) return value;
  return value.replace(TEXT_SPECIAL_ALL, reference);
}

/** NUL, `"`, `&`, `'` and `` ` `` as references: what the serializer encodes in a double-quoted value. */
function escapeAttribute(value: string): string {
  if (!ATTRIBUTE_SPECIAL.test(value)) return value;
  return value.replace(ATTRIBUTE_SPECIAL_ALL, reference);
}

function reference(character: string): string {
  return `&#x${(character.charCodeAt(0) as number).toString(16).toUpperCase()};`;
}

const TEXT_SPECIAL = /[<&]/;
const TEXT_SPECIAL_ALL = /[<&]/g;
const ATTRIBUTE_SPECIAL = /[\0"&'`]/;
const ATTRIBUTE_SPECIAL_ALL = /[\0"&'`]/g;
