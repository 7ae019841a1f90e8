import type { ChatMessage, CompletionRequest, JsonSchemaFormat } from '../../llm/language-model.js';
import { LlmResponseError } from '../../llm/llm-errors.js';

/** A zod-like schema: what structured answers are validated with. */
export interface AnswerSchema<T> {
  safeParse(value: unknown): {
    success: boolean;
    data?: T;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  };
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problem: string };

export interface StructuredRequest<T> {
  messages: ChatMessage[];
  schema: AnswerSchema<T>;
  jsonSchema: JsonSchemaFormat;
  /** One more call with a correction note when the answer is not valid (default: false). */
  correctionRetry?: boolean;
}

/**
 * Structured output in one place: ask with the JSON schema, unfence, parse, validate, and, when asked,
 * one correction call that tells the model what was wrong. Errors of the transport are thrown.
 */
export async function requestStructured<T>(
  send: (request: CompletionRequest) => Promise<string>,
  request: StructuredRequest<T>,
): Promise<ParseResult<T>> {
  const attempts = request.correctionRetry === true ? 2 : 1;
  let result: ParseResult<T> = { ok: false, problem: 'aucune réponse' };
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const correction =
      attempt === 0 || result.ok
        ? []
        : [
            {
              role: 'user' as const,
              content: `Ta réponse n’était pas un JSON valide (${result.problem}). Réponds uniquement avec le JSON demandé.`,
            },
          ];
    let text: string;
    try {
      text = await send({ messages: [...request.messages, ...correction], jsonSchema: request.jsonSchema });
    } catch (error) {
      // Unparsable JSON after the transport's own retries: the correction call answers it.
      const answered = (error as { text?: unknown }).text;
      if (!(attempts > 1 && LlmResponseError.isInstance(error) && typeof answered === 'string')) throw error;
      text = answered;
    }
    result = parseJson(text, request.schema);
    if (result.ok) return result;
  }
  return result;
}

/** Parses a JSON answer, fenced or not, and validates it against the schema. */
export function parseJson<T>(text: string, schema: AnswerSchema<T>): ParseResult<T> {
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
