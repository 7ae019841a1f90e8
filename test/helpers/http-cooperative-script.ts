/**
 * Drives the HTTP test servers (`openai-test-server.ts`, `anthropic-test-server.ts`)
 * with the in-process scripts of `fake-llm.ts`: each request the real client
 * library sends is read back into a `CompletionRequest`, the script answers as
 * it would in process, and its answer becomes the server's `ScriptedResponse`.
 *
 *   const server = await startOpenAiTestServer({
 *     script: httpScript(cooperativeScript({ keyphrase: 'semaine de quatre jours', passages: 12 })),
 *   });
 *
 * A script may also answer `{ http: { status: 429, headers: { 'retry-after': '2' } } }`
 * to control the HTTP answer itself (status, delay, cut stream, refusal field…).
 */

import type {
  ChatMessage,
  ChatRole,
  CompletionRequest,
  CompletionResult,
  FinishReason,
  JsonSchemaFormat,
} from '../../src/llm/language-model.js';
import type { ScriptAnswer } from './fake-llm.js';
import type { RecordedRequest, ScriptedResponse, Script as ServerScript } from './scripted-http-server.js';

/** Which wire format the server speaks: chat completions (OpenAI, Mistral, compatible) or Anthropic Messages. */
export type WireFormat = 'openai' | 'anthropic';

/** A raw HTTP answer, passed to the server untouched. */
export interface RawHttpAnswer {
  http: ScriptedResponse;
}

/** What an HTTP-driven script may answer: anything a fake-llm script may, or a raw HTTP answer. */
export type HttpScriptAnswer = ScriptAnswer | RawHttpAnswer;

/**
 * A fake-llm style script that also sees the request as the server received it.
 * `call` counts from 1, like `createFakeModel`'s.
 */
export type HttpScript = (
  request: CompletionRequest,
  call: number,
  recorded: RecordedRequest,
) => HttpScriptAnswer | Promise<HttpScriptAnswer>;

const ROLES: ReadonlySet<string> = new Set(['system', 'user', 'assistant']);

/** The text of a message's content: a string, or the text parts of an array (other parts ignored). */
function textParts(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  const parts: string[] = [];
  for (const part of content) {
    if (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string')
      parts.push((part as { text: string }).text);
  }
  return parts;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** `response_format` of a chat completions body → our JSON schema request. */
function openAiJsonSchema(body: Record<string, unknown>): JsonSchemaFormat | undefined {
  const format = asRecord(body.response_format);
  if (!format) return undefined;
  if (format.type === 'json_schema') {
    const jsonSchema = asRecord(format.json_schema) ?? {};
    return {
      name: typeof jsonSchema.name === 'string' ? jsonSchema.name : 'response',
      schema: asRecord(jsonSchema.schema) ?? {},
      ...(typeof jsonSchema.strict === 'boolean' ? { strict: jsonSchema.strict } : {}),
    };
  }
  if (format.type === 'json_object') return { name: 'json', schema: {} };
  return undefined;
}

/** Anthropic asks for JSON with a forced `json` tool (older models) or `output_config.format` (newer). */
function anthropicJsonSchema(body: Record<string, unknown>): JsonSchemaFormat | undefined {
  const tools = Array.isArray(body.tools) ? body.tools : [];
  const jsonTool = tools.map(asRecord).find((tool) => tool?.name === 'json');
  if (jsonTool) return { name: 'json', schema: asRecord(jsonTool.input_schema) ?? {} };
  const format = asRecord(asRecord(body.output_config)?.format);
  if (format?.type === 'json_schema') return { name: 'json', schema: asRecord(format.schema) ?? {} };
  return undefined;
}

/**
 * Reads a recorded request back into the `CompletionRequest` the client was
 * given. Chat completions: one message per message, text parts joined.
 * Anthropic: `system` first, then one message per text part (the client merges
 * consecutive user messages into one message of several parts; this splits
 * them again). The schema name survives only for chat completions; `kindOf`
 * recognises the calls by their prompts otherwise.
 */
export function toCompletionRequest(
  recorded: RecordedRequest,
  wire: WireFormat = 'openai',
): CompletionRequest {
  const body = asRecord(recorded.body) ?? {};
  const messages: ChatMessage[] = [];
  if (wire === 'anthropic') {
    const system = textParts(body.system).join('\n');
    if (system) messages.push({ role: 'system', content: system });
  }
  for (const raw of Array.isArray(body.messages) ? body.messages : []) {
    const message = asRecord(raw);
    const role =
      typeof message?.role === 'string' && ROLES.has(message.role) ? (message.role as ChatRole) : undefined;
    if (!role) continue;
    const parts = textParts(message?.content);
    if (wire === 'anthropic') for (const part of parts) messages.push({ role, content: part });
    else messages.push({ role, content: parts.join('') });
  }
  const jsonSchema = wire === 'anthropic' ? anthropicJsonSchema(body) : openAiJsonSchema(body);
  const maxOutputTokens = body.max_completion_tokens ?? body.max_tokens;
  return {
    messages,
    ...(jsonSchema ? { jsonSchema } : {}),
    ...(typeof body.temperature === 'number' ? { temperature: body.temperature } : {}),
    ...(typeof maxOutputTokens === 'number' ? { maxOutputTokens } : {}),
  };
}

/** Our finish reasons as each provider spells them on the wire. */
const RAW_FINISH_REASONS: Record<WireFormat, Record<FinishReason, string>> = {
  openai: {
    stop: 'stop',
    length: 'length',
    'content-filter': 'content_filter',
    error: 'error',
    other: 'other',
  },
  anthropic: {
    stop: 'end_turn',
    length: 'max_tokens',
    'content-filter': 'refusal',
    error: 'end_turn',
    other: 'stop_sequence',
  },
};

function isRawHttpAnswer(answer: HttpScriptAnswer): answer is RawHttpAnswer {
  return typeof answer === 'object' && answer !== null && !(answer instanceof Error) && 'http' in answer;
}

/**
 * A script's answer as the server's answer: text → content; a partial
 * `CompletionResult` → content, the provider's raw finish reason and usage; an
 * `Error` → a 500 carrying its message; `{ http }` → as is.
 */
export function toScriptedResponse(answer: HttpScriptAnswer, wire: WireFormat = 'openai'): ScriptedResponse {
  if (isRawHttpAnswer(answer)) return answer.http;
  if (answer instanceof Error) return { status: 500, errorMessage: answer.message };
  if (typeof answer === 'string') return { content: answer };
  const result: Partial<CompletionResult> = answer;
  return {
    content: result.text ?? '',
    ...(result.finishReason ? { finishReason: RAW_FINISH_REASONS[wire][result.finishReason] } : {}),
    ...(result.usage ? { usage: result.usage } : {}),
  };
}

export interface HttpScriptOptions {
  /** The server's wire format (default `openai`: chat completions). */
  wire?: WireFormat;
  /** Receives every converted request, in order, e.g. to count the calls of each kind. */
  requests?: CompletionRequest[];
}

/** A server script (for `startOpenAiTestServer` / `startAnthropicTestServer`) from a fake-llm style script. */
export function httpScript(script: HttpScript, options: HttpScriptOptions = {}): ServerScript {
  const wire = options.wire ?? 'openai';
  return async (recorded, index) => {
    const request = toCompletionRequest(recorded, wire);
    options.requests?.push(request);
    return toScriptedResponse(await script(request, index + 1, recorded), wire);
  };
}
