import type { Element, ElementContent } from 'hast';

/**
 * Writes the figures of a `<sup>` or `<sub>` as the Unicode superscript or subscript characters
 * (« m² », « 10⁶ », « CO₂ », a note call « ¹ »): Markdown has no superscript, and the element's text
 * alone read « m2 », « CO2 », « une note2 ». Only when every character has such a form (digits, signs,
 * parentheses); letters (« XIXᵉ », « 1ᵉʳ ») stay as they are: French writes « XIXe », « 1er » without
 * superscript. Links and emphasis inside keep their place. Pure: changes `element` in place.
 */
export function scriptDigits(element: Element): void {
  const map = element.tagName === 'sup' ? SUPERSCRIPTS : element.tagName === 'sub' ? SUBSCRIPTS : null;
  if (map === null) return;
  const text = textOf(element);
  if (text === '' || ![...text].every((character) => map.has(character))) return;
  rewrite(element, map);
}

const SUPERSCRIPTS = new Map(
  [...'0123456789+-−=()'].map((character, index) => [character, '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾'[index] as string]),
);
const SUBSCRIPTS = new Map(
  [...'0123456789+-−=()'].map((character, index) => [character, '₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎'[index] as string]),
);

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}

function rewrite(node: Element, map: ReadonlyMap<string, string>): void {
  for (const child of node.children) {
    if (child.type === 'text')
      child.value = [...child.value].map((character) => map.get(character) ?? character).join('');
    else if (child.type === 'element') rewrite(child, map);
  }
}
