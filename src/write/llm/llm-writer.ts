import type { Heading, Paragraph, Root, RootContent } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { AuditConfig } from '../../audit/audit-config.js';
import { classifyError } from '../../errors/classify-error.js';
import { type DraftEvaluation, evaluateDraft } from '../../evaluate-draft.js';
import { detectLanguage } from '../../lang/fr/detect-language.js';
import { tokenizeWords } from '../../lang/fr/tokenize-words.js';
import { measureTextWidth } from '../../lang/pixel-width/measure-text-width.js';
import type { CompletionRequest, LanguageModel } from '../../llm/language-model.js';
import { LlmBudgetError, LlmResponseError } from '../../llm/llm-errors.js';
import { buildMetaDescription } from '../../plan/build-meta-description.js';
import { buildSlug, MAX_SLUG_LENGTH } from '../../plan/build-slug.js';
import { buildTitle } from '../../plan/build-title.js';
import { imposedMetadata, planArticle } from '../../plan/plan-article.js';
import type { OutlineSection, Passage, SeoPlan } from '../../plan/seo-plan.js';
import { materialize } from '../offline-writer.js';
import type { Writer, WriterContext, WriterOutput } from '../writer.js';
import { LlmPlanError } from './llm-writer-errors.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import {
  LLM_HEADINGS_JSON_SCHEMA,
  LLM_HEADINGS_SCHEMA,
  LLM_METADATA_JSON_SCHEMA,
  LLM_METADATA_SCHEMA,
  LLM_PLAN_JSON_SCHEMA,
  LLM_PLAN_SCHEMA,
  type LlmPlan,
} from './plan-schema.js';
import {
  buildHeadingsRepairMessages,
  buildMetadataRepairMessages,
  buildPlanMessages,
  buildRepairMessages,
  buildSectionMessages,
  type RepairKind,
} from './prompts.js';
import { factsText, numberSource, passagesFor, passagesText, unusedPassages } from './source-passages.js';

export interface LlmWriterOptions {
  /** The model, already wrapped with retries, budget and cache as configured (see src/llm). */
  model: LanguageModel;
  /** Sections written at once (default: 4). */
  concurrency?: number;
  /** Repair rounds after the first draft (default: 2). */
  repairRounds?: number;
  /** Sampling temperature (default: the model's). */
  temperature?: number;
}

/** Share of the section limit (300 words by default) the plan may ask for: a margin for the model's overshoot. */
const SECTION_BUDGET_SHARE = 260 / 300;
/** The plan's budgets must add up to this share of the minimum: models write short. */
const BUDGET_MARGIN = 1.15;
/** Most sections expanded in one repair round. */
const MAX_EXPANSIONS_PER_ROUND = 3;

/** A written section: its heading (null for the introduction), plan entry and content. */
interface DraftSection {
  heading: string | null;
  depth: number;
  passages: Passage[];
  wordBudget: number;
  nodes: RootContent[];
}

/**
 * The LLM writer: plans with one structured call, writes the sections with
 * bounded concurrency, audits the draft with Plume's own audit and repairs
 * what fails, within a bounded number of rounds and the article's budget.
 * When the budget runs out it keeps the best draft so far; sections it could
 * not write fall back to the source passages, so nothing is invented.
 */
