import { z } from 'zod';

/** What the planning call must return. Validated; the JSON schema is sent to providers that support it. */
export const LLM_PLAN_SCHEMA = z.object({
  keyphrase: z.string().min(2).max(80),
  keywords: z.array(z.string().min(2).max(80)).max(8),
  title: z.string().min(5).max(160),
  h1: z.string().min(5).max(200),
  metaDescription: z.string().min(20).max(400),
  slug: z.string().min(2).max(160),
  introduction: z.object({
    sourcePassages: z.array(z.number().int()),
    wordBudget: z.number().int().min(20).max(400),
  }),
  sections: z
    .array(
      z.object({
        heading: z.string().min(3).max(160),
        level: z.union([z.literal(2), z.literal(3)]),
        sourcePassages: z.array(z.number().int()),
        wordBudget: z.number().int().min(20).max(800),
      }),
    )
    .min(1)
    .max(24),
});

export type LlmPlan = z.infer<typeof LLM_PLAN_SCHEMA>;

/** JSON schema of the plan, for `response_format: json_schema`. */
export const LLM_PLAN_JSON_SCHEMA = {
  name: 'plume_plan',
  schema: z.toJSONSchema(LLM_PLAN_SCHEMA) as Record<string, unknown>,
};

/** Answer of the headings repair: new headings, one per section, in order. */
export const LLM_HEADINGS_SCHEMA = z.object({ headings: z.array(z.string().min(3).max(160)) });
export const LLM_HEADINGS_JSON_SCHEMA = {
  name: 'plume_headings',
  schema: z.toJSONSchema(LLM_HEADINGS_SCHEMA) as Record<string, unknown>,
};

/** Answer of the metadata repair. */
export const LLM_METADATA_SCHEMA = z.object({
  title: z.string().min(5).max(160),
  metaDescription: z.string().min(20).max(400),
});
export const LLM_METADATA_JSON_SCHEMA = {
  name: 'plume_metadata',
  schema: z.toJSONSchema(LLM_METADATA_SCHEMA) as Record<string, unknown>,
};
