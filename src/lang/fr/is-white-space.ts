/** The characters `\s` matches: ASCII and Unicode spaces, line and paragraph separators, the BOM. */
export function isWhiteSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether `text` holds only white space (as `\s` means it) from `start` to `end`: no copy, no regular expression. */
export function isSpacesOnly(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if (!isWhiteSpace(text.charCodeAt(index))) return false;
  return true;
}
