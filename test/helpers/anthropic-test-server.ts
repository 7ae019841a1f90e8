/**
 * A fake Anthropic Messages API for tests and benches: a real HTTP server on
 * 127.0.0.1 (random port) with `POST /v1/messages`, streaming (SSE events
 * `message_start` … `message_stop`) or not, driven by a script. The key arrives
 * in the `x-api-key` header; usage is reported as `input_tokens`/`output_tokens`
 * (plus `cache_read_input_tokens`); `finishReason` is Anthropic's raw
 * `stop_reason` (`end_turn` default, `max_tokens`, `refusal`, `stop_sequence`).
 *
 * Structured output: when the request forces the `json` tool (the AI SDK's
 * JSON mode for older models), the scripted content is parsed and sent back as
 * that tool's input; when it asks for `output_config.format` (newer models), the
 * content is sent as text. Either way the server never checks the schema.
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

export interface AnthropicTestServer extends TestServer {
  /** `http://127.0.0.1:PORT/v1`: what the Anthropic client takes as base URL. */
  readonly baseUrl: string;
}

/** The body of a Messages request, as far as tests look at it. */
export interface MessagesBody {
  model?: string;
  max_tokens?: number;
  temperature?: number;
  stream?: boolean;
  system?: { type: string; text: string }[] | string;
  messages?: { role: string; content: unknown }[];
  tools?: { name: string; input_schema?: unknown }[];
  tool_choice?: { type: string; name?: string; disable_parallel_tool_use?: boolean };
  output_config?: { format?: { type: string; schema?: unknown } };
}

const ERROR_TYPES: Record<number, { type: string; message: string }> = {
  400: { type: 'invalid_request_error', message: 'Invalid request.' },
  401: { type: 'authentication_error', message: 'invalid x-api-key' },
  403: {
    type: 'permission_error',
    message: 'Your API key does not have permission to use the specified resource.',
  },
  404: { type: 'not_found_error', message: 'model: not found' },
  429: { type: 'rate_limit_error', message: 'Number of requests has exceeded your rate limit.' },
  529: { type: 'overloaded_error', message: 'Overloaded' },
};

function errorBody(request: RecordedRequest, scripted: ScriptedResponse, status: number): unknown {
  const known = ERROR_TYPES[status] ?? { type: 'api_error', message: 'Internal server error' };
  let message = scripted.errorMessage ?? known.message;
  if (status === 401 && scripted.errorMessage === undefined) {
    message = `invalid x-api-key: ${String(request.headers['x-api-key'] ?? '')}`;
  }
  return { type: 'error', error: { type: known.type, message } };
}

/** True when the SDK asked for JSON through a forced `json` tool (`tool_choice` `any`, or `tool` named `json`). */
function wantsJsonTool(body: MessagesBody): boolean {
  const choice = body.tool_choice;
  const forced = choice?.type === 'any' || (choice?.type === 'tool' && choice.name === 'json');
  return forced && (body.tools ?? []).some((tool) => tool.name === 'json');
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function writeEvent(response: ServerResponse, type: string, data: unknown): void {
  response.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...(data as object) })}\n\n`);
}

const messages: RouteHandler = async ({ request, response, scripted, latencyPerTokenMs }) => {
  const body = (request.body ?? {}) as MessagesBody;
  const status = scripted.status ?? 200;
  const headers = scripted.headers ?? {};
  if (status < 200 || status >= 300) {
    sendJson(response, status, scripted.body ?? errorBody(request, scripted, status), headers);
    return;
  }
  const content = scripted.content ?? '';
  const jsonInput = wantsJsonTool(body) ? parseOrUndefined(content) : undefined;
  let stopReason = scripted.finishReason ?? 'end_turn';
  if (jsonInput !== undefined && stopReason === 'end_turn') stopReason = 'tool_use';
  const id = `msg_test_${Date.now().toString(36)}`;
  const model = body.model ?? 'claude-test';
  const inputTokens = scripted.usage?.inputTokens ?? approximateTokens(promptText(request));
  const outputTokens = scripted.usage?.outputTokens ?? approximateTokens(content);
  const usage = {
    input_tokens: inputTokens,
    output_tokens: outputTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: scripted.usage?.cachedInputTokens ?? 0,
  };

  if (body.stream !== true) {
    await wait(latencyPerTokenMs * outputTokens);
    const block =
      jsonInput !== undefined
        ? { type: 'tool_use', id: 'toolu_test', name: 'json', input: jsonInput }
        : { type: 'text', text: content };
    const message = scripted.body ?? {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [block],
      stop_reason: stopReason,
      stop_sequence: null,
      usage,
    };
    if (scripted.truncateStream) sendCutJson(response, message, headers);
    else sendJson(response, 200, message, headers);
    return;
  }

  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  writeEvent(response, 'message_start', {
    message: {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...usage, output_tokens: 1 },
    },
  });
  const asTool = jsonInput !== undefined;
  writeEvent(response, 'content_block_start', {
    index: 0,
    content_block: asTool
      ? { type: 'tool_use', id: 'toolu_test', name: 'json', input: {} }
      : { type: 'text', text: '' },
  });
  writeEvent(response, 'ping', {});
  const pieces = splitIntoTokens(content);
  const sent = scripted.truncateStream ? pieces.slice(0, Math.ceil(pieces.length / 2)) : pieces;
  for (const piece of sent) {
    await wait(latencyPerTokenMs);
    if (response.destroyed) return;
    writeEvent(response, 'content_block_delta', {
      index: 0,
      delta: asTool ? { type: 'input_json_delta', partial_json: piece } : { type: 'text_delta', text: piece },
    });
  }
  if (scripted.truncateStream) {
    // Let the partial answer reach the client first, as a real dropped link would.
    await wait(10);
    // A dropped connection: no message_delta, no message_stop.
    response.socket?.destroy();
    return;
  }
  writeEvent(response, 'content_block_stop', { index: 0 });
  writeEvent(response, 'message_delta', {
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: outputTokens },
  });
  writeEvent(response, 'message_stop', {});
  response.end();
};

/** Starts the server. Route: `POST /v1/messages` (and `/messages`). */
export async function startAnthropicTestServer(options: ScriptedServerOptions): Promise<AnthropicTestServer> {
  const server = await startScriptedServer(options, {
    'POST /v1/messages': messages,
    'POST /messages': messages,
  });
  return Object.assign(server, { baseUrl: `${server.url}/v1` });
}

/** The parsed body of the `index`-th request (default: the last), typed for the Messages API. */
export function messagesRequestBody(server: TestServer, index = server.requests.length - 1): MessagesBody {
  const request = server.requests[index];
  if (!request) throw new Error(`no request #${index} (the server received ${server.requests.length})`);
  return (request.body ?? {}) as MessagesBody;
}
