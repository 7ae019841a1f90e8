import { describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/audit/report.js';
import { type FetchArticle, FetchArticleError } from '../../src/ingest/fetch-article.js';
import { CONTENT_SECURITY_POLICY, createApp } from '../../src/server/create-app.js';
import {
  articlePage,
  createFailingWriterFactory,
  createGatedWriterFactory,
  EXAMPLE,
  jsonInit,
  parseSse,
  SHORT_ARTICLE,
} from './server-helpers.js';

const TOKEN = 'test-token-0123456789abcdef';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/** The parts of an optimize response these tests read. */
interface OptimizeBody {
  metadata: { keyphrase: string; url?: string } & Record<string, unknown>;
  report: { writer: string; constraints: Array<{ id: string; message: string; passed: boolean }> };
  tableOfContents: unknown;
  plan: unknown;
  markdown: string;
  html: string;
}

async function errorOf(response: Response): Promise<ErrorBody['error']> {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return ((await response.json()) as ErrorBody).error;
}

function quietApp(options: Parameters<typeof createApp>[0] = {}) {
  return createApp({ logError: () => {}, ...options });
}

describe('GET /api/health', () => {
  it('gives the version and the offline writer only by default', async () => {
    const response = await quietApp().request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      writers: ['offline'],
      // The web page shows this under the writer choice: one text with the API's refusals.
      llmSetupHelp: expect.stringMatching(
        /^Pour traduire ou allonger un article, il faut le rédacteur LLM : la personne qui a lancé ce serveur Plume .*PLUME_PROVIDER/u,
      ),
    });
  });

  it('lists llm when a provider is configured, and nothing of its configuration', async () => {
    const factory = Object.assign(createGatedWriterFactory(), {
      config: { provider: 'openai', model: 'gpt-4o-mini', apiKey: 'sk-secret', baseUrl: 'http://10.0.0.1/' },
    });
    const response = await quietApp({ writerFactory: factory }).request('/api/health');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ version: expect.any(String), writers: ['offline', 'llm'] });
    expect(text).not.toMatch(/sk-secret|openai|gpt|10\.0\.0\.1/);
  });
});

describe('static page and security headers', () => {
  const assets = { html: '<!doctype html><title>Plume</title>', css: 'body{}', js: 'console.log(1)' };

  it.each([
    ['/', 'text/html; charset=utf-8', assets.html],
    ['/app.js', 'text/javascript; charset=utf-8', assets.js],
    ['/app.css', 'text/css; charset=utf-8', assets.css],
  ])('serves %s as %s', async (path, contentType, body) => {
    const response = await quietApp({ staticAssets: assets }).request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(await response.text()).toBe(body);
  });

  it('serves a placeholder page without static assets', async () => {
    const response = await quietApp().request('/');
    expect(await response.text()).toContain('<script src="/app.js"></script>');
  });

  it.each([
    ['GET', '/'],
    ['GET', '/api/health'],
    ['GET', '/nope'],
    ['POST', '/api/audit'],
  ])('%s %s carries CSP, nosniff and no-referrer', async (method, path) => {
    const response = await quietApp().request(path, { method });
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it.each([['/nope'], ['/api/nope'], ['/api/optimize']])('answers GET %s with a JSON 404', async (path) => {
    const response = await quietApp().request(path);
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: 'not-found' });
  });
});