export function createLlmWriter(options: LlmWriterOptions): Writer {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const repairRounds = Math.max(0, options.repairRounds ?? 2);

  const call = async (context: WriterContext, request: CompletionRequest): Promise<string> => {
    const result = await options.model.complete({
      ...request,
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(context.signal ? { signal: context.signal } : {}),
    });
    if (result.cached) context.stats.cachedCalls += 1;
    else {
      context.stats.calls += 1;
      context.stats.inputTokens += result.usage.inputTokens;
      context.stats.outputTokens += result.usage.outputTokens;
    }
    return result.text;
  };

  return {
    name: `${options.model.provider}:${options.model.modelId}`,
    canRewrite: true,

    async plan(context) {
      context.onProgress?.({ stage: 'plan', message: 'Plan (appel au modèle)' });
      const source = numberSource(context.analysis);
      const messages = buildPlanMessages({
        locale: context.brief.locale,
        minWords: context.brief.minWords,
        sourceLanguage: context.analysis.language.language,
        numberedSource: source.text,
        minSections: Math.max(
          3,
          Math.ceil((context.brief.minWords * BUDGET_MARGIN) / maxSectionBudget(context.config)),
        ),
        // The keyphrase of the brief, whatever its origin (flag or front matter): the model must not pick another.
        ...(context.brief.keyphrase ? { keyphrase: context.brief.keyphrase.text } : {}),
      });
      let plan: LlmPlan | null = null;
      let lastProblem = '';
      try {
        for (let attempt = 0; attempt < 2 && plan === null; attempt += 1) {
          const retryNote =
            attempt === 0
              ? []
              : [
                  {
                    role: 'user' as const,
                    content: `Ta réponse n’était pas un JSON valide (${lastProblem}). Réponds uniquement avec le JSON demandé.`,
                  },
                ];
          let text: string;
          try {
            text = await call(context, {
              messages: [...messages, ...retryNote],
              jsonSchema: LLM_PLAN_JSON_SCHEMA,
            });
          } catch (error) {
            // Unparsable JSON after the transport's own retries: answer it with the correction prompt.
            const answered = (error as { text?: unknown }).text;
            if (!(LlmResponseError.isInstance(error) && typeof answered === 'string')) throw error;
            text = answered;
          }
          const parsed = parseJson(text, LLM_PLAN_SCHEMA);
          if (parsed.ok) plan = parsed.value;
          else lastProblem = parsed.problem;
        }
      } catch (error) {
        if (!LlmBudgetError.isInstance(error)) throw error;
        context.stats.notes.push('Budget d’appels épuisé dès le plan : plan hors ligne utilisé.');
        return planArticle(context.document, context.analysis, {
          brief: context.brief,
          config: context.config,
        });
      }
      if (plan === null) {
        throw new LlmPlanError(`the model did not return a valid plan after 2 attempts (${lastProblem}).`);
      }
      return normalizePlan(plan, context, source);
    },

    async write(context, plan) {
      const sections = await writeSections(context, plan);
      let current = { plan, sections };
      let evaluation = evaluate(context, current.plan, current.sections);
      let best = { ...current, evaluation };
      for (
        let round = 1;
        round <= repairRounds && evaluation.failures + repairableProblems(evaluation) > 0;
        round += 1
      ) {
        if (context.stats.notes.includes(BUDGET_NOTE)) break;
        context.stats.repairRounds += 1;
        context.onProgress?.({ stage: 'repair', message: `Réparation, tour ${round}` });
        current = await repair(context, current, evaluation);
        evaluation = evaluate(context, current.plan, current.sections);
        if (isBetter(evaluation, best.evaluation)) best = { ...current, evaluation };
      }
      return { tree: assemble(best.plan, best.sections), plan: best.plan } satisfies WriterOutput;
    },
  };

  async function writeSections(context: WriterContext, plan: SeoPlan): Promise<DraftSection[]> {
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
    await mapWithConcurrency(drafts, concurrency, async (draft) => {
      draft.nodes = await writeOrFallBack(context, draft, () =>
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
        message: draft.heading === null ? 'Introduction' : `Section « ${draft.heading} »`,
        done,
        total: drafts.length,
      });
    });
    return drafts;
  }

  /** Writes one section; on a budget error or a bad answer, the section keeps the source passages instead. */
  async function writeOrFallBack(
    context: WriterContext,
    draft: DraftSection,
    messages: () => ReturnType<typeof buildSectionMessages>,
  ): Promise<RootContent[]> {
    if (context.stats.notes.includes(BUDGET_NOTE)) return sourceNodes(context, draft.passages);
    try {
      const nodes = markdownToNodes(await call(context, { messages: messages() }));
      if (nodes.length > 0) return nodes;
      context.stats.notes.push(`Réponse vide pour ${sectionName(draft)} : passages de la source repris.`);
    } catch (error) {
      if (LlmBudgetError.isInstance(error)) context.stats.notes.push(BUDGET_NOTE);
      else if (isSectionFailure(error)) {
        context.stats.notes.push(
          `${sectionName(draft)} : échec du modèle (${(error as Error).name}), passages de la source repris.`,
        );
      } else throw error;
    }
    return sourceNodes(context, draft.passages);
  }

  async function repair(
    context: WriterContext,
    current: { plan: SeoPlan; sections: DraftSection[] },
    evaluation: DraftEvaluation,
  ): Promise<{ plan: SeoPlan; sections: DraftSection[] }> {
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

    await mapWithConcurrency(tasks, concurrency, async (task) => {
      const section = sections[task.index] as DraftSection;
      section.nodes = await writeOrFallBackKeeping(context, section, () =>
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

    plan = await repairHeadings(context, plan, evaluation, sections);
    plan = await repairMetadata(context, plan, evaluation);
    return { plan, sections };
  }

  /** Like writeOrFallBack, but a failed repair keeps the section as it was. */
  async function writeOrFallBackKeeping(
    context: WriterContext,
    section: DraftSection,
    messages: () => ReturnType<typeof buildRepairMessages>,
  ): Promise<RootContent[]> {
    if (context.stats.notes.includes(BUDGET_NOTE)) return section.nodes;
    try {
      const nodes = markdownToNodes(await call(context, { messages: messages() }));
      return nodes.length > 0 ? nodes : section.nodes;
    } catch (error) {
      if (LlmBudgetError.isInstance(error)) {
        context.stats.notes.push(BUDGET_NOTE);
        return section.nodes;
      }
      if (isSectionFailure(error)) return section.nodes;
      throw error;
    }
  }

  async function repairHeadings(
    context: WriterContext,
    plan: SeoPlan,
    evaluation: DraftEvaluation,
    sections: DraftSection[],
  ): Promise<SeoPlan> {
    const result = evaluation.report.results.find((entry) => entry.id === 'keyphrase-in-subheadings');
    if (!result || result.score >= 8 || context.stats.notes.includes(BUDGET_NOTE)) return plan;
    const headings = plan.sections.map((section) => section.heading);
    const wanted = Math.max(1, Math.round(headings.length * 0.5));
    try {
      const text = await call(context, {
        messages: buildHeadingsRepairMessages({
          locale: context.brief.locale,
          keyphrase: plan.keyphrase,
          headings,
          wanted,
        }),
        jsonSchema: LLM_HEADINGS_JSON_SCHEMA,
      });
      const parsed = parseJson(text, LLM_HEADINGS_SCHEMA);
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
      if (LlmBudgetError.isInstance(error)) context.stats.notes.push(BUDGET_NOTE);
      else if (!isSectionFailure(error)) throw error;
      return plan;
    }
  }

  async function repairMetadata(
    context: WriterContext,
    plan: SeoPlan,
    evaluation: DraftEvaluation,
  ): Promise<SeoPlan> {
    const metadata = evaluation.constraints.find((constraint) => constraint.id === 'metadata');
    if (!metadata || metadata.passed || context.stats.notes.includes(BUDGET_NOTE)) return plan;
    try {
      const text = await call(context, {
        messages: buildMetadataRepairMessages({
          locale: context.brief.locale,
          keyphrase: plan.keyphrase,
          title: plan.title,
          description: plan.description,
          problems: metadata.message,
        }),
        jsonSchema: LLM_METADATA_JSON_SCHEMA,
      });
      const parsed = parseJson(text, LLM_METADATA_SCHEMA);
      if (!parsed.ok) return plan;
      return fixMetadata(
        { ...plan, title: parsed.value.title, description: parsed.value.metaDescription },
        context.config,
      );
    } catch (error) {
      if (LlmBudgetError.isInstance(error)) context.stats.notes.push(BUDGET_NOTE);
      else if (!isSectionFailure(error)) throw error;
      return plan;
    }
  }
}

const BUDGET_NOTE = 'Plafond d’appels ou de jetons atteint : meilleur brouillon conservé.';

/**
 * A provider failure that costs one section, not the article: truncated, refused or unreadable answers,
 * and timeouts or outages that outlasted the retries. A missing key or a bad setup stops everything.
 */
function isSectionFailure(error: unknown): boolean {
  return classifyError(error).kind === 'provider';
}

function sectionName(draft: { heading: string | null }): string {
  return draft.heading === null ? 'Introduction' : `Section « ${draft.heading} »`;
}

function introductionBudget(plan: SeoPlan): number {
  const introduction = plan.introduction.reduce((sum, passage) => sum + passage.wordCount, 0);
  return Math.min(150, Math.max(60, introduction || 90));
}

function evaluate(context: WriterContext, plan: SeoPlan, sections: readonly DraftSection[]): DraftEvaluation {
  return evaluateDraft({
    tree: assemble(plan, sections),
    plan,
    sourceAnalysis: context.analysis,
    config: context.config,
    writerCanRewrite: true,
  });
}

/** Problems worth a repair round besides the hard constraints: the keyphrase in the introduction and subheadings. */
function repairableProblems(evaluation: DraftEvaluation): number {
  return evaluation.report.results.filter(
    (result) =>
      (result.id === 'keyphrase-in-introduction' || result.id === 'keyphrase-in-subheadings') &&
      result.score < 8,
  ).length;
}

function isBetter(candidate: DraftEvaluation, best: DraftEvaluation): boolean {
  if (candidate.failures !== best.failures) return candidate.failures < best.failures;
  return (
    candidate.report.scores.seo + candidate.report.scores.readability >
    best.report.scores.seo + best.report.scores.readability
  );
}

function assemble(plan: SeoPlan, sections: readonly DraftSection[]): Root {
  const children: RootContent[] = [headingNode(1, plan.h1)];
  for (const section of sections) {
    if (section.heading !== null) children.push(headingNode(section.depth, section.heading));
    children.push(...structuredClone(section.nodes));
  }
  return { type: 'root', children };
}

function headingNode(depth: number, text: string): Heading {
  return { type: 'heading', depth: depth as Heading['depth'], children: [{ type: 'text', value: text }] };
}

function sourceNodes(context: WriterContext, passages: readonly Passage[]): RootContent[] {
  return passages.flatMap((passage) =>
    materialize(passage, context.document.tree.children, context.analysis),
  );
}

function sectionText(section: DraftSection): string {
  return section.nodes.map((node) => mdastToString(node)).join('\n\n');
}

function countWords(text: string): number {
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
    .map((node) => {
      const copy = structuredClone(node);
      stripPositions(copy);
      return copy;
    });
}

function stripPositions(node: RootContent | Root): void {
  delete node.position;
  if ('children' in node) for (const child of node.children) stripPositions(child as RootContent);
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

type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

function parseJson<T>(
  text: string,
  schema: {
    safeParse(value: unknown): {
      success: boolean;
      data?: T;
      error?: { issues: { path: PropertyKey[]; message: string }[] };
    };
  },
): ParseResult<T> {
  const trimmed = text
    .trim()
    .replace(/^```(?:json)?\s*/u, '')
    .replace(/\s*```$/u, '');
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return { ok: false, problem: `JSON illisible : ${(error as Error).message.slice(0, 80)}` };
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data as T };
  const issue = result.error?.issues[0];
  return {
    ok: false,
    problem: issue ? `${issue.path.join('.') || 'racine'} : ${issue.message}` : 'schéma non respecté',
  };
}

function cleanHeading(text: string): string {
  return text
    .replace(/^#+\s*/u, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.:;,]+$/u, '');
}

/** The model's plan, made to fit Plume's rules where deterministic rules can: budgets, title width, slug. */
function normalizePlan(
  plan: LlmPlan,
  context: WriterContext,
  source: ReturnType<typeof numberSource>,
): SeoPlan {
  const keyphrase = context.brief.keyphrase?.text ?? plan.keyphrase.trim();
  const imposed = imposedMetadata(context.brief, context.config);
  const sectionCap = maxSectionBudget(context.config);
  const sections: OutlineSection[] = [];
  const seen = new Set<string>();
  let previousDepth = 1;
  for (const section of plan.sections) {
    const heading = cleanHeading(section.heading);
    const key = heading.toLowerCase();
    if (heading.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const depth = Math.min(section.level, previousDepth + 1);
    previousDepth = depth;
    sections.push({
      depth,
      heading,
      origin: 'generated',
      passages: passagesFor(section.sourcePassages, source),
      wordBudget: Math.min(sectionCap, section.wordBudget),
    });
  }
  const introduction = passagesFor(plan.introduction.sourcePassages, source);
  const introBudget = Math.min(150, plan.introduction.wordBudget);
  // Budgets must reach the minimum with a margin: raise them evenly, within the section cap.
  const target = Math.ceil(context.brief.minWords * BUDGET_MARGIN);
  let total = introBudget + sections.reduce((sum, section) => sum + section.wordBudget, 0);
  for (let pass = 0; pass < 5 && total < target; pass += 1) {
    const room = sections.filter((section) => section.wordBudget < sectionCap);
    if (room.length === 0) break;
    const raise = Math.ceil((target - total) / room.length);
    for (const section of room) {
      const next = Math.min(sectionCap, section.wordBudget + raise);
      total += next - section.wordBudget;
      section.wordBudget = next;
    }
  }
  return fixMetadata(
    {
      keyphrase,
      keyphraseOrigin: context.brief.keyphrase?.origin ?? 'extracted',
      keywords: plan.keywords
        .filter((keyword) => keyword.toLowerCase() !== keyphrase.toLowerCase())
        .slice(0, 6),
      title: imposed.title ?? plan.title.trim(),
      h1: plan.h1.trim(),
      description: imposed.description ?? plan.metaDescription.trim(),
      slug: imposed.slug ?? plan.slug.trim(),
      keyPoints: null,
      introduction: introduction.length > 0 ? introduction : [],
      sections,
    },
    context.config,
  );
}

/** Longest section budget the plan may ask for, under the audit's section limit. */
function maxSectionBudget(config: AuditConfig): number {
  return Math.floor(config.subheadingDistribution.maxWords * SECTION_BUDGET_SHARE);
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Title, description and slug within the audit's bounds: fixed by rule when the model missed them. */
function fixMetadata(plan: SeoPlan, config: AuditConfig): SeoPlan {
  const title =
    measureTextWidth(plan.title) <= config.titleWidth.maxPixels
      ? plan.title
      : buildTitle({
          keyphrase: plan.keyphrase,
          candidates: [plan.title, plan.h1],
          maxWidth: config.titleWidth.maxPixels,
        });
  const length = [...plan.description].length;
  const { minCharacters, maxCharacters } = config.metaDescription;
  const description =
    length > maxCharacters
      ? buildMetaDescription({
          keyphrase: plan.keyphrase,
          sentences: [plan.description],
          minLength: minCharacters,
          maxLength: maxCharacters,
        })
      : plan.description;
  const slug =
    SLUG_PATTERN.test(plan.slug) && plan.slug.length <= MAX_SLUG_LENGTH
      ? plan.slug
      : buildSlug(plan.keyphrase);
  return { ...plan, title, description, slug };
}
