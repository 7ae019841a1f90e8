import type { Paragraph, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import { detectLanguage } from '../../lang/fr/detect-language.js';
import type { ChatMessage } from '../../llm/language-model.js';
import { LlmBudgetError } from '../../llm/llm-errors.js';
import type { Passage, SeoPlan } from '../../plan/seo-plan.js';
import type { DraftEvaluation } from '../draft-evaluation.js';
import type { WriterContext } from '../writer.js';
import {
  countWords,
  type DraftSection,
  markdownToNodes,
  type SectionedDraft,
  sectionText,
} from './draft-assembly.js';
import { cleanHeading, fixMetadata, maxSectionBudget } from './llm-plan.js';
import { isSectionFailure, type LlmSession, noteBudgetSpent } from './llm-session.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import {
  LLM_HEADINGS_JSON_SCHEMA,
  LLM_HEADINGS_SCHEMA,
  LLM_METADATA_JSON_SCHEMA,
  LLM_METADATA_SCHEMA,
} from './plan-schema.js';
import {
  buildHeadingsRepairMessages,
  buildMetadataRepairMessages,
  buildRepairMessages,
  promptLimits,
  type RepairKind,
} from './prompts.js';
import { passagesText, unusedPassages } from './source-passages.js';
import { requestStructured } from './structured-output.js';

/** Most sections expanded in one repair round. */
const MAX_EXPANSIONS_PER_ROUND = 3;

/**
 * One repair round: invented facts cut without a call, then targeted re-prompts for the sections in the
 * wrong language, too long or too short, the keyphrase in the introduction and headings, the metadata.
 */
export async function repairSections(
  session: LlmSession,
  context: WriterContext,
  current: SectionedDraft,
  evaluation: DraftEvaluation,
): Promise<SectionedDraft> {
  const sections = current.sections.map((section) => ({ ...section, nodes: [...section.nodes] }));
  let plan = current.plan;
  removeInventedFacts(evaluation, sections);

  const tasks: { index: number; kind: RepairKind; target: number; passages: Passage[] }[] = [];
  sections.forEach((section, index) => {
    const text = sectionText(section);
    const words = countWords(text);
    const language = words >= 30 ? detectLanguage(text) : null;
    if (language && language.language !== 'fr' && language.confidence >= 0.5) {
      tasks.push({ index, kind: 'translate', target: words, passages: [] });
    } else if (words > context.config.subheadingDistribution.maxWords) {
      tasks.push({ index, kind: 'shorten', target: maxSectionBudget(context.config), passages: [] });
    }
  });
  const words = evaluation.analysis.statistics.bodyWords;
  if (words < context.brief.minWords) {
    const deficit = Math.ceil(context.brief.minWords * 1.05) - words;
    const spare = unusedPassages(
      sections.flatMap((section) => section.passages),
      context.analysis,
    );
    const candidates = sections
      .map((section, index) => ({ index, words: countWords(sectionText(section)), section }))
      .filter((entry) => entry.index > 0 && !tasks.some((task) => task.index === entry.index))
      .sort((left, right) => left.words - right.words)
      .slice(0, MAX_EXPANSIONS_PER_ROUND);
    const share = Math.ceil(deficit / Math.max(1, candidates.length));
    for (const candidate of candidates) {
      tasks.push({
        index: candidate.index,
        kind: 'expand',
        target: Math.min(maxSectionBudget(context.config), candidate.words + share),
        passages: [...candidate.section.passages, ...spare],
      });
    }
  }
  const intro = evaluation.report.results.find((result) => result.id === 'keyphrase-in-introduction');
  if (intro && intro.score < 8 && !tasks.some((task) => task.index === 0)) {
    tasks.push({
      index: 0,
      kind: 'keyphrase',
      target: countWords(sectionText(sections[0] as DraftSection)),
      passages: [],
    });
  }

  await mapWithConcurrency(tasks, session.concurrency, async (task) => {
    const section = sections[task.index] as DraftSection;
    section.nodes = await writeOrFallBackKeeping(session, context, section, () =>
      buildRepairMessages({
        locale: context.brief.locale,
        kind: task.kind,
        heading: section.heading,
        current: sectionText(section),
        wordTarget: task.target,
        keyphrase: plan.keyphrase,
        passages: task.passages.length > 0 ? passagesText(task.passages, context.analysis) : '',
      }),
    );
  });

  plan = await repairHeadings(session, context, plan, evaluation, sections);
  plan = await repairMetadata(session, context, plan, evaluation);
  return { plan, sections };
}

/** Like writeOrFallBack, but a failed repair keeps the section as it was. */
async function writeOrFallBackKeeping(
  session: LlmSession,
  context: WriterContext,
  section: DraftSection,
  messages: () => ChatMessage[],
): Promise<RootContent[]> {
  if (context.stats.budgetSpent === true) return section.nodes;
  try {
    const nodes = markdownToNodes(await session.call(context, { messages: messages() }));
    return nodes.length > 0 ? nodes : section.nodes;
  } catch (error) {
    if (LlmBudgetError.isInstance(error)) {
      noteBudgetSpent(context);
      return section.nodes;
    }
    if (isSectionFailure(error)) return section.nodes;
    throw error;
  }
}

