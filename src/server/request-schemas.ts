import { z } from 'zod';
import { quoteInput } from '../ingest/input-limits.js';
import { ApiError } from './api-errors.js';

export { LOCALES } from '../article.js';

import { LOCALES } from '../article.js';
export const INPUT_FORMATS = ['text', 'markdown', 'html', 'html-page'] as const;
/** Longest address accepted for `url`: browsers and servers commonly stop near 2 000 characters. */
const MAX_URL_LENGTH = 2048;
const MAX_MIN_WORDS = 20_000;

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

/** `POST /api/optimize`, JSON or the text fields of a multipart form. Unknown fields are refused: typos show. */
export const optimizeRequestSchema = z.strictObject(
  {
    text: z.string({ error: '« text » doit être un texte.' }).optional(),
    url: z
      .string({ error: '« url » doit être un texte.' })
      .trim()
      .max(MAX_URL_LENGTH, { error: `« url » ne doit pas dépasser ${MAX_URL_LENGTH} caractères.` })
      .refine((value) => value === '' || isHttpUrl(value), {
        error: '« url » doit être une adresse http ou https.',
      })
      .optional(),
    format: z
      .enum(INPUT_FORMATS, { error: `« format » doit valoir ${INPUT_FORMATS.join(', ')}.` })
      .optional(),
    keyphrase: optionalText('keyphrase', 120),
    minWords,
    locale: z.enum(LOCALES, { error: `« locale » doit valoir ${LOCALES.join(', ')}.` }).optional(),
    writer: z.enum(['offline', 'llm'], { error: '« writer » doit valoir offline ou llm.' }).optional(),
    siteName: optionalText('siteName', 200),
    author: optionalText('author', 200),
  },
  { error: 'Le corps de la requête doit être un objet JSON.' },
);

export type OptimizeRequest = z.infer<typeof optimizeRequestSchema>;

/** `POST /api/audit`: Markdown (front matter allowed) and the metadata to judge it with. */
export const auditRequestSchema = z.strictObject(
  {
    markdown: z.string({ error: '« markdown » est obligatoire et doit être un texte.' }),
    keyphrase: optionalText('keyphrase', 120),
    title: optionalText('title', 300),
    description: optionalText('description', 500),
    slug: optionalText('slug', 200),
    minWords,
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
    return throwInvalid(`Champ inconnu : « ${quoteInput(keys.join(' », « '))} ».`, keys[0]);
  }
  const field = issue?.path.map(String).join('.') || undefined;
  return throwInvalid(issue?.message ?? 'Requête invalide.', field);
}

function throwInvalid(message: string, field: string | undefined): never {
  throw new ApiError(400, 'invalid-request', message, field === undefined ? {} : { field });
}
