import type { Element } from 'hast';
import { hastTextOf } from './hast-text.js';

/**
 * Writes the figures of a `<sup>` or `<sub>` as the Unicode superscript or subscript characters
 * (« m² », « 10⁶ », « CO₂ », a note call « ¹ »): Markdown has no superscript, and the element's text
 * alone read « m2 », « CO2 », « une note2 ». Only when every character has such a form (digits, signs,
 * parentheses); letters (« XIXᵉ », « 1ᵉʳ ») stay as they are: French writes « XIXe », « 1er » without
 * superscript. Links and emphasis inside keep their place. Pure: changes `element` in place.
 */
export function scriptDigits(element: Element): void {
  const map = mapOf(element.tagName);
  if (map === null || !writable(hastTextOf(element), map)) return;
  rewrite(element, map);
}

/**
 * `text` of a `<sup>` or `<sub>` (`tagName`) in superscript or subscript characters, as `scriptDigits`
 * writes it; undefined when one of its characters has no such form. For the tags of Markdown sources.
 */
export function scriptedFigures(tagName: string, text: string): string | undefined {
  const map = mapOf(tagName);
  return map === null || !writable(text, map) ? undefined : mapped(text, map);
}

function mapped(text: string, map: ReadonlyMap<string, string>): string {
  return [...text].map((character) => map.get(character) ?? character).join('');
}

function mapOf(tagName: string): ReadonlyMap<string, string> | null {
  return tagName === 'sup' ? SUPERSCRIPTS : tagName === 'sub' ? SUBSCRIPTS : null;
}

function writable(text: string, map: ReadonlyMap<string, string>): boolean {
  return text !== '' && [...text].every((character) => map.has(character));
}

const SUPERSCRIPTS = new Map(
  [...'0123456789+-−=()'].map((character, index) => [character, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾'[index] as string]),
);
const SUBSCRIPTS = new Map(
  [...'0123456789+-−=()'].map((character, index) => [character, '₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎'[index] as string]),
);

function rewrite(node: Element, map: ReadonlyMap<string, string>): void {
  for (const child of node.children) {
    if (child.type === 'text') child.value = mapped(child.value, map);
    else if (child.type === 'element') rewrite(child, map);
  }
}