describe('POST /api/optimize', () => {
  it('optimizes pasted text: the JSON of plume optimize --format json, plus the HTML', async () => {
    const response = await quietApp().request(
      '/api/optimize',
      jsonInit({
        text: EXAMPLE,
        keyphrase: 'talents en IA',
        minWords: 300,
        locale: 'fr-CA',
        siteName: 'Le Journal',
        author: 'Jeanne Martin',
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as OptimizeBody;
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['metadata', 'tableOfContents', 'plan', 'report', 'markdown', 'html']),
    );
    expect(body.metadata).toMatchObject({
      keyphrase: 'talents en IA',
      locale: 'fr-CA',
      siteName: 'Le Journal',
      author: 'Jeanne Martin',
    });
    expect(body.report.writer).toBe('offline');
    expect(body.report.constraints.find((constraint) => constraint.id === 'length')).toBeDefined();
    expect(body.markdown).toMatch(/^---\n/);
    expect(body.html).toMatch(/^<!doctype html>/i);
  });

  it('reads an uploaded file (multipart), with the same fields', async () => {
    const form = new FormData();
    form.set(
      'file',
      new File([`# Le télétravail\n\n${SHORT_ARTICLE}`], 'article.md', { type: 'text/markdown' }),
    );
    form.set('minWords', '150');
    form.set('keyphrase', 'télétravail');
    form.set('text', '');
    const response = await quietApp().request('/api/optimize', { method: 'POST', body: form });
    expect(response.status).toBe(200);
    const body = (await response.json()) as OptimizeBody;
    expect(body.metadata.keyphrase).toBe('télétravail');
    const length = body.report.constraints.find((constraint) => constraint.id === 'length');
    expect(length?.message).toContain('au moins 150');
  });

  it('answers 400 to a front matter slug that is not one, and drops a page’s javascript: canonical with a warning', async () => {
    const refused = await quietApp().request(
      '/api/optimize',
      jsonInit({
        text: `---\nslug: ../../victim\n---\n\n${SHORT_ARTICLE}`,
        format: 'markdown',
        minWords: 100,
      }),
    );
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toEqual({
      code: 'invalid-metadata',
      message:
        'le slug du front matter « ../../victim » est invalide : minuscules ASCII, chiffres et tirets simples, 75 caractères au plus.',
    });
    const page = articlePage('Le télétravail').replace(
      '</head>',
      '<link rel="canonical" href="javascript:alert(1)"><meta property="article:published_time" content="2024-99-99"></head>',
    );
    const response = await quietApp().request('/api/optimize', jsonInit({ text: page, minWords: 100 }));
    expect(response.status).toBe(200);
    const body = (await response.json()) as OptimizeBody & { report: { warnings: string[] } };
    expect(body.metadata.url).toBeUndefined();
    // The server dates an undated article today: the page's impossible date is gone.
    expect(body.metadata.date).not.toBe('2024-99-99');
    // The URL, the date, and the missing featured image.
    expect(body.report.warnings).toHaveLength(3);
    expect(body.html).not.toMatch(/javascript:|2024-99-99/);
  });

  it('fetches a url source through the injected fetcher', async () => {
    const fetchArticle = vi.fn<FetchArticle>(async (url) => ({
      text: articlePage('Le télétravail'),
      url,
      contentType: 'text/html',
    }));
    const response = await quietApp({ fetchArticle }).request(
      '/api/optimize',
      jsonInit({ url: 'https://example.test/article', minWords: 100 }),
    );
    expect(response.status).toBe(200);
    // Issue 11: the fetched page's address is the source's, never the rewritten article's canonical.
    expect(((await response.json()) as OptimizeBody).metadata.url).toBeUndefined();
    expect(fetchArticle).toHaveBeenCalledWith('https://example.test/article', {
      signal: expect.any(AbortSignal),
    });
  });

  it('passes the fetcher’s refusals through: 400 url-forbidden, 415, 504', async () => {
    for (const error of [
      new FetchArticleError(400, 'url-forbidden', 'Adresse privée refusée.'),
      new FetchArticleError(415, 'url-unsupported-type', 'Pas du HTML.'),
      new FetchArticleError(504, 'url-timeout', 'Trop lent.'),
    ]) {
      const fetchArticle: FetchArticle = () => Promise.reject(error);
      const response = await quietApp({ fetchArticle }).request(
        '/api/optimize',
        jsonInit({ url: 'http://example.test/' }),
      );
      expect(response.status).toBe(error.status);
      expect(await errorOf(response)).toMatchObject({ code: error.code, message: error.message });
    }
  });

  it('streams progress then the result with Accept: text/event-stream', async () => {
    const response = await quietApp().request(
      '/api/optimize',
      jsonInit({ text: SHORT_ARTICLE, minWords: 100 }, { accept: 'text/event-stream' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual(['progress', 'progress', 'result']);
    expect(events[0]?.data).toEqual({ stage: 'plan', message: 'Plan de l’article' });
    expect(events[2]?.data).toMatchObject({ metadata: expect.any(Object), html: expect.any(String) });
  });

  it('streams a fetch stage first for a url, and errors as an error event', async () => {
    const fetchArticle: FetchArticle = async () => {
      throw new FetchArticleError(502, 'url-http-error', 'La page a répondu avec le statut HTTP 404.');
    };
    const response = await quietApp({ fetchArticle }).request(
      '/api/optimize',
      jsonInit({ url: 'http://example.test/' }, { accept: 'text/event-stream' }),
    );
    const events = parseSse(await response.text());
    expect(events).toEqual([
      { event: 'progress', data: { stage: 'fetch', message: 'Lecture de la page' } },
      {
        event: 'error',
        data: { code: 'url-http-error', message: 'La page a répondu avec le statut HTTP 404.', status: 502 },
      },
    ]);
  });

  it('defaults to the llm writer when one is configured, and accepts writer: offline', async () => {
    const factory = createGatedWriterFactory();
    const app = quietApp({ writerFactory: factory });
    const offline = await app.request('/api/optimize', jsonInit({ text: SHORT_ARTICLE, writer: 'offline' }));
    expect(((await offline.json()) as OptimizeBody).report.writer).toBe('offline');
    const pending = app.request('/api/optimize', jsonInit({ text: SHORT_ARTICLE }));
    await vi.waitFor(() => expect(factory.started).toBe(1));
    factory.release();
    expect(((await (await pending).json()) as OptimizeBody).report.writer).toBe('llm');
  });
});

describe('400 invalid input, naming the field', () => {
  const cases: ReadonlyArray<readonly [string, unknown, string | undefined, RegExp]> = [
    ['invalid JSON', '{"text": ', undefined, /JSON valide/],
    ['an array', '[]', undefined, /objet JSON/],
    ['unknown field', { text: 'x', titre: 'y' }, 'titre', /Champ inconnu : « titre »/],
    ['minWords 0', { text: 'x', minWords: 0 }, 'minWords', /« minWords »/],
    ['minWords 1.5', { text: 'x', minWords: 1.5 }, 'minWords', /« minWords »/],
    ['minWords as text', { text: 'x', minWords: 'beaucoup' }, 'minWords', /« minWords »/],
    ['locale en-US', { text: 'x', locale: 'en-US' }, 'locale', /« locale » doit valoir fr-FR/],
    ['format pdf', { text: 'x', format: 'pdf' }, 'format', /« format »/],
    ['writer gpt', { text: 'x', writer: 'gpt' }, 'writer', /« writer »/],
    ['keyphrase number', { text: 'x', keyphrase: 42 }, 'keyphrase', /« keyphrase » doit être un texte/],
    ['text null', { text: null }, 'text', /« text »/],
    ['url ftp', { url: 'ftp://example.test/' }, 'url', /« url » doit être une adresse http ou https/],
    ['url garbage', { url: 'pas une adresse' }, 'url', /« url »/],
    ['no source', {}, 'text', /Aucun article fourni/],
    ['two sources', { text: 'x', url: 'https://example.test/' }, undefined, /un seul article/],
    ['llm without provider', { text: 'x', writer: 'llm' }, 'writer', /Aucun fournisseur LLM/],
  ];

  it.each(cases)('%s', async (_label, body, field, message) => {
    const response = await quietApp().request('/api/optimize', jsonInit(body));
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toMatch(message);
    expect(error.field).toBe(field);
    expect(['invalid-request', 'invalid-json', 'writer-unavailable']).toContain(error.code);
  });

  it('refuses a file and a text together in a form', async () => {
    const form = new FormData();
    form.set('file', new File([SHORT_ARTICLE], 'a.txt'));
    form.set('text', SHORT_ARTICLE);
    const response = await quietApp().request('/api/optimize', { method: 'POST', body: form });
    expect(response.status).toBe(400);
  });

  it('refuses an unreadable multipart body', async () => {
    const response = await quietApp().request('/api/optimize', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: 'not multipart at all',
    });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid-multipart' });
  });
});

describe('413, 415, 422', () => {
  it('refuses a body over the limit from Content-Length, without reading it', async () => {
    const app = quietApp({ maxBodyBytes: 1000 });
    const response = await app.request('/api/optimize', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
      body: JSON.stringify({ text: 'a'.repeat(4980) }),
    });
    expect(response.status).toBe(413);
    expect(await errorOf(response)).toMatchObject({ code: 'too-large' });
  });

  it('refuses a chunked body once it passes the limit while reading', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('a'.repeat(400)));
        if (pulled > 100) controller.close();
      },
    });
    const response = await quietApp({ maxBodyBytes: 1000 }).request('/api/audit', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(10);
  });

  it.each([
    ['/api/optimize', 'text/plain'],
    ['/api/optimize', 'application/x-www-form-urlencoded'],
    ['/api/audit', 'application/x-www-form-urlencoded'],
    ['/api/audit', undefined],
  ])('POST %s as %s is 415', async (path, contentType) => {
    const response = await quietApp().request(path, {
      method: 'POST',
      ...(contentType ? { headers: { 'content-type': contentType } } : {}),
      body: 'text=bonjour',
    });
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toMatchObject({ code: 'unsupported-media-type' });
  });

  it.each([['article.pdf'], ['article.docx'], ['article'], ['script.js']])(
    'refuses an upload named %s with 415',
    async (name) => {
      const form = new FormData();
      form.set('file', new File([SHORT_ARTICLE], name));
      const response = await quietApp().request('/api/optimize', { method: 'POST', body: form });
      expect(response.status).toBe(415);
      expect(await errorOf(response)).toMatchObject({ code: 'unsupported-file-type', field: 'file' });
    },
  );

  it.each([
    ['blank text', { text: '   \n  ' }, 'empty'],
    ['binary text', { text: 'abc\u0000def' }, 'binary'],
    [
      'a page with no article',
      { text: '<!doctype html><html><head><title>x</title></head><body></body></html>' },
      'no-article',
    ],
  ])('answers 422 for %s', async (_label, body, code) => {
    const response = await quietApp().request('/api/optimize', jsonInit(body));
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe(code);
    // French, and no English CLI line with a path.
    expect(error.message).toMatch(/[àéèê’]/);
  });

  it('answers 422 for an uploaded file that is broken UTF-8', async () => {
    const form = new FormData();
    const broken = Buffer.concat([
      Buffer.from('Un café très serré, avec un texte assez long.'),
      Buffer.from([0xe9]),
    ]);
    form.set('file', new File([broken], 'a.txt'));
    const response = await quietApp().request('/api/optimize', { method: 'POST', body: form });
    expect(response.status).toBe(422);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid-utf8' });
  });
});

