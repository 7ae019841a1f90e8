import { mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/cli-context.js';
import { registerServeCommand } from '../../src/cli/serve-command.js';
import {
  checkServerSecurity,
  isLoopbackHost,
  type RunningServer,
  ServerConfigError,
  startServer,
} from '../../src/server/start-server.js';
import { findPackageRoot } from '../../src/server/web-assets.js';
import {
  articlePage,
  createGatedWriterFactory,
  jsonInit,
  type LocalHttpServer,
  parseSse,
  SHORT_ARTICLE,
  startLocalHttpServer,
} from './server-helpers.js';

const TOKEN = 'socket-test-token-0123456789';
const running: RunningServer[] = [];

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const server = await startServer({ port: 0, logError: () => {}, ...options });
  running.push(server);
  return server;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** A raw request, for headers fetch() will not let us set (Host). */
function rawRequest(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('security of the binding', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.10', false],
    ['example.org', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it.each([['0.0.0.0'], ['::'], ['192.168.1.10']])(
    'refuses to listen on %s without a token',
    async (host) => {
      expect(() => checkServerSecurity({ host })).toThrow(/sans jeton/);
      await expect(startServer({ host, port: 0 })).rejects.toMatchObject({
        name: 'ServerConfigError',
        code: 'token-required',
      });
    },
  );

  it('refuses a short token', async () => {
    await expect(startServer({ port: 0, token: 'secret' })).rejects.toMatchObject({ code: 'weak-token' });
  });

  it.each([['mot de passe très long'], ['jeton:avec:deux-points'], ['token!0123456789abcdef']])(
    'refuses %j, a token no Bearer header can carry',
    async (token) => {
      await expect(startServer({ port: 0, token })).rejects.toMatchObject({ code: 'weak-token' });
    },
  );

  it('listens on every address with a token, and then requires it', async () => {
    const server = await start({ host: '0.0.0.0', token: TOKEN });
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/api/health`)).status).toBe(401);
    const response = await fetch(`${base}/api/health`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('reports a port in use as a ServerConfigError', async () => {
    const first = await start();
    const error = await startServer({ port: first.port }).catch((caught: unknown) => caught);
    expect(ServerConfigError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'address-in-use' });
  });
});

describe('over a real socket', () => {
  it('serves the page from the package (or its placeholder) with the CSP', async () => {
    const server = await start();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toMatch(/<html/i);
    expect((await fetch(`${server.url}app.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(findPackageRoot()).toBe(join(import.meta.dirname, '..', '..'));
  });

  it('serves the page from a given folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plume-web-'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html><html><title>Essai</title></html>');
    writeFileSync(join(folder, 'app.js'), 'void 0;');
    writeFileSync(join(folder, 'app.css'), 'body{}');
    const server = await start({ webDirectory: folder });
    expect(server.placeholderPage).toBe(false);
    expect(await (await fetch(server.url)).text()).toContain('Essai');
  });

  it('answers health, optimize (JSON and multipart) and audit', async () => {
    const server = await start();
    expect(await (await fetch(`${server.url}api/health`)).json()).toMatchObject({ writers: ['offline'] });
    const optimized = await fetch(
      `${server.url}api/optimize`,
      jsonInit({ text: SHORT_ARTICLE, minWords: 100 }),
    );
    expect(optimized.status).toBe(200);
    const form = new FormData();
    form.set('file', new Blob([SHORT_ARTICLE], { type: 'text/plain' }), 'article.txt');
    form.set('minWords', '100');
    const uploaded = await fetch(`${server.url}api/optimize`, { method: 'POST', body: form });
    expect(uploaded.status).toBe(200);
    expect(((await uploaded.json()) as { report: { writer: string } }).report.writer).toBe('offline');
    const audited = await fetch(
      `${server.url}api/audit`,
      jsonInit({ markdown: `# Titre\n\n${SHORT_ARTICLE}` }),
    );
    expect(audited.status).toBe(200);
  });

  it('streams progress events before the result', async () => {
    const factory = createGatedWriterFactory();
    const server = await start({ writerFactory: factory });
    const response = await fetch(
      `${server.url}api/optimize`,
      jsonInit({ text: SHORT_ARTICLE, writer: 'llm' }, { accept: 'text/event-stream' }),
    );
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>)
      .pipeThrough(new TextDecoderStream())
      .getReader();
    let text = '';
    // The first progress event arrives while the job is still held at its plan step.
    while (!text.includes('\n\n')) text += (await reader.read()).value ?? '';
    expect(parseSse(text)[0]).toEqual({
      event: 'progress',
      data: { stage: 'plan', message: 'Plan de l’article' },
    });
    factory.release();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
    }
    const events = parseSse(text);
    expect(events.map((event) => event.event)).toEqual(['progress', 'progress', 'progress', 'result']);
    expect(events[1]?.data).toMatchObject({ stage: 'plan', message: 'Plan (faux LLM)', done: 0, total: 1 });
  });

  it('answers 413 for an oversized upload, from Content-Length and for a chunked body', async () => {
    const server = await start({ maxBodyBytes: 10_000 });
    const big = await fetch(`${server.url}api/optimize`, jsonInit({ text: 'a'.repeat(200_000) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: { code: 'too-large' } });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let chunk = 0; chunk < 20; chunk++) controller.enqueue(new Uint8Array(1000).fill(97));
        controller.close();
      },
    });
    const chunked = await fetch(`${server.url}api/audit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('reads a body under the limit the same way with Content-Length, chunked, and in several pieces', async () => {
    const server = await start();
    const body = JSON.stringify({ text: 'Un article court sur les talents en IA. Il parle de recrutement.' });
    const declared = await fetch(`${server.url}api/audit`, jsonInit(JSON.parse(body)));
    const pieces = new TextEncoder().encode(body);
    const chunked = await fetch(`${server.url}api/audit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let start = 0; start < pieces.length; start += 7)
            controller.enqueue(pieces.slice(start, start + 7));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(declared.status).toBe(200);
    expect(chunked.status).toBe(200);
    expect(await chunked.json()).toEqual(await declared.json());
  });

  it('rate limits per client address', async () => {
    const server = await start({ rateLimit: { requestsPerMinute: 2 } });
    const statuses = [];
    for (let request = 0; request < 3; request++)
      statuses.push((await fetch(`${server.url}api/health`)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('refuses a foreign Host header without a token (DNS rebinding)', async () => {
    const server = await start();
    const foreign = await rawRequest(`${server.url}api/health`, { host: `attacker.example:${server.port}` });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: 'forbidden-host' } });
    const local = await rawRequest(`${server.url}api/health`, { host: `localhost:${server.port}` });
    expect(local.status).toBe(200);
  });
});

