import type { Document } from '../document.js';
import { parseMarkdownWith } from './markdown-document.js';
import { htmlBlockToMdast } from './parse-html.js';

/**
 * Parses Markdown (CommonMark + GFM) into a document, synchronously: the HTML parser is loaded with
 * this module. `ingest` loads it only for a source that holds HTML (see `htmlConverterFor`).
 */
export function parseMarkdown(text: string): Document {
  return parseMarkdownWith(text, htmlBlockToMdast);
}
