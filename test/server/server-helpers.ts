import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WriterFactory } from '../../src/server/writer-factory.js';
import { createOfflineWriter } from '../../src/write/offline-writer.js';
import type { Writer } from '../../src/write/writer.js';

export const EXAMPLE = readFileSync(new URL('../../examples/talents-ia.txt', import.meta.url), 'utf8');

/** A short French article: enough for the offline writer, quick to optimize. */
export const SHORT_ARTICLE = [
  'Le télétravail progresse en France',
  'Le télétravail concerne désormais un salarié sur quatre en France. Les entreprises adaptent leurs bureaux.',
  'Les salariés apprécient la souplesse des horaires. Cependant, certains regrettent le lien avec leurs collègues.',
  'Les managers doivent apprendre à encadrer à distance. Ainsi, la confiance devient une compétence clé.',
].join('\n\n');

export function jsonInit(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Parses a complete `text/event-stream` body (comments skipped). */
export function parseSse(text: string): SseEvent[] {
  return text
    .split(/\n\n+/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && !block.startsWith(':'))
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}

export interface GatedWriterFactory extends WriterFactory {
  /** LLM jobs started and not yet released. */
  readonly started: number;
  /** Lets every waiting LLM job finish. */
  release(): void;
}

/**
 * Offers `offline` and `llm`; the fake `llm` writer (the offline one underneath) waits at its plan
 * step until `release()`, so tests can hold jobs in flight.
 */
export function createGatedWriterFactory(): GatedWriterFactory {
  let started = 0;
  let open: () => void = () => {};
  let gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    names: ['offline', 'llm'],
    get started() {
      return started;
    },
    release() {
      open();
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    create(name) {
      const offline = createOfflineWriter();
      if (name === 'offline') return { writer: offline };
      const writer: Writer = {
        name: 'llm',
        canRewrite: true,
        async plan(context) {
          started++;
          context.onProgress?.({ stage: 'plan', message: 'Plan (faux LLM)', done: 0, total: 1 });
          await gate;
          return offline.plan(context);
        },
        write: (context, plan) => offline.write(context, plan),
      };
      return { writer };
    },
  };
}

/** A factory whose writer throws `error` (for 500 and provider failures). */
export function createFailingWriterFactory(error: Error): WriterFactory {
  return {
    names: ['offline'],
    create: () => ({
      writer: {
        name: 'offline',
        canRewrite: false,
        plan: () => Promise.reject(error),
        write: () => Promise.reject(error),
      },
    }),
  };
}

export interface LocalHttpServer {
  url: string;
  port: number;
  /** Host headers received, in order. */
  hosts: string[];
  close(): Promise<void>;
}

/** A plain local HTTP server, for URL fetching over a real socket. */
export async function startLocalHttpServer(
  handler: (request: IncomingMessage, response: ServerResponse, port: number) => void,
): Promise<LocalHttpServer> {
  const hosts: string[] = [];
  let port = 0;
  const server: Server = createServer((request, response) => {
    hosts.push(request.headers.host ?? '');
    handler(request, response, port);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    hosts,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** An HTML page with a real article in it, for Readability. */
export function articlePage(title: string): string {
  const paragraphs = SHORT_ARTICLE.split('\n\n')
    .slice(1)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head>
<body><nav><a href="/">Accueil</a></nav><article><h1>${title}</h1>${paragraphs}${paragraphs}</article>
<footer>Pied de page</footer></body></html>`;
}
