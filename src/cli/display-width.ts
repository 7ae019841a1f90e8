import { createRequire } from 'node:module';

/**
 * Columns a string takes in a terminal, as `string-width` counts them, for commander's help.
 *
 * `string-width` compiles Unicode property-of-strings patterns (RGI emoji) and an `Intl.Segmenter` when it
 * is imported: about 70 ms of CPU at every start of `plume`, `--version` included, for help text that is
 * French in Latin letters. A string made only of characters one column wide each (printable ASCII, Latin-1
 * and Latin Extended letters, the general punctuation Plume writes: ’ « » ‹ › – … and the no-break spaces) is
 * measured here by counting them — the test checks every such character against `string-width`. Anything
 * else (an emoji, a combining accent, a wide character) is measured by `string-width`, loaded then.
 */
export function displayWidth(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    if (!isSingleColumn(text.charCodeAt(index))) return exactWidth(text);
  }
  return text.length;
}

/** A UTF-16 code unit that is a whole character one column wide, alone and beside any other such one. */
export function isSingleColumn(code: number): boolean {
  if (code >= 0x20 && code <= 0x7e) return true;
  // Latin-1 and Latin Extended-A/B, IPA: no soft hyphen (zero width), no © or ® (emoji sequences).
  if (code >= 0xa0 && code <= 0x2af) return code !== 0xad && code !== 0xa9 && code !== 0xae;
  // Dashes, quotation marks, bullets, the ellipsis, per mille, ‹ ›; the narrow no-break space; the euro sign.
  return (
    (code >= 0x2010 && code <= 0x2027) ||
    (code >= 0x2030 && code <= 0x203a) ||
    code === 0x202f ||
    code === 0x20ac
  );
}

let stringWidth: ((text: string) => number) | undefined;

function exactWidth(text: string): number {
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: (text: string) => number })
    .default;
  return stringWidth(text);
}
