/**
 * A fake OpenAI-compatible server for tests and benches: a real HTTP server on
 * 127.0.0.1 (random port) with `POST /v1/chat/completions`, streaming (SSE,
 * ending with `data: [DONE]`) or not, driven by a script. Mistral's chat API
 * has the same shape, so `createLanguageModel({ provider: 'mistral', baseUrl:
 * server.baseUrl })` works against it too.
 *
 *   const server = await startOpenAiTestServer({ script: [{ content: 'Bonjour' }] });
 *   // … createLanguageModel({ provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-test', baseUrl: server.baseUrl })
 *   expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-test');
 *   await server.close();
 *
 * `response_format` is recorded, never enforced: the server returns whatever
 * the script says (so tests can send invalid JSON on purpose).
 */

import type { ServerResponse } from 'node:http';
import {
  approximateTokens,
  promptText,
  type RecordedRequest,
  type RouteHandler,
  type ScriptedResponse,
  type ScriptedServerOptions,
  sendCutJson,
  sendJson,
  splitIntoTokens,
  startScriptedServer,
  type TestServer,
  wait,
} from './scripted-http-server.js';

export type {
  RecordedRequest,
  Script,
  ScriptedResponse,
  ScriptedServerOptions,
  ScriptedUsage,
} from './scripted-http-server.js';
export { promptText } from './scripted-http-server.js';

export interface OpenAiTestServer extends TestServer {
  /** `http://127.0.0.1:PORT/v1`: what the OpenAI, Mistral and OpenAI-compatible clients take as base URL. */
  readonly baseUrl: string;
}

/** The body of a chat completions request, as far as tests look at it. */
export interface ChatCompletionsBody {
  model?: string;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
  temperature?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } };
}

const ERROR_TYPES: Record<number, { type: string; code: string | null; message: string }> = {
  400: { type: 'invalid_request_error', code: null, message: 'Invalid request.' },
  401: { type: 'invalid_request_error', code: 'invalid_api_key', message: 'Incorrect API key provided.' },
  403: { type: 'permission_error', code: null, message: 'You are not allowed to use this model.' },
  404: { type: 'invalid_request_error', code: 'model_not_found', message: 'The model does not exist.' },
  429: { type: 'requests', code: 'rate_limit_exceeded', message: 'Rate limit reached for requests.' },
};

function errorBody(request: RecordedRequest, scripted: ScriptedResponse, status: number): unknown {
  const known = ERROR_TYPES[status] ?? {
    type: 'server_error',
    code: null,
    message: 'The server had an error.',
  };
  let message = scripted.errorMessage ?? known.message;
  // Like OpenAI, echo (part of) the key on a 401: tests check that it never reaches a message.
  if (status === 401 && scripted.errorMessage === undefined) {
    const authorization = String(request.headers.authorization ?? '');
    message = `Incorrect API key provided: ${authorization.replace(/^Bearer\s+/i, '')}.`;
  }
  return { error: { message, type: known.type, param: null, code: known.code } };
}

function usageBody(request: RecordedRequest, scripted: ScriptedResponse, content: string) {
  const promptTokens = scripted.usage?.inputTokens ?? approximateTokens(promptText(request));
  const completionTokens = scripted.usage?.outputTokens ?? approximateTokens(content);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: scripted.usage?.cachedInputTokens ?? 0 },
  };
}

function writeEvent(response: ServerResponse, data: unknown): void {
  response.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

const chatCompletions: RouteHandler = async ({ request, response, scripted, latencyPerTokenMs }) => {
  const body = (request.body ?? {}) as ChatCompletionsBody;
  const status = scripted.status ?? 200;
  const headers = scripted.headers ?? {};
  if (status < 200 || status >= 300) {
    sendJson(response, status, scripted.body ?? errorBody(request, scripted, status), headers);
    return;
  }
  const content = scripted.content ?? '';
  const finishReason = scripted.finishReason ?? 'stop';
  const id = `chatcmpl-test-${Date.now().toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  const model = body.model ?? 'test-model';
  const usage = usageBody(request, scripted, content);

  if (body.stream !== true) {
    await wait(latencyPerTokenMs * usage.completion_tokens);
    const completion = scripted.body ?? {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: scripted.refusal ? null : content,
            refusal: scripted.refusal ?? null,
          },
          finish_reason: finishReason,
        },
      ],
      usage,
    };
    if (scripted.truncateStream) sendCutJson(response, completion, headers);
    else sendJson(response, 200, completion, headers);
    return;
  }

  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  const chunk = (delta: Record<string, unknown>, reason: string | null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: reason }],
  });
  writeEvent(response, chunk({ role: 'assistant', content: '' }, null));
  const pieces = splitIntoTokens(content);
  const sent = scripted.truncateStream ? pieces.slice(0, Math.ceil(pieces.length / 2)) : pieces;
  for (const piece of sent) {
    await wait(latencyPerTokenMs);
    if (response.destroyed) return;
    writeEvent(response, chunk({ content: piece }, null));
  }
  if (scripted.truncateStream) {
    // Let the partial answer reach the client first, as a real dropped link would.
    await wait(10);
    // A dropped connection: no finish reason, no [DONE].
    response.socket?.destroy();
    return;
  }
  writeEvent(response, chunk({}, finishReason));
  const streamOptions = (request.body as { stream_options?: { include_usage?: boolean } }).stream_options;
  if (streamOptions?.include_usage) writeEvent(response, { ...chunk({}, null), choices: [], usage });
  writeEvent(response, '[DONE]');
  response.end();
};

/**
 * Starts the server. Routes: `POST /v1/chat/completions` (and the same without
 * `/v1`, for clients configured with the bare origin).
 */
export async function startOpenAiTestServer(options: ScriptedServerOptions): Promise<OpenAiTestServer> {
  const server = await startScriptedServer(options, {
    'POST /v1/chat/completions': chatCompletions,
    'POST /chat/completions': chatCompletions,
  });
  return Object.assign(server, { baseUrl: `${server.url}/v1` });
}

/** The parsed body of the `index`-th request (default: the last), typed for chat completions. */
export function chatRequestBody(server: TestServer, index = server.requests.length - 1): ChatCompletionsBody {
  const request = server.requests[index];
  if (!request) throw new Error(`no request #${index} (the server received ${server.requests.length})`);
  return (request.body ?? {}) as ChatCompletionsBody;
}
