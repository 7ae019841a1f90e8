import type { RootContent } from 'mdast';
import type { ChatMessage } from '../../llm/language-model.js';
import { LlmBudgetError } from '../../llm/llm-errors.js';
import type { SeoPlan } from '../../plan/seo-plan.js';
import type { WriterContext } from '../writer.js';
import { type DraftSection, markdownToNodes, sectionName, sourceNodes } from './draft-assembly.js';
import { isSectionFailure, type LlmSession, noteBudgetSpent } from './llm-session.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { buildSectionMessages } from './prompts.js';
import { factsText, passagesText } from './source-passages.js';

/** Writes the introduction and every section of the plan, a bounded number at once. */
export async function writeSections(
  session: LlmSession,
  context: WriterContext,
  plan: SeoPlan,
): Promise<DraftSection[]> {
  const drafts: DraftSection[] = [
    {
      heading: null,
      depth: 0,
      passages: plan.introduction,
      wordBudget: introductionBudget(plan),
      nodes: [],
    },
    ...plan.sections.map((section) => ({
      heading: section.heading,
      depth: section.depth,
      passages: section.passages,
      wordBudget: section.wordBudget,
      nodes: [] as RootContent[],
    })),
  ];
  const outline = plan.sections.map((section) => section.heading);
  let done = 0;
  await mapWithConcurrency(drafts, session.concurrency, async (draft) => {
    draft.nodes = await writeOrFallBack(session, context, draft, () =>
      buildSectionMessages({
        locale: context.brief.locale,
        sourceLanguage: context.analysis.language.language,
        h1: plan.h1,
        outline,
        heading: draft.heading,
        wordBudget: draft.wordBudget,
        keyphrase: plan.keyphrase,
        passages: passagesText(draft.passages, context.analysis),
        facts: factsText(draft.passages, context.analysis),
      }),
    );
    done += 1;
    context.onProgress?.({
      stage: 'write',
      message: sectionName(draft),
      done,
      total: drafts.length,
    });
  });
  return drafts;
}

/** Writes one section; on a budget error or a bad answer, the section keeps the source passages instead. */
async function writeOrFallBack(
  session: LlmSession,
  context: WriterContext,
  draft: DraftSection,
  messages: () => ChatMessage[],
): Promise<RootContent[]> {
  draft.fromSource = true;
  if (context.stats.budgetSpent === true) return sourceNodes(context, draft.passages);
  try {
    const nodes = markdownToNodes(await session.call(context, { messages: messages() }));
    if (nodes.length > 0) {
      draft.fromSource = false;
      return nodes;
    }
    context.stats.notes.push(`Réponse vide pour ${sectionName(draft)} : passages de la source repris.`);
  } catch (error) {
    if (LlmBudgetError.isInstance(error)) noteBudgetSpent(context);
    else if (isSectionFailure(error)) {
      context.stats.notes.push(
        `${sectionName(draft)} : échec du modèle (${(error as Error).name}), passages de la source repris.`,
      );
    } else throw error;
  }
  return sourceNodes(context, draft.passages);
}

function introductionBudget(plan: SeoPlan): number {
  const introduction = plan.introduction.reduce((sum, passage) => sum + passage.wordCount, 0);
  return Math.min(150, Math.max(60, introduction || 90));
}