describe('429 rate limit and LLM cap', () => {
  it('limits each client address with a token bucket, on an injected clock', async () => {
    let time = 0;
    const app = quietApp({ rateLimit: { requestsPerMinute: 3, now: () => time } });
    const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
    for (let request = 0; request < 3; request++) {
      expect((await app.request('/api/health', {}, from('10.0.0.1'))).status).toBe(200);
    }
    const limited = await app.request('/api/health', {}, from('10.0.0.1'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(await errorOf(limited)).toMatchObject({ code: 'rate-limited' });
    expect((await app.request('/api/health', {}, from('10.0.0.2'))).status).toBe(200);
    // The page itself is not rate limited.
    expect((await app.request('/', {}, from('10.0.0.1'))).status).toBe(200);
    time += 20_000;
    expect((await app.request('/api/health', {}, from('10.0.0.1'))).status).toBe(200);
  });

  it('caps concurrent LLM jobs: one more gets 429, offline jobs still run', async () => {
    const factory = createGatedWriterFactory();
    const app = quietApp({ writerFactory: factory, maxConcurrentLlmJobs: 2 });
    const llm = () => app.request('/api/optimize', jsonInit({ text: SHORT_ARTICLE, writer: 'llm' }));
    const first = llm();
    const second = llm();
    await vi.waitFor(() => expect(factory.started).toBe(2));
    const third = await llm();
    expect(third.status).toBe(429);
    expect(await errorOf(third)).toMatchObject({ code: 'llm-busy' });
    const offline = await app.request('/api/optimize', jsonInit({ text: SHORT_ARTICLE, writer: 'offline' }));
    expect(offline.status).toBe(200);
    factory.release();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    // Slots are given back, failures included.
    const again = llm();
    await vi.waitFor(() => expect(factory.started).toBe(3));
    factory.release();
    expect((await again).status).toBe(200);
  });

  it('gives the LLM slot back when a streamed job fails', async () => {
    const factory = createGatedWriterFactory();
    const app = quietApp({ writerFactory: factory, maxConcurrentLlmJobs: 1 });
    const failing = await app.request(
      '/api/optimize',
      jsonInit({ text: ' ', writer: 'llm' }, { accept: 'text/event-stream' }),
    );
    expect(parseSse(await failing.text())).toEqual([
      { event: 'error', data: expect.objectContaining({ code: 'empty', status: 422 }) },
    ]);
    const next = app.request('/api/optimize', jsonInit({ text: SHORT_ARTICLE, writer: 'llm' }));
    await vi.waitFor(() => expect(factory.started).toBe(1));
    factory.release();
    expect((await next).status).toBe(200);
  });
});

describe('500 and provider failures', () => {
  it('answers 500 with a fixed message: no stack, no path, no detail; logs the error', async () => {
    const error = new Error('ENOENT: open /home/secret/plume/config.json');
    const logError = vi.fn();
    const app = createApp({ writerFactory: createFailingWriterFactory(error), logError });
    const response = await app.request('/api/optimize', jsonInit({ text: SHORT_ARTICLE }));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: expect.stringContaining('Erreur interne') },
    });
    expect(text).not.toMatch(/secret|ENOENT|\bat\b|\.ts|\.js|\//);
    expect(logError).toHaveBeenCalledWith(error);
  });

  it('logs an unexpected error in French by default (« erreur interne »), the detail after it', async () => {
    const error = new Error('boom');
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const app = createApp({ writerFactory: createFailingWriterFactory(error) });
      expect((await app.request('/api/optimize', jsonInit({ text: SHORT_ARTICLE }))).status).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/^plume serve: erreur interne : Error: boom/u);
  });

  it('sends the same bare 500 on an event stream', async () => {
    const app = quietApp({ writerFactory: createFailingWriterFactory(new Error('boom at /srv/x.js:1:2')) });
    const response = await app.request(
      '/api/optimize',
      jsonInit({ text: SHORT_ARTICLE }, { accept: 'text/event-stream' }),
    );
    const events = parseSse(await response.text());
    expect(events.at(-1)).toEqual({
      event: 'error',
      data: { code: 'internal', message: expect.stringContaining('Erreur interne'), status: 500 },
    });
    expect(JSON.stringify(events)).not.toMatch(/boom|srv/);
  });

  it('maps LLM errors to 502 without the provider’s message', async () => {
    const error = Object.assign(new Error('upstream said: invalid key sk-abc'), {
      name: 'LlmConnectionError',
    });
    const response = await quietApp({ writerFactory: createFailingWriterFactory(error) }).request(
      '/api/optimize',
      jsonInit({ text: SHORT_ARTICLE }),
    );
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text).error.code).toBe('llm-failed');
    expect(text).not.toContain('sk-abc');
  });
});

