/**
 * A YAML front matter opening the text (`---`, then `clé: valeur` lines, then `---`), as static site
 * generators and CMS exports write it: its first line is a key, so a text that opens on a `---` rule
 * followed by prose is not taken for one.
 */
export const TEXT_FRONT_MATTER = /^---[ \t]*\n[A-Za-z_][\w-]*[ \t]*:[^\n]*\n(?:[^\n]*\n)*?---[ \t]*(?:\n|$)/;

/**
 * Markdown written into plain text: a front matter, links, emphasis, `>` quotes, code spans, inline
 * HTML. Any one of them makes `ingest` read a .txt as Markdown, so that nothing is shown escaped
 * (`\[lien\]\(…\)`) and a front matter gives the article its metadata instead of a paragraph.
 */
const MARKDOWN_SIGNS = [
  TEXT_FRONT_MATTER,
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