async function repairHeadings(
  session: LlmSession,
  context: WriterContext,
  plan: SeoPlan,
  evaluation: DraftEvaluation,
  sections: DraftSection[],
): Promise<SeoPlan> {
  const result = evaluation.report.results.find((entry) => entry.id === 'keyphrase-in-subheadings');
  if (!result || result.score >= 8 || context.stats.budgetSpent === true) return plan;
  const headings = plan.sections.map((section) => section.heading);
  const wanted = Math.max(1, Math.round(headings.length * 0.5));
  try {
    const parsed = await requestStructured((request) => session.call(context, request), {
      messages: buildHeadingsRepairMessages({
        locale: context.brief.locale,
        keyphrase: plan.keyphrase,
        headings,
        wanted,
      }),
      schema: LLM_HEADINGS_SCHEMA,
      jsonSchema: LLM_HEADINGS_JSON_SCHEMA,
    });
    if (!parsed.ok || parsed.value.headings.length !== headings.length) return plan;
    const renamed = parsed.value.headings.map((heading) => cleanHeading(heading));
    if (new Set(renamed.map((heading) => heading.toLowerCase())).size !== renamed.length) return plan;
    renamed.forEach((heading, index) => {
      const section = sections[index + 1];
      if (section) section.heading = heading;
    });
    return {
      ...plan,
      sections: plan.sections.map((section, index) => ({
        ...section,
        heading: renamed[index] ?? section.heading,
      })),
    };
  } catch (error) {
    if (LlmBudgetError.isInstance(error)) noteBudgetSpent(context);
    else if (!isSectionFailure(error)) throw error;
    return plan;
  }
}

async function repairMetadata(
  session: LlmSession,
  context: WriterContext,
  plan: SeoPlan,
  evaluation: DraftEvaluation,
): Promise<SeoPlan> {
  const metadata = evaluation.constraints.find((constraint) => constraint.id === 'metadata');
  if (!metadata || metadata.passed || context.stats.budgetSpent === true) return plan;
  try {
    const parsed = await requestStructured((request) => session.call(context, request), {
      messages: buildMetadataRepairMessages({
        locale: context.brief.locale,
        keyphrase: plan.keyphrase,
        title: plan.title,
        description: plan.description,
        problems: metadata.message,
        limits: promptLimits(context.config),
      }),
      schema: LLM_METADATA_SCHEMA,
      jsonSchema: LLM_METADATA_JSON_SCHEMA,
    });
    if (!parsed.ok) return plan;
    return fixMetadata(
      { ...plan, title: parsed.value.title, description: parsed.value.metaDescription },
      context.config,
    );
  } catch (error) {
    if (LlmBudgetError.isInstance(error)) noteBudgetSpent(context);
    else if (!isSectionFailure(error)) throw error;
    return plan;
  }
}

/**
 * Invented facts are removed without a call: the sentence that carries one
 * goes. The length repair of the next round makes up for it if needed.
 */
function removeInventedFacts(evaluation: DraftEvaluation, sections: DraftSection[]): void {
  if (evaluation.fidelity.passed) return;
  const { analysis } = evaluation;
  const doomed = new Map<number, { start: number; end: number }[]>();
  for (const issue of evaluation.fidelity.issues) {
    const sentence = analysis.sentences.find(
      (entry) => issue.start >= entry.start && issue.start < entry.end,
    );
    if (!sentence) continue;
    const block = analysis.blocks[sentence.blockIndex];
    if (!block) continue;
    const list = doomed.get(block.nodeIndex) ?? [];
    list.push({ start: sentence.start - block.start, end: sentence.end - block.start });
    doomed.set(block.nodeIndex, list);
  }
  // Top-level node indices of the evaluated tree map back to sections in assembly order.
  let nodeIndex = 1;
  for (const section of sections) {
    if (section.heading !== null) nodeIndex += 1;
    section.nodes = section.nodes.flatMap((node) => {
      const cuts = doomed.get(nodeIndex);
      nodeIndex += 1;
      if (!cuts) return [node];
      if (node.type !== 'paragraph') return [];
      const text = mdastToString(node);
      let kept = '';
      let position = 0;
      for (const cut of [...cuts].sort((left, right) => left.start - right.start)) {
        kept += text.slice(position, cut.start);
        position = Math.max(position, cut.end);
      }
      kept += text.slice(position);
      kept = kept.replace(/\s+/gu, ' ').trim();
      return kept.length > 0
        ? [{ type: 'paragraph', children: [{ type: 'text', value: kept }] } satisfies Paragraph]
        : [];
    });
  }
}
