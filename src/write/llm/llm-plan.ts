import type { AuditConfig } from '../../audit/audit-config.js';
import { measureTextWidth } from '../../lang/pixel-width/measure-text-width.js';
import { buildMetaDescription } from '../../plan/build-meta-description.js';
import { buildSlug, MAX_SLUG_LENGTH } from '../../plan/build-slug.js';
import { buildTitle } from '../../plan/build-title.js';
import { imposedMetadata } from '../../plan/plan-article.js';
import type { OutlineSection, SeoPlan } from '../../plan/seo-plan.js';
import type { WriterContext } from '../writer.js';
import type { LlmSession } from './llm-session.js';
import { LlmPlanError } from './llm-writer-errors.js';
import { LLM_PLAN_JSON_SCHEMA, LLM_PLAN_SCHEMA, type LlmPlan } from './plan-schema.js';
import { buildPlanMessages, promptLimits } from './prompts.js';
import { numberSource, passagesFor } from './source-passages.js';
import { requestStructured } from './structured-output.js';

/** Share of the section limit (300 words by default) the plan may ask for: a margin for the model's overshoot. */
const SECTION_BUDGET_SHARE = 260 / 300;
/** The plan's budgets must add up to this share of the minimum: models write short. */
const BUDGET_MARGIN = 1.15;

/** One structured call, and one correction call when the answer is not a valid plan; throws `LlmPlanError` then. */
export async function requestPlan(session: LlmSession, context: WriterContext): Promise<SeoPlan> {
  const source = numberSource(context.analysis);
  const messages = buildPlanMessages({
    locale: context.brief.locale,
    minWords: context.brief.minWords,
    sourceLanguage: context.analysis.language.language,
    numberedSource: source.text,
    limits: promptLimits(context.config),
    minSections: Math.max(
      3,
      Math.ceil((context.brief.minWords * BUDGET_MARGIN) / maxSectionBudget(context.config)),
    ),
    // The keyphrase of the brief, whatever its origin (flag or front matter): the model must not pick another.
    ...(context.brief.keyphrase ? { keyphrase: context.brief.keyphrase.text } : {}),
  });
  const parsed = await requestStructured((request) => session.call(context, request), {
    messages,
    schema: LLM_PLAN_SCHEMA,
    jsonSchema: LLM_PLAN_JSON_SCHEMA,
    correctionRetry: true,
  });
  if (parsed.ok) return normalizePlan(parsed.value, context, source);
  throw new LlmPlanError(`le modèle n’a pas rendu de plan valide en 2 tentatives (${parsed.problem}).`);
}

/** A heading as the model wrote it, without Markdown marks, doubled spaces or a final stop. */
export function cleanHeading(text: string): string {
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
export function maxSectionBudget(config: AuditConfig): number {
  return Math.floor(config.subheadingDistribution.maxWords * SECTION_BUDGET_SHARE);
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Title, description and slug within the audit's bounds: fixed by rule when the model missed them. */
export function fixMetadata(plan: SeoPlan, config: AuditConfig): SeoPlan {
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
