/**
 * The shared machinery of the fake LLM servers (`openai-test-server.ts`,
 * `anthropic-test-server.ts`): a real HTTP server on 127.0.0.1 and a random
 * port, that records every request and answers from a script.
 */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path with query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Header names are lower-case (Node's convention). */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
  rawBody: string;
}

/** Usage numbers the fake server reports (defaults: about one token per 4 characters). */
export interface ScriptedUsage {
  inputTokens?: number;
  outputTokens?: number;
  /** Anthropic only: `cache_read_input_tokens`; OpenAI: `prompt_tokens_details.cached_tokens`. */
  cachedInputTokens?: number;
}

/** One scripted answer. Every field is optional; the default is a 200 with empty content. */
export interface ScriptedResponse {
  /** The assistant's text (for a JSON request, the JSON text; the server never checks it). */
  content?: string;
  /**
   * The provider's raw finish reason: OpenAI `stop` | `length` | `content_filter`…,
   * Anthropic `end_turn` | `max_tokens` | `refusal`…; default the provider's normal stop.
   */
  finishReason?: string;
  /** HTTP status (default 200). A non-2xx status answers with the provider's error body. */
  status?: number;
  /** Error message for a non-2xx status (default: a generic one per status). */
  errorMessage?: string;
  /** Extra response headers, e.g. `{ 'retry-after': '2' }`. */
  headers?: Record<string, string>;
  /** Wait this long before answering (the client's timeout can fire first). */
  delayMs?: number;
  /**
   * Cut the answer: when streaming, send about half of the content then close the
   * connection without a finish reason or `[DONE]`; when not streaming, send half
   * of the JSON body then destroy the socket.
   */
  truncateStream?: boolean;
  usage?: ScriptedUsage;
  /** Replace the whole JSON body (non-streaming, any status) with this value. */
  body?: unknown;
  /** OpenAI only: the `message.refusal` field (structured outputs refusals). */
  refusal?: string;
}

/** A script: answers in order (an array), or computed from each request. */
export type Script =
  | readonly ScriptedResponse[]
  | ((request: RecordedRequest, index: number) => ScriptedResponse | Promise<ScriptedResponse>);

export interface ScriptedServerOptions {
  script: Script;
  /**
   * Simulated generation speed: wait this long per output token (streaming:
   * between chunks; non-streaming: before answering). Default 0. For benches.
   */
  latencyPerTokenMs?: number;
}

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** Every request received, in order (including the ones that were answered with an error). */
  readonly requests: RecordedRequest[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** What a provider's route does with one scripted answer. */
export type RouteHandler = (context: {
  request: RecordedRequest;
  response: ServerResponse;
  scripted: ScriptedResponse;
  latencyPerTokenMs: number;
}) => Promise<void>;

export const wait = (milliseconds: number): Promise<void> =>
  milliseconds > 0 ? new Promise((resolve) => setTimeout(resolve, milliseconds)) : Promise.resolve();

/** Rough token count: about 4 characters per token, like the usual rule of thumb. */
export function approximateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

/**
 * Splits text into token-sized pieces (a word with its leading space, long words
 * cut every 4 characters) for streaming. Joining the pieces gives the text back.
 */
export function splitIntoTokens(text: string): string[] {
  const pieces: string[] = [];
  for (const word of text.match(/\s*\S+|\s+$/g) ?? []) {
    for (let start = 0; start < word.length; start += 6) pieces.push(word.slice(start, start + 6));
  }
  return pieces;
}

/** Writes a JSON body in one go. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** Sends half of a JSON body, then kills the connection: what a dropped link looks like. */
export function sendCutJson(
  response: ServerResponse,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(200, { 'content-type': 'application/json', ...headers });
  response.write(text.slice(0, Math.floor(text.length / 2)));
  setTimeout(() => response.socket?.destroy(), 5);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Starts a server whose `routes` (`'POST /v1/chat/completions'` → handler)
 * answer from the script. Unknown routes get a 404; a request past the end of
 * an array script gets a 500 saying so (and is still recorded).
 */
export async function startScriptedServer(
  options: ScriptedServerOptions,
  routes: Record<string, RouteHandler>,
): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const latencyPerTokenMs = options.latencyPerTokenMs ?? 0;

  const handle = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const rawBody = await readBody(incoming);
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: incoming.url ?? '/',
      headers: { ...incoming.headers },
      body: parseJson(rawBody),
      rawBody,
    };
    const index = requests.length;
    requests.push(request);
    const route = routes[`${request.method} ${request.path.split('?')[0]}`];
    if (!route) {
      sendJson(response, 404, { error: { message: `no route for ${request.method} ${request.path}` } });
      return;
    }
    const script = options.script;
    const scripted = typeof script === 'function' ? await script(request, index) : script[index];
    if (!scripted) {
      const length = typeof script === 'function' ? 0 : script.length;
      sendJson(response, 500, {
        error: { message: `test server script exhausted: request ${index + 1}, script has ${length}` },
      });
      return;
    }
    await wait(scripted.delayMs ?? 0);
    // The client may have given up (timeout) while we waited.
    if (response.destroyed || incoming.socket.destroyed) return;
    await route({ request, response, scripted, latencyPerTokenMs });
  };

  const server: Server = createServer((incoming, response) => {
    handle(incoming, response).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { error: { message: String(error) } });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** The text of every message of a chat request, for assertions on prompts. */
export function promptText(request: RecordedRequest): string {
  const body = request.body as { messages?: { content?: unknown }[]; system?: unknown } | undefined;
  const parts: string[] = [];
  const collect = (content: unknown): void => {
    if (typeof content === 'string') parts.push(content);
    else if (Array.isArray(content))
      for (const part of content) if (part && typeof part.text === 'string') parts.push(part.text);
  };
  collect(body?.system);
  for (const message of body?.messages ?? []) collect(message.content);
  return parts.join('\n');
}
