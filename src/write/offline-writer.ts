import type { BlockContent, Paragraph, Root, RootContent } from 'mdast';
import type { Analysis } from '../analyze/analysis.js';
import { planArticle, sentencesOfPassage } from '../plan/plan-article.js';
import type { Passage, SeoPlan } from '../plan/seo-plan.js';
import { headingNode, sourceHeadingNode, withoutPositions } from './mdast-nodes.js';
import { sliceParagraph } from './slice-paragraph.js';
import type { Writer, WriterContext } from './writer.js';

/** Title of the summary box built from the source's opening bullets. */
export const KEY_POINTS_LABEL = 'L’essentiel';

/**
 * The offline writer: restructures the source without writing a sentence of
 * its own. It plans headings, introduction and « L’essentiel » from the
 * source, then assembles the source's own nodes under them. It cannot
 * translate or lengthen; the report says so when that is needed.
 */
export function createOfflineWriter(): Writer {
  return {
    name: 'offline',
    canRewrite: false,
    async plan(context) {
      return planArticle(context.document, context.analysis, {
        brief: context.brief,
        config: context.config,
        ...(context.lexicon ? { lexicon: context.lexicon } : {}),
      });
    },
    async write(context, plan) {
      return { tree: assembleDraft(context, plan), plan };
    },
  };
}

/** Builds the draft tree from the plan: H1, introduction, « L’essentiel », then each section. Pure. */
export function assembleDraft(context: Pick<WriterContext, 'document' | 'analysis'>, plan: SeoPlan): Root {
  const sourceNodes = context.document.tree.children;
  const children: RootContent[] = [headingNode(1, plan.h1)];
  // The introduction comes before « L’essentiel »: search engines and Yoast SEO take the first paragraph
  // of the body as the introduction, and the box's label would be it.
  for (const passage of plan.introduction)
    children.push(...materialize(passage, sourceNodes, context.analysis));
  if (plan.keyPoints) {
    const list = sourceNodes[plan.keyPoints.nodeIndex];
    if (list && list.type === 'list') children.push(keyPointsBox(withoutPositions(list)));
  }
  for (const section of plan.sections) {
    children.push(
      section.origin === 'source'
        ? sourceHeadingNode(section.depth, section.heading, sourceNodes)
        : headingNode(section.depth, section.heading),
    );
    for (const passage of section.passages)
      children.push(...materialize(passage, sourceNodes, context.analysis));
  }
  return { type: 'root', children };
}

function keyPointsBox(list: BlockContent): BlockContent {
  return {
    type: 'blockquote',
    data: { hName: 'aside', hProperties: { className: ['essentiel'], ariaLabel: KEY_POINTS_LABEL } },
    children: [
      {
        type: 'paragraph',
        children: [{ type: 'strong', children: [{ type: 'text', value: KEY_POINTS_LABEL }] }],
      },
      list,
    ],
  };
}

export function materialize(
  passage: Passage,
  sourceNodes: readonly RootContent[],
  analysis: Analysis,
): RootContent[] {
  const node = sourceNodes[passage.nodeIndex];
  if (!node) return [];
  if (!passage.sentences || node.type !== 'paragraph') return [withoutPositions(node)];
  const sentences = sentencesOfPassage(passage, analysis);
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  const block = first ? analysis.blocks[first.blockIndex] : undefined;
  if (!first || !last || !block) return [withoutPositions(node)];
  return [sliceParagraph(node as Paragraph, first.start - block.start, last.end - block.start)];
}
