import { z } from 'zod';
import { LOCALES } from '../article.js';
import { ASSESSMENTS } from '../audit/assessments/index.js';
import { type AuditConfigOverrides, DEFAULT_AUDIT_CONFIG } from '../audit/audit-config.js';
import { type ConfigFile, fieldLocation } from './find-config-file.js';
import { type AuditFileConfig, SITE_TARGETS, type SiteConfig } from './site-config.js';

const ASSESSMENT_IDS = ASSESSMENTS.map((assessment) => assessment.id);

const text = (what: string) =>
  z
    .string({ error: `${what} attendu (texte)` })
    .trim()
    .min(1, { error: `${what} attendu (texte non vide)` });
const httpUrl = z.url({ protocol: /^https?$/, error: 'une adresse http ou https est attendue' });

/** An http(s) address, or a path from the site's root (« /blog/mon-article/ »). */
const pageUrl = z
  .string({ error: 'une adresse attendue (texte)' })
  .trim()
  .refine((value) => /^https?:\/\/[^\s/]+/iu.test(value) || /^\/(?!\/)\S*$/u.test(value), {
    error: 'une adresse http(s) ou un chemin commençant par / est attendu',
  });

const sitePageSchema = z.strictObject(
  { url: pageUrl, title: text('un titre de page'), keyphrase: text('une expression-clé').optional() },
  { error: 'une page est attendue : { url, title, keyphrase }' },
);

const pagesFile = z.string({
  error: 'un fichier (sitemap.xml, .json, .txt, .tsv) ou une liste de pages { url, title } est attendu',
});

/** A file, or the list itself; a list's faults are named entry by entry (« site.pages.2.url »), not as a whole. */
const sitePagesSchema = z.unknown().transform((value, context) => {
  const result = (
    Array.isArray(value)
      ? z.array(sitePageSchema)
      : pagesFile.trim().min(1, { error: 'un chemin de fichier est attendu (texte non vide)' })
  ).safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    context.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

const siteSchema = z.strictObject({
  name: text('un nom de site').optional(),
  url: httpUrl.optional(),
  author: text('un nom d’auteur').optional(),
  authorUrl: httpUrl.optional(),
  logo: httpUrl.optional(),
  locale: z
    .enum(LOCALES, { error: `une variété de français est attendue : ${LOCALES.join(', ')}` })
    .optional(),
  minWords: z
    .int({ error: 'un nombre entier de 1 à 100 000 est attendu' })
    .min(1, { error: 'un nombre entier de 1 à 100 000 est attendu' })
    .max(100_000, { error: 'un nombre entier de 1 à 100 000 est attendu' })
    .optional(),
  image: httpUrl.optional(),
  target: z.enum(SITE_TARGETS, { error: `une cible est attendue : ${SITE_TARGETS.join(', ')}` }).optional(),
  pages: sitePagesSchema.optional(),
});

/** The thresholds' schema, generated from the defaults: same fields, same types, all optional. */
function thresholdsSchema(defaults: object): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(defaults)) {
    if (typeof value === 'number')
      shape[key] = z
        .number({ error: 'un nombre est attendu' })
        .min(0, { error: 'un nombre positif est attendu' });
    else if (typeof value === 'string') shape[key] = z.string({ error: 'un texte est attendu' });
    else shape[key] = thresholdsSchema(value as object);
    shape[key] = (shape[key] as z.ZodType).optional();
  }
  return z.strictObject(shape, { error: 'un objet de seuils est attendu' });
}

const auditSchema = z.strictObject({
  disable: z
    .array(
      z.enum(ASSESSMENT_IDS as [string, ...string[]], {
        error: `un identifiant d’évaluation est attendu : ${ASSESSMENT_IDS.join(', ')}`,
      }),
      { error: 'une liste d’identifiants d’évaluation est attendue' },
    )
    .optional(),
  thresholds: thresholdsSchema(DEFAULT_AUDIT_CONFIG).optional(),
});

/** Other sections belong to other parts of Plume (`llm` is checked by load-llm-config.ts). */
const fileSchema = z.looseObject(
  { site: siteSchema.optional(), audit: auditSchema.optional() },
  { error: 'un objet est attendu (des sections site, llm, audit)' },
);

export interface CheckedPlumeConfig {
  site: SiteConfig;
  audit: AuditFileConfig;
  /** One line per problem, each naming the file and the field. */
  issues: string[];
}

/** Checks the `site` and `audit` sections of a found configuration file. */
export function checkPlumeConfig(file: ConfigFile): CheckedPlumeConfig {
  const result = fileSchema.safeParse(file.content);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        const keys = issue.keys.map((key) => `« ${key} »`).join(', ');
        return `${fieldLocation(file, path)} : champ${issue.keys.length > 1 ? 's' : ''} inconnu${issue.keys.length > 1 ? 's' : ''} ${keys}`;
      }
      return `${fieldLocation(file, path)} : ${issue.message}`;
    });
    return { site: {}, audit: { disable: [], thresholds: {} }, issues };
  }
  const audit = result.data.audit;
  return {
    site: (result.data.site ?? {}) as SiteConfig,
    audit: {
      disable: audit?.disable ?? [],
      thresholds: (audit?.thresholds ?? {}) as AuditConfigOverrides,
    },
    issues: [],
  };
}