describe('url sources end to end', () => {
  let site: LocalHttpServer;
  beforeAll(async () => {
    site = await startLocalHttpServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(articlePage('Le télétravail'));
    });
  });
  afterAll(() => site.close());

  it('refuses a local address by default (400 url-forbidden)', async () => {
    const server = await start();
    const response = await fetch(`${server.url}api/optimize`, jsonInit({ url: `${site.url}article` }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'url-forbidden', field: 'url' } });
    expect(site.hosts).toEqual([]);
  });

  it('reads it with allowPrivateUrls', async () => {
    const server = await start({ allowPrivateUrls: true });
    const response = await fetch(
      `${server.url}api/optimize`,
      jsonInit({ url: `${site.url}article`, minWords: 100 }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { metadata: { url: string; h1: string } };
    // The page's own address is not the rewritten article's canonical (issue 11): only `url` sets one.
    expect(body.metadata.url).toBeUndefined();
    expect(body.metadata.h1).toMatch(/télétravail/i);
  });
});

describe('plume serve', () => {
  function cliContext(env: Record<string, string> = {}, signal?: AbortSignal) {
    const output = { stdout: '', stderr: '' };
    const context: CliContext = {
      stdout: {
        write: (text: string) => {
          output.stdout += text;
          return true;
        },
      } as unknown as CliContext['stdout'],
      stderr: {
        write: (text: string) => {
          output.stderr += text;
          return true;
        },
      } as unknown as CliContext['stderr'],
      stdin: process.stdin,
      env,
      color: false,
      ...(signal ? { signal } : {}),
    };
    return { context, output };
  }

  function program(context: CliContext, onExit: (code: number) => void): Command {
    const command = new Command('plume').exitOverride();
    registerServeCommand(command, context, onExit);
    return command;
  }

  it('refuses a non-loopback host without a token with a usage error (exit 2)', async () => {
    const { context } = cliContext();
    const run = program(context, () => {}).parseAsync(['serve', '--host', '0.0.0.0', '--writer', 'offline'], {
      from: 'user',
    });
    await expect(run).rejects.toMatchObject({
      name: 'UsageError',
      message: expect.stringMatching(/sans jeton/),
    });
  });

  it('serves until interrupted, with the token from PLUME_TOKEN', async () => {
    const interrupt = new AbortController();
    const { context, output } = cliContext({ PLUME_TOKEN: TOKEN }, interrupt.signal);
    let exitCode: number | undefined;
    const run = program(context, (code) => {
      exitCode = code;
    }).parseAsync(['serve', '--port', '0', '--writer', 'offline', '--rate-limit', '0'], { from: 'user' });
    await expect.poll(() => output.stdout).toMatch(/à l’écoute sur http:\/\/127\.0\.0\.1:\d+\//);
    const url = /à l’écoute sur (\S+)/.exec(output.stdout)?.[1] as string;
    expect(output.stdout).toContain('jeton d’API exigé');
    expect(output.stdout).not.toContain(TOKEN);
    expect((await fetch(`${url}api/health`)).status).toBe(401);
    expect((await fetch(`${url}api/health`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
      200,
    );
    interrupt.abort();
    await run;
    expect(exitCode).toBe(0);
    await expect(fetch(`${url}api/health`)).rejects.toThrow();
  });
});
