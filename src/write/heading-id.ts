import GithubSlugger from 'github-slugger';
import { isLetter } from '../character-class.js';

/**
 * The anchor GitHub, Astro and Hugo give a heading (`github-slugger`): « Pénurie de talents en IA » ->
 * « pénurie-de-talents-en-ia », so the « Sommaire » links work once a generator renders the Markdown.
 * An id that would not start with a letter (a heading starting with a figure) gets `section-` before it,
 * which HTML validators ask for. Pass one slugger per article to number repeats (`a`, `a-1`).
 */
export function headingId(text: string, slugger: GithubSlugger = new GithubSlugger()): string {
  const id = slugger.slug(text);
  if (startsWithLetter(id)) return id;
  const trimmed = id.replace(/^-+|-+$/g, '');
  return trimmed === '' ? 'section' : `section-${trimmed}`;
}

/** `/^\p{L}/u.test(text)`. */
function startsWithLetter(text: string): boolean {
  const initial = text.codePointAt(0);
  return initial !== undefined && isLetter(initial);
}
