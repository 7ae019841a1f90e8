/**
 * Markdown written into plain text: links, emphasis, `>` quotes, code spans, inline HTML. Any one of
 * them makes `ingest` read a .txt as Markdown, so that nothing is shown escaped (`\[lien\]\(…\)`).
 */
const MARKDOWN_SIGNS = [
  /\[[^\]\n]+\]\([^)\s]+(?:\s+"[^"\n]*")?\)/, // [text](url)
  /\*\*[^*\n]+\*\*/, // **strong**
  // *emphasis* opening a word and closing one, within a paragraph (a hard-wrapped one too): « 5 * 3 »
  // and a lone footnote star « prix* » are not emphasis.
  /(?:^|\s)\*[^\s*](?:(?!\n[ \t]*\n)[^*]){0,400}?[^\s*]\*(?=[\s.,;:!?)»]|$)/,
  /__[^_\n]+__/, // __strong__
  /(?:^|\s)`[^`\n]+`(?=[\s.,;:!?)]|$)/m, // `code`
  /^>[ \t]?\S/m, // > quote
  /^#{1,6}[ \t]+\S/m, // # heading
  /^```/m, // fenced code
  /<(?:div|p|a|img|figure|span|br|video|iframe|blockquote|strong|em)(?:\s[^>\n]*)?\/?>/i, // inline HTML
];

/** Whether plain text carries Markdown syntax, and must be read as Markdown. */
export function carriesMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.some((sign) => sign.test(text));
}
