import type { Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { tokenizeWords } from '../../lang/fr/tokenize-words.js';
import type { Passage, SeoPlan } from '../../plan/seo-plan.js';
import { headingNode, withoutPositions } from '../mdast-nodes.js';
import { materialize } from '../offline-writer.js';
import type { WriterContext } from '../writer.js';

/** A written section: its heading (null for the introduction), plan entry and content. */
export interface DraftSection {
  heading: string | null;
  depth: number;
  passages: Passage[];
  wordBudget: number;
  nodes: RootContent[];
  /** True when the model's text could not be had and the section holds the source passages. */
  fromSource?: boolean;
}

/** The plan and its written sections: what the LLM writer repairs. */
export interface SectionedDraft {
  plan: SeoPlan;
  sections: DraftSection[];
}

/** The article body: the H1, then each section under its heading. */
export function assemble(plan: SeoPlan, sections: readonly DraftSection[]): Root {
  const children: RootContent[] = [headingNode(1, plan.h1)];
  for (const section of sections) {
    if (section.heading !== null) children.push(headingNode(section.depth, section.heading));
    children.push(...structuredClone(section.nodes));
  }
  return { type: 'root', children };
}

/** The source passages themselves: what a section holds when the model could not write it. */
export function sourceNodes(context: WriterContext, passages: readonly Passage[]): RootContent[] {
  return passages.flatMap((passage) =>
    materialize(passage, context.document.tree.children, context.analysis),
  );
}

export function sectionText(section: DraftSection): string {
  return section.nodes.map((node) => mdastToString(node)).join('\n\n');
}

export function sectionName(draft: { heading: string | null }): string {
  return draft.heading === null ? 'Introduction' : `Section « ${draft.heading} »`;
}

export function countWords(text: string): number {
  return tokenizeWords(text).filter((token) => token.kind !== 'elision').length;
}

const markdownParser = unified().use(remarkParse).use(remarkGfm);

/** The model's Markdown as body nodes: headings, HTML and front matter it may add are dropped. */
export function markdownToNodes(markdown: string): RootContent[] {
  const cleaned = markdown.replace(/^```(?:markdown|md)?\s*\n([\s\S]*?)\n```\s*$/u, '$1').trim();
  const tree = markdownParser.parse(cleaned) as Root;
  return tree.children
    .filter(
      (node) =>
        node.type === 'paragraph' ||
        node.type === 'list' ||
        node.type === 'blockquote' ||
        node.type === 'table',
    )
    .map((node) => withoutPositions(node));
}
