import { z } from 'zod';
import { quoteInput } from '../ingest/input-limits.js';
import { ApiError } from './api-errors.js';

export { LOCALES } from '../article.js';

import { LOCALES } from '../article.js';
export const INPUT_FORMATS = ['text', 'markdown', 'html', 'html-page'] as const;
/** Longest address accepted for `url`: browsers and servers commonly stop near 2 000 characters. */
const MAX_URL_LENGTH = 2048;
const MAX_MIN_WORDS = 20_000;
/** Most site pages one request may give: the page index is rebuilt per request, so it stays bounded. */
export const MAX_SITE_PAGES = 5_000;

const optionalText = (field: string, maxLength: number) =>
  z
    .string({ error: `« ${field} » doit être un texte.` })
    .trim()
    .max(maxLength, { error: `« ${field} » ne doit pas dépasser ${maxLength} caractères.` })
    .optional();

const minWords = z
  .int({ error: `« minWords » doit être un nombre entier entre 1 et ${MAX_MIN_WORDS}.` })
  .min(1, { error: `« minWords » doit être un nombre entier entre 1 et ${MAX_MIN_WORDS}.` })
  .max(MAX_MIN_WORDS, { error: `« minWords » doit être un nombre entier entre 1 et ${MAX_MIN_WORDS}.` })
  .optional();

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The article, the same fields on every route: `text` (format detected), `markdown`, `html`,
 * `url`, or a multipart `file`, exactly one; `format` forces how it is read.
 */
const sourceFields = {
  text: z
    .string({ error: '« text » doit être un texte.' })
    .optional()
    .describe('L’article collé ; son format (texte, Markdown, HTML) est détecté.'),
  markdown: z
    .string({ error: '« markdown » doit être un texte.' })
    .optional()
    .describe('L’article en Markdown, front matter compris.'),
  html: z
    .string({ error: '« html » doit être un texte.' })
    .optional()
    .describe('L’article en HTML : un fragment, ou une page entière dont l’article est extrait.'),
  url: z
    .string({ error: '« url » doit être un texte.' })
    .trim()
    .max(MAX_URL_LENGTH, { error: `« url » ne doit pas dépasser ${MAX_URL_LENGTH} caractères.` })
    .refine((value) => value === '' || isHttpUrl(value), {
      error: '« url » doit être une adresse http ou https.',
    })
    .optional()
    .describe('L’adresse http(s) d’une page dont l’article est extrait.'),
  format: z
    .enum(INPUT_FORMATS, { error: `« format » doit valoir ${INPUT_FORMATS.join(', ')}.` })
    .optional()
    .describe('Force la lecture de la source (défaut : détectée).'),
  keyphrase: optionalText('keyphrase', 120).describe(
    'La requête cible (défaut : front matter, sinon extraite).',
  ),
  minWords: minWords.describe('Longueur minimale de l’article, en mots.'),
};

/** A page of the user's site (« maillage interne »): an http(s) address or a path from the site's root. */
const sitePage = z.strictObject(
  {
    url: z
      .string({ error: '« sitePages » : chaque page doit avoir une adresse « url » (texte).' })
      .trim()
      .min(1, { error: '« sitePages » : l’adresse « url » d’une page est vide.' })
      .max(MAX_URL_LENGTH, {
        error: `« sitePages » : l’adresse « url » d’une page ne doit pas dépasser ${MAX_URL_LENGTH} caractères.`,
      })
      .refine((value) => value.startsWith('/') || isHttpUrl(value), {
        error: '« sitePages » : « url » doit être une adresse http(s) ou un chemin commençant par « / ».',
      }),
    title: z
      .string({ error: '« sitePages » : chaque page doit avoir un titre « title » (texte).' })
      .trim()
      .min(1, { error: '« sitePages » : le titre « title » d’une page est vide.' })
      .max(300, {
        error: '« sitePages » : le titre « title » d’une page ne doit pas dépasser 300 caractères.',
      }),
    keyphrase: optionalText('sitePages.keyphrase', 120),
  },
  { error: '« sitePages » : chaque page doit être un objet { url, title, keyphrase? }.' },
);

/** `POST /api/optimize`, JSON or the text fields of a multipart form. Unknown fields are refused: typos show. */
export const optimizeRequestSchema = z.strictObject(
  {
    ...sourceFields,
    locale: z
      .enum(LOCALES, { error: `« locale » doit valoir ${LOCALES.join(', ')}.` })
      .optional()
      .describe('Langue et pays de l’article (défaut : fr-FR).'),
    writer: z
      .enum(['offline', 'llm'], { error: '« writer » doit valoir offline ou llm.' })
      .optional()
      .describe('Le rédacteur (défaut : llm quand le serveur en a un, sinon offline).'),
    siteName: optionalText('siteName', 200).describe('Nom du site, pour les métadonnées.'),
    author: optionalText('author', 200).describe('Auteur, pour les métadonnées.'),
    sitePages: z
      .array(sitePage, { error: '« sitePages » doit être une liste de pages { url, title, keyphrase? }.' })
      .max(MAX_SITE_PAGES, {
        error: `« sitePages » ne doit pas dépasser ${MAX_SITE_PAGES.toLocaleString('fr-FR').replace(/\s/gu, '\u202f')} pages.`,
      })
      .optional()
      .describe(
        'Les pages du site vers lesquelles lier les mots de l’article (maillage interne) ; ' +
          'défaut : `site.pages` de la configuration du serveur.',
      ),
  },
  { error: 'Le corps de la requête doit être un objet JSON.' },
);

export type OptimizeRequest = z.infer<typeof optimizeRequestSchema>;

/** `POST /api/audit`: the article (same fields as optimize) and the metadata to judge it with. */
export const auditRequestSchema = z.strictObject(
  {
    ...sourceFields,
    title: optionalText('title', 300).describe('Titre SEO (défaut : celui de la source).'),
    description: optionalText('description', 500).describe('Méta-description (défaut : celle de la source).'),
    slug: optionalText('slug', 200).describe('Slug (défaut : celui de la source).'),
    constraints: z
      .boolean({ error: '« constraints » doit valoir true ou false.' })
      .optional()
      .describe(
        'true : le rapport contient aussi `passed` et `constraints`, les contraintes obligatoires ' +
          '(langue, longueur, intertitres, métadonnées ; fidélité avec `original`), comme après une optimisation.',
      ),
    original: z
      .string({ error: '« original » doit être un texte.' })
      .optional()
      .describe(
        'L’article d’origine, celui qui a été optimisé : chaque chiffre, citation et nom de l’article ' +
          'audité doit s’y trouver (contrainte de fidélité). Implique `constraints`.',
      ),
  },
  { error: 'Le corps de la requête doit être un objet JSON.' },
);

export type AuditRequest = z.infer<typeof auditRequestSchema>;

/** Parses `value` or throws a 400 whose message (French) and `field` name the first field at fault. */
export function parseRequest<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    const keys = issue.keys;
    // A nested object's field (`sitePages.0.extra`) is named with its path, a top-level one as before.
    const field = [...issue.path.map(String), keys[0]].join('.');
    return throwInvalid(`Champ inconnu : « ${quoteInput(keys.join(' », « '))} ».`, field);
  }
  const field = issue?.path.map(String).join('.') || undefined;
  return throwInvalid(issue?.message ?? 'Requête invalide.', field);
}

function throwInvalid(message: string, field: string | undefined): never {
  throw new ApiError(400, 'invalid-request', message, field === undefined ? {} : { field });
}
