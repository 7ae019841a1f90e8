import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AddressKind,
  classifyAddress,
  createArticleFetcher,
  type HopRequest,
  type HopResponse,
  isPublicAddress,
  type ResolvedAddress,
} from '../../src/ingest/fetch-article.js';
import { articlePage, type LocalHttpServer, startLocalHttpServer } from '../server/server-helpers.js';

const ADDRESSES: ReadonlyArray<readonly [string, AddressKind]> = [
  // Public
  ['93.184.216.34', 'public'],
  ['8.8.8.8', 'public'],
  ['11.0.0.1', 'public'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['169.253.255.255', 'public'],
  ['192.169.0.1', 'public'],
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4007:80e::200e', 'public'],
  ['::ffff:8.8.8.8', 'public'],
  ['64:ff9b::808:808', 'public'],
  ['2002:808:808::1', 'public'],
  // Loopback, in every spelling
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::127.0.0.1', 'loopback'],
  ['64:ff9b::127.0.0.1', 'loopback'],
  ['2002:7f00:1::1', 'loopback'],
  // Private
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:192.168.0.1', 'private'],
  ['2002:c0a8:101::1', 'private'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fd00:ec2::254', 'private'],
  ['fec0::1', 'private'],
  ['64:ff9b:1::1', 'private'],
  // Carrier-grade NAT
  ['100.64.0.1', 'shared'],
  ['100.127.255.255', 'shared'],
  // Link-local and cloud metadata
  ['169.254.169.254', 'link-local'],
  ['169.254.0.1', 'link-local'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf::1', 'link-local'],
  // Unspecified, "this network"
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['::', 'unspecified'],
  ['::ffff:0.0.0.0', 'unspecified'],
  // Multicast
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['ff02::1', 'multicast'],
  ['ff05::1:3', 'multicast'],
  // Reserved, documentation
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['192.0.0.8', 'reserved'],
  ['100::1', 'reserved'],
  ['2001::1', 'reserved'],
  ['::ffff:0:7f00:1', 'reserved'],
  ['192.0.2.1', 'documentation'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.9', 'documentation'],
  ['2001:db8::1', 'documentation'],
  // Not addresses at all
  ['example.com', 'invalid'],
  ['1.2.3', 'invalid'],
  ['256.1.1.1', 'invalid'],
  ['::g', 'invalid'],
];

describe('classifyAddress', () => {
  it.each(ADDRESSES)('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
    expect(isPublicAddress(address)).toBe(kind === 'public');
  });
});

const PUBLIC_ADDRESS: ResolvedAddress = { address: '93.184.216.34', family: 4 };

interface FakeRoute {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | Buffer[];
}

/** A transport serving canned responses by URL; it records every hop it is asked to make. */
function fakeTransport(routes: Record<string, FakeRoute>) {
  const hops: HopRequest[] = [];
  const transport = async (request: HopRequest): Promise<HopResponse> => {
    hops.push(request);
    const route = routes[request.url.href];
    if (route === undefined) return { status: 404, headers: {}, body: Readable.from([]) };
    const body = route.body ?? '';
    const chunks = Array.isArray(body) ? body : [Buffer.from(body)];
    return {
      status: route.status ?? 200,
      headers: { 'content-type': 'text/html; charset=utf-8', ...route.headers },
      body: Readable.from(chunks),
    };
  };
  return { transport, hops };
}

/** DNS from a table; unknown names fail like the real resolver. */
function fakeResolver(table: Record<string, string[]>) {
  const asked: string[] = [];
  const resolveHost = async (hostname: string): Promise<ResolvedAddress[]> => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (addresses === undefined)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolveHost, asked };
}

const PAGE = articlePage('Le télétravail');

describe('createArticleFetcher: addresses refused before any connection', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['http://127.0.0.1/', 'url-forbidden'],
    ['http://2130706433/', 'url-forbidden'], // decimal 127.0.0.1
    ['http://0x7f.0.0.1/', 'url-forbidden'], // hexadecimal
    ['http://017700000001/', 'url-forbidden'], // octal
    ['http://127.1/', 'url-forbidden'], // short form
    ['http://[::1]:8080/', 'url-forbidden'],
    ['http://[::ffff:127.0.0.1]/', 'url-forbidden'],
    ['http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'url-forbidden'], // 169.254.169.254, mapped
    ['http://169.254.169.254/latest/meta-data/', 'url-forbidden'],
    ['http://0.0.0.0:8787/', 'url-forbidden'],
    ['http://10.1.2.3/', 'url-forbidden'],
    ['http://100.100.100.200/', 'url-forbidden'], // Alibaba metadata, CGNAT range
    ['http://[fd00:ec2::254]/', 'url-forbidden'],
    ['http://internal.test/', 'url-forbidden'],
    ['http://metadata.test/', 'url-forbidden'],
    ['http://mixed.test/', 'url-forbidden'], // one public, one private answer
    ['ftp://example.test/article.html', 'url-invalid'],
    ['file:///etc/passwd', 'url-invalid'],
    ['javascript:alert(1)', 'url-invalid'],
    ['gopher://example.test/', 'url-invalid'],
    ['http://user:secret@example.test/', 'url-invalid'],
    ['not a url', 'url-invalid'],
  ];
  const { resolveHost } = fakeResolver({
    'internal.test': ['10.0.0.5'],
    'metadata.test': ['169.254.169.254'],
    'mixed.test': ['93.184.216.34', '192.168.0.10'],
    'example.test': ['93.184.216.34'],
  });

  it.each(cases)('%s -> %s', async (url, code) => {
    const { transport, hops } = fakeTransport({});
    const fetchArticle = createArticleFetcher({ resolveHost, transport });
    await expect(fetchArticle(url)).rejects.toMatchObject({ code, status: 400, field: 'url' });
    expect(hops).toEqual([]);
  });

  it('refuses localhost through the real resolver', async () => {
    const { transport, hops } = fakeTransport({});
    await expect(createArticleFetcher({ transport })('http://localhost:9/')).rejects.toMatchObject({
      code: 'url-forbidden',
    });
    expect(hops).toEqual([]);
  });

  it('reports an unknown host as unreachable (502)', async () => {
    const { transport } = fakeTransport({});
    await expect(
      createArticleFetcher({ resolveHost, transport })('http://nowhere.test/'),
    ).rejects.toMatchObject({
      code: 'url-unreachable',
      status: 502,
    });
  });
});

describe('createArticleFetcher: redirects', () => {
  const { resolveHost } = fakeResolver({
    'example.test': ['93.184.216.34'],
    'other.test': ['2606:4700:4700::1111'],
    'internal.test': ['10.0.0.5'],
  });

  it('follows a redirect, relative or absolute, and pins each hop to its vetted address', async () => {
    const { transport, hops } = fakeTransport({
      'http://example.test/a': { status: 301, headers: { location: '/b' } },
      'http://example.test/b': { status: 302, headers: { location: 'https://other.test/article' } },
      'https://other.test/article': { body: PAGE },
    });
    const page = await createArticleFetcher({ resolveHost, transport })('http://example.test/a');
    expect(page.url).toBe('https://other.test/article');
    expect(page.text).toContain('télétravail');
    expect(hops.map((hop) => [hop.url.href, hop.address.address])).toEqual([
      ['http://example.test/a', '93.184.216.34'],
      ['http://example.test/b', '93.184.216.34'],
      ['https://other.test/article', '2606:4700:4700::1111'],
    ]);
  });

  it.each([
    ['http://127.0.0.1/admin'],
    ['http://2130706433/'],
    ['http://[::ffff:127.0.0.1]/'],
    ['http://internal.test/secret'],
    ['http://169.254.169.254/latest/meta-data/iam/'],
  ])('refuses a redirect to %s without requesting it', async (location) => {
    const { transport, hops } = fakeTransport({
      'http://example.test/': { status: 302, headers: { location } },
    });
    await expect(
      createArticleFetcher({ resolveHost, transport })('http://example.test/'),
    ).rejects.toMatchObject({
      code: 'url-forbidden',
      status: 400,
    });
    expect(hops).toHaveLength(1);
  });

  it('refuses a redirect to another scheme', async () => {
    const { transport } = fakeTransport({
      'http://example.test/': { status: 307, headers: { location: 'file:///etc/passwd' } },
    });
    await expect(
      createArticleFetcher({ resolveHost, transport })('http://example.test/'),
    ).rejects.toMatchObject({
      code: 'url-invalid',
    });
  });

  it('follows 5 redirects and refuses the 6th', async () => {
    const routes: Record<string, FakeRoute> = {};
    for (let hop = 0; hop < 6; hop++) {
      routes[`http://example.test/${hop}`] = { status: 302, headers: { location: `/${hop + 1}` } };
    }
    routes['http://example.test/6'] = { body: PAGE };
    const { transport } = fakeTransport(routes);
    const fetchArticle = createArticleFetcher({ resolveHost, transport });
    await expect(fetchArticle('http://example.test/1')).resolves.toMatchObject({
      url: 'http://example.test/6',
    });
    await expect(fetchArticle('http://example.test/0')).rejects.toMatchObject({
      code: 'url-too-many-redirects',
      status: 502,
    });
  });
});

describe('createArticleFetcher: responses', () => {
  const { resolveHost } = fakeResolver({ 'example.test': ['93.184.216.34'] });
  const fetchOne = (route: FakeRoute, options: { maxBytes?: number } = {}) => {
    const { transport } = fakeTransport({ 'http://example.test/': route });
    return createArticleFetcher({ resolveHost, transport, ...options })('http://example.test/');
  };

  it('accepts text/html and application/xhtml+xml', async () => {
    await expect(fetchOne({ body: PAGE })).resolves.toMatchObject({ contentType: 'text/html' });
    await expect(
      fetchOne({ body: PAGE, headers: { 'content-type': 'application/xhtml+xml' } }),
    ).resolves.toMatchObject({ contentType: 'application/xhtml+xml' });
  });

  it.each([['application/pdf'], ['text/plain'], ['application/json'], ['image/svg+xml'], ['']])(
    'refuses content type "%s" with 415',
    async (contentType) => {
      await expect(fetchOne({ body: 'x', headers: { 'content-type': contentType } })).rejects.toMatchObject({
        code: 'url-unsupported-type',
        status: 415,
      });
    },
  );

  it('reports an HTTP error status as 502', async () => {
    await expect(fetchOne({ status: 404, body: 'Not found' })).rejects.toMatchObject({
      code: 'url-http-error',
      status: 502,
    });
  });

  it('refuses a page over the size limit from Content-Length, and while streaming', async () => {
    await expect(
      fetchOne({ body: PAGE, headers: { 'content-length': '2000' } }, { maxBytes: 1000 }),
    ).rejects.toMatchObject({
      code: 'url-too-large',
      status: 413,
    });
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(200, 'a'));
    await expect(fetchOne({ body: chunks }, { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'url-too-large',
    });
  });

  it('decompresses gzip, and counts the limit after decompression (no zip bomb)', async () => {
    const page = await fetchOne({ body: gzipSync(PAGE), headers: { 'content-encoding': 'gzip' } });
    expect(page.text).toContain('télétravail');
    const bomb = gzipSync(Buffer.alloc(10_000_000, 'a'));
    expect(bomb.byteLength).toBeLessThan(20_000);
    await expect(
      fetchOne({ body: bomb, headers: { 'content-encoding': 'gzip' } }, { maxBytes: 100_000 }),
    ).rejects.toMatchObject({ code: 'url-too-large' });
  });

  it('decodes the declared charset, or the one in <meta>', async () => {
    const latin1 = Buffer.from(
      '<html><body><p>Café crème à l’été</p></body></html>'.replace('’', "'"),
      'latin1',
    );
    await expect(
      fetchOne({ body: latin1, headers: { 'content-type': 'text/html; charset=ISO-8859-1' } }),
    ).resolves.toMatchObject({ text: expect.stringContaining('Café crème') });
    const sniffed = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>'),
      latin1,
    ]);
    await expect(
      fetchOne({ body: sniffed, headers: { 'content-type': 'text/html' } }),
    ).resolves.toMatchObject({
      text: expect.stringContaining('Café crème'),
    });
  });

  it('gives up after the time limit with 504', async () => {
    const transport = (request: HopRequest) =>
      new Promise<HopResponse>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
      });
    // The transport never answers: only the time limit can end this.
    await expect(
      createArticleFetcher({ resolveHost, transport, timeoutMs: 50 })('http://example.test/'),
    ).rejects.toMatchObject({ code: 'url-timeout', status: 504 });
  });

  it('stops when the caller aborts, with the caller’s reason', async () => {
    const transport = (request: HopRequest) =>
      new Promise<HopResponse>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason));
      });
    const controller = new AbortController();
    const pending = createArticleFetcher({ resolveHost, transport })('http://example.test/', {
      signal: controller.signal,
    });
    const reason = new Error('client gone');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});

