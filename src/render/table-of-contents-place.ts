/** How `tableOfContentsIndex` reads the body's top-level nodes, Markdown or HTML alike. */
export interface BodyNodeReader<Node> {
  /** Heading level of the node (1 for the H1), 0 when it is not a heading. */
  level(node: Node): number;
  /** Its text, for a heading. */
  text(node: Node): string;
  /** A node that shows nothing (the newlines between HTML elements). */
  isBlank(node: Node): boolean;
}

/** « Introduction », « 1. Introduction », « I – Introduction »: the author titled the section so. */
export function isIntroductionHeading(text: string): boolean {
  return /^\s*(?:(?:\d+|[IVX]+)\s*[.)\-–—:]?\s*)?introduction\s*$/iu.test(text);
}

/**
 * Where the « Sommaire » goes among the body's top-level nodes: right before the first section, or after
 * the H1 when there is none. When the body opens on a section the author titled « Introduction », after
 * that section: the introduction comes first, as in any article, and its first paragraph stays the first
 * of the body (Yoast SEO and search engines read that one as the introduction, not the « Sommaire » label).
 */
export function tableOfContentsIndex<Node>(nodes: readonly Node[], reader: BodyNodeReader<Node>): number {
  const firstSection = nodes.findIndex((node) => reader.level(node) >= 2);
  const firstHeading = nodes.findIndex((node) => reader.level(node) === 1);
  if (firstSection === -1) return firstHeading + 1;
  const section = nodes[firstSection] as Node;
  const opensOnSection = nodes.slice(firstHeading + 1, firstSection).every((node) => reader.isBlank(node));
  if (!opensOnSection || !isIntroductionHeading(reader.text(section))) return firstSection;
  const depth = reader.level(section);
  const next = nodes.findIndex(
    (node, index) => index > firstSection && reader.level(node) >= 2 && reader.level(node) <= depth,
  );
  return next === -1 ? firstSection : next;
}