describe('token, host and origin checks', () => {
  it('requires the bearer token on every /api route when set, never on the page', async () => {
    const app = quietApp({ token: TOKEN });
    const missing = await app.request('/api/health');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect(await errorOf(missing)).toMatchObject({ code: 'unauthorized' });
    for (const authorization of [
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      TOKEN,
      `Basic ${TOKEN}`,
      'Bearer ',
    ]) {
      expect((await app.request('/api/health', { headers: { authorization } })).status).toBe(401);
    }
    const optimize = await app.request('/api/optimize', jsonInit({ text: SHORT_ARTICLE }));
    expect(optimize.status).toBe(401);
    expect((await app.request('/api/health', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
      200,
    );
    expect((await app.request('/api/health', { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(
      200,
    );
    expect((await app.request('/')).status).toBe(200);
    expect((await app.request('/app.js')).status).toBe(200);
  });

  it('answers only loopback host names without a token (DNS rebinding), any with one', async () => {
    const tokenless = quietApp();
    const rebound = await tokenless.request('http://attacker.example/api/health');
    expect(rebound.status).toBe(403);
    expect(await errorOf(rebound)).toMatchObject({ code: 'forbidden-host' });
    expect((await tokenless.request('http://attacker.example/')).status).toBe(403);
    for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787']) {
      expect((await tokenless.request(`http://${host}/api/health`)).status).toBe(200);
    }
    const withToken = quietApp({ token: TOKEN });
    const response = await withToken.request('http://plume.example.org/api/health', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
  });

  it('refuses cross-site form writes (a form on another site can post multipart without preflight)', async () => {
    const app = quietApp();
    const formFrom = (headers: Record<string, string>) => {
      const form = new FormData();
      form.set('text', SHORT_ARTICLE);
      return { method: 'POST', body: form, headers };
    };
    const foreign = await app.request('/api/optimize', formFrom({ origin: 'https://attacker.example' }));
    expect(foreign.status).toBe(403);
    expect(await errorOf(foreign)).toMatchObject({ code: 'cross-origin' });
    expect((await app.request('/api/optimize', formFrom({ origin: 'null' }))).status).toBe(403);
    expect((await app.request('/api/optimize', formFrom({ 'sec-fetch-site': 'cross-site' }))).status).toBe(
      403,
    );
    const same = await app.request(
      'http://localhost:8787/api/optimize',
      formFrom({ origin: 'http://localhost:8787', 'sec-fetch-site': 'same-origin' }),
    );
    expect(same.status).toBe(200);
    // curl and scripts send neither header: not a browser, nothing to forge.
    expect((await app.request('/api/optimize', formFrom({}))).status).toBe(200);
  });

  it('grants no CORS: JSON from another site stays behind the browser’s preflight', async () => {
    const body = { markdown: `# Titre\n\n${SHORT_ARTICLE}` };
    const response = await quietApp().request(
      '/api/audit',
      jsonInit(body, { origin: 'https://attacker.example' }),
    );
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await quietApp().request('/api/audit', {
      method: 'OPTIONS',
      headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends hono’s secure headers, without HSTS on plain HTTP', async () => {
    const response = await quietApp().request('/');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });
});

describe('one vocabulary: the same source fields on /api/audit and /api/optimize', () => {
  const markdown = `# Le télétravail progresse\n\n${SHORT_ARTICLE}`;
  const fragment = `<h1>Le télétravail progresse</h1>${SHORT_ARTICLE.split('\n\n')
    .slice(1)
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('')}`;
  const fetchArticle = vi.fn<FetchArticle>(async (url) => ({
    text: articlePage('Le télétravail'),
    url,
    contentType: 'text/html',
  }));
  const fileForm = (name: string, content: string) => {
    const form = new FormData();
    form.set('file', new File([content], name));
    form.set('keyphrase', 'télétravail');
    return { method: 'POST', body: form };
  };

  /** What a route read: the statistics of the audit, or of the optimize report's source. */
  async function readBack(path: string, init: RequestInit) {
    const response = await quietApp({ fetchArticle }).request(path, init);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Report & { report?: unknown };
    return path === '/api/audit' ? body.statistics : body.report;
  }

  it.each([['/api/audit'], ['/api/optimize']])(
    '%s reads markdown, text and a .md file alike',
    async (path) => {
      const keyphrase = 'télétravail';
      const asMarkdown = await readBack(path, jsonInit({ markdown, keyphrase, minWords: 100 }));
      expect(await readBack(path, jsonInit({ text: markdown, keyphrase, minWords: 100 }))).toEqual(
        asMarkdown,
      );
      const form = fileForm('article.md', markdown);
      form.body.set('minWords', '100');
      expect(await readBack(path, form)).toEqual(asMarkdown);
    },
  );

  it.each([['/api/audit'], ['/api/optimize']])('%s reads html, text and a .html file alike', async (path) => {
    const keyphrase = 'télétravail';
    const asHtml = await readBack(path, jsonInit({ html: fragment, keyphrase, minWords: 100 }));
    expect(await readBack(path, jsonInit({ text: fragment, keyphrase, minWords: 100 }))).toEqual(asHtml);
    const form = fileForm('article.html', fragment);
    form.body.set('minWords', '100');
    expect(await readBack(path, form)).toEqual(asHtml);
  });

  it('audits a url source through the injected fetcher, and an html page given as html', async () => {
    const fromUrl = await quietApp({ fetchArticle }).request(
      '/api/audit',
      jsonInit({ url: 'https://example.test/article', keyphrase: 'télétravail' }),
    );
    expect(fromUrl.status).toBe(200);
    const report = (await fromUrl.json()) as Report;
    expect(report.keyphrase).toBe('télétravail');
    // Readability extracted the article: the navigation and the footer are not words of it.
    expect(report.text).not.toMatch(/Accueil|Pied de page/);
    const fromHtml = await quietApp().request(
      '/api/audit',
      jsonInit({ html: articlePage('Le télétravail'), keyphrase: 'télétravail' }),
    );
    expect(((await fromHtml.json()) as Report).statistics).toEqual(report.statistics);
  });

  it('lets format force the reading: Markdown read as HTML has no heading, its # is text', async () => {
    const forced = await quietApp().request('/api/audit', jsonInit({ markdown, format: 'html' }));
    const detected = await quietApp().request('/api/audit', jsonInit({ markdown }));
    const forcedReport = (await forced.json()) as Report;
    const detectedReport = (await detected.json()) as Report;
    expect(detectedReport.statistics.headings).toBe(1);
    expect(forcedReport.statistics.headings).toBe(0);
    expect(forcedReport.text).toMatch(/^# Le télétravail/);
  });

  it.each([[{ markdown, html: fragment }], [{ text: markdown, url: 'https://example.test/' }]])(
    'refuses two sources on /api/audit: %j',
    async (body) => {
      const response = await quietApp().request('/api/audit', jsonInit(body));
      expect(response.status).toBe(400);
      expect((await errorOf(response)).message).toMatch(/un seul article/);
    },
  );
});

describe('POST /api/audit', () => {
  it('returns the audit report of the Markdown', async () => {
    const response = await quietApp().request(
      '/api/audit',
      jsonInit({
        markdown: `# Le télétravail progresse\n\n${SHORT_ARTICLE}`,
        keyphrase: 'télétravail',
        title: 'Le télétravail progresse en France',
        description: 'Le télétravail concerne un salarié sur quatre.',
        slug: 'teletravail-france',
        minWords: 100,
      }),
    );
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.keyphrase).toBe('télétravail');
    expect(report.scores).toEqual({ seo: expect.any(Number), readability: expect.any(Number) });
    expect(report.metadata).toMatchObject({ slug: 'teletravail-france' });
    expect(report.results.length).toBeGreaterThan(10);
  });

  it.each([
    [{}, 400, 'invalid-request'],
    [{ markdown: 12 }, 400, 'invalid-request'],
    [{ markdown: 'x', slug: 3 }, 400, 'invalid-request'],
    [{ markdown: 'x', text: 'y' }, 400, 'invalid-request'],
    [{ markdown: '  ' }, 422, 'empty'],
  ])('refuses %j with %i', async (body, status, code) => {
    const response = await quietApp().request('/api/audit', jsonInit(body));
    expect(response.status).toBe(status);
    expect(await errorOf(response)).toMatchObject({ code });
  });
});

describe('POST /api/audit with the hard constraints (the live audit of an edited article)', () => {
  const markdown = `# Le télétravail progresse en France\n\n${SHORT_ARTICLE.split('\n\n').slice(1).join('\n\n')}`;
  type ConstrainedBody = Report & {
    passed?: boolean;
    constraints?: Array<{ id: string; passed: boolean; message: string; needsRewriter: boolean }>;
  };
  const ids = (body: ConstrainedBody) => body.constraints?.map((constraint) => constraint.id);

  it('adds none unless asked', async () => {
    const body = (await (
      await quietApp().request('/api/audit', jsonInit({ markdown }))
    ).json()) as ConstrainedBody;
    expect(body.constraints).toBeUndefined();
    expect(body.passed).toBeUndefined();
  });

  it('checks language, length, subheadings and metadata with constraints: true, and facts against original', async () => {
    const asked = (await (
      await quietApp().request('/api/audit', jsonInit({ markdown, constraints: true, minWords: 20 }))
    ).json()) as ConstrainedBody;
    expect(ids(asked)).toEqual(['language', 'length', 'subheadings', 'metadata']);
    expect(typeof asked.passed).toBe('boolean');

    const invented = markdown.replace('un salarié sur quatre', '37 % des salariés, selon Paul Durand,');
    const checked = (await (
      await quietApp().request(
        '/api/audit',
        jsonInit({ markdown: invented, original: SHORT_ARTICLE, minWords: 20 }),
      )
    ).json()) as ConstrainedBody;
    expect(ids(checked)).toEqual(['language', 'length', 'subheadings', 'fidelity', 'metadata']);
    const fidelity = checked.constraints?.find((constraint) => constraint.id === 'fidelity');
    expect(fidelity?.passed).toBe(false);
    expect(fidelity?.message).toMatch(/37/);
    expect(checked.passed).toBe(false);
  });

  it('takes constraints as a form field too', async () => {
    const form = new FormData();
    form.set('file', new Blob([markdown], { type: 'text/markdown' }), 'article.md');
    form.set('constraints', 'true');
    form.set('original', SHORT_ARTICLE);
    const response = await quietApp().request('/api/audit', { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(ids((await response.json()) as ConstrainedBody)).toContain('fidelity');
  });

  it.each([
    [{ markdown: 'x', constraints: 'yes' }, 'constraints'],
    [{ markdown: 'x', original: 3 }, 'original'],
  ])('refuses %j, naming the field', async (body, field) => {
    const response = await quietApp().request('/api/audit', jsonInit(body));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'invalid-request', field });
  });

  it('tells a web user how to get the LLM writer, never with a command-line flag', async () => {
    const short = { markdown, constraints: true, minWords: 700 };
    const offline = (await (
      await quietApp().request('/api/audit', jsonInit(short))
    ).json()) as ConstrainedBody;
    const length = offline.constraints?.find((constraint) => constraint.id === 'length');
    expect(length).toMatchObject({ passed: false, needsRewriter: true });
    expect(length?.message).toContain('la personne qui a lancé ce serveur Plume');
    expect(length?.message).toContain('PLUME_PROVIDER');
    expect(length?.message).not.toContain('--provider');

    const withLlm = (await (
      await quietApp({ writerFactory: createGatedWriterFactory() }).request('/api/audit', jsonInit(short))
    ).json()) as ConstrainedBody;
    expect(withLlm.constraints?.find((constraint) => constraint.id === 'length')).toMatchObject({
      passed: false,
      needsRewriter: false,
    });
  });
});

describe('LLM wording of /api/optimize for web users', () => {
  it('says what to set and where when the offline writer cannot translate or expand', async () => {
    const response = await quietApp().request(
      '/api/optimize',
      jsonInit({ text: SHORT_ARTICLE, minWords: 700 }),
    );
    const body = (await response.json()) as OptimizeBody;
    const length = body.report.constraints.find((constraint) => constraint.id === 'length');
    expect(length?.passed).toBe(false);
    expect(length?.message).toMatch(
      /la personne qui a lancé ce serveur Plume doit lui configurer un fournisseur LLM/,
    );
    expect(length?.message).not.toContain('--provider');
  });

  it('refuses the LLM writer of a server without one with the same directions', async () => {
    const response = await quietApp().request('/api/optimize', jsonInit({ text: 'x', writer: 'llm' }));
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: 'writer-unavailable', field: 'writer' });
    expect(error.message).toMatch(/^Aucun fournisseur LLM .*PLUME_PROVIDER.*relancer plume serve\.$/);
  });
});