describe('createArticleFetcher over a real socket', () => {
  let server: LocalHttpServer;
  beforeAll(async () => {
    server = await startLocalHttpServer((request, response, port) => {
      if (request.url === '/moved') {
        response.writeHead(302, { location: `http://127.0.0.1:${port}/article` }).end();
      } else if (request.url === '/gzip') {
        response
          .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
          .end(gzipSync(PAGE));
      } else if (request.url === '/slow') {
        // The head of a page, then nothing: the rest would come long after any time limit.
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.write(PAGE.slice(0, 200));
      } else if (request.url === '/slow-gzip') {
        response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        const zipped = gzipSync(PAGE);
        response.write(zipped.subarray(0, Math.floor(zipped.length / 2)));
      } else if (request.url === '/json') {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      }
    });
  });
  afterAll(() => server.close());

  it('refuses the local server by default', async () => {
    await expect(createArticleFetcher()(`${server.url}article`)).rejects.toMatchObject({
      code: 'url-forbidden',
    });
  });

  it('reads it with allowPrivateUrls, following a redirect and decompressing', async () => {
    const fetchArticle = createArticleFetcher({ allowPrivateUrls: true });
    const page = await fetchArticle(`${server.url}moved`);
    expect(page.url).toBe(`${server.url}article`);
    expect(page.text).toContain('<article>');
    await expect(fetchArticle(`${server.url}gzip`)).resolves.toMatchObject({
      text: expect.stringContaining('télétravail'),
    });
    await expect(fetchArticle(`${server.url}json`)).rejects.toMatchObject({ status: 415 });
  });

  it('treats a time limit reached mid-body of a close-delimited page as a timeout', async () => {
    // No length, no chunks: the end of the body is the end of the connection, as in HTTP/1.0.
    const sockets = new Set<Socket>();
    const raw = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('data', () => {
        socket.write(
          'HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\nconnection: close\r\n\r\n',
        );
        socket.write(PAGE.slice(0, 210));
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const { port } = raw.address() as AddressInfo;
    try {
      const fetchArticle = createArticleFetcher({ allowPrivateUrls: true, timeoutMs: 300 });
      await expect(fetchArticle(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({
        code: 'url-timeout',
        status: 504,
      });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => raw.close(() => resolve()));
    }
  });

  it('treats a time limit reached mid-body as a timeout, not as the whole page', async () => {
    const fetchArticle = createArticleFetcher({ allowPrivateUrls: true, timeoutMs: 300 });
    for (const path of ['slow', 'slow-gzip']) {
      await expect(fetchArticle(`${server.url}${path}`)).rejects.toMatchObject({
        name: 'FetchArticleError',
        code: 'url-timeout',
        status: 504,
        message: expect.stringMatching(/^La page n’a pas répondu/),
      });
    }
  });

  it('connects to the vetted address, not to a second DNS answer (rebinding)', async () => {
    let lookups = 0;
    const resolveHost = async (): Promise<ResolvedAddress[]> => {
      lookups++;
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const page = await createArticleFetcher({ allowPrivateUrls: true, resolveHost })(
      `http://rebind.test:${server.port}/article`,
    );
    // `rebind.test` does not exist: only the pinned address can have been used.
    expect(page.url).toBe(`http://rebind.test:${server.port}/article`);
    expect(server.hosts.at(-1)).toBe(`rebind.test:${server.port}`);
    expect(lookups).toBe(1);
  });

  it('refuses a name whose vetted answer is private, even with a public first lookup elsewhere', async () => {
    await expect(
      createArticleFetcher({
        resolveHost: async () => [PUBLIC_ADDRESS, { address: '127.0.0.1', family: 4 }],
      })(`http://rebind.test:${server.port}/article`),
    ).rejects.toMatchObject({ code: 'url-forbidden' });
  });
});
