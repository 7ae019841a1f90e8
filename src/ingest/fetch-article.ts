import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, isIPv4, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { decodeSource } from './decode-source.js';
import { MAX_INPUT_BYTES } from './input-error.js';

/** A page fetched for a `url` source (`plume optimize https://…`, `POST /api/optimize {url}`). */
export interface FetchedArticle {
  /** The page, decoded from its charset to NFC text with `\n` line ends. */
  text: string;
  /** The address finally read, after redirects: it resolves the page's relative links. */
  url: string;
  /** The media type the server declared (`text/html`). */
  contentType: string;
}

export type FetchArticle = (url: string, options?: { signal?: AbortSignal }) => Promise<FetchedArticle>;

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** One HTTP exchange with an address already vetted: the transport must connect to `address`, nowhere else. */
export interface HopRequest {
  url: URL;
  address: ResolvedAddress;
  headers: Record<string, string>;
  signal: AbortSignal;
}

export interface HopResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  /** The raw body (still compressed if the server compressed it). */
  body: AsyncIterable<Uint8Array>;
}

export type HttpTransport = (request: HopRequest) => Promise<HopResponse>;

export interface ArticleFetcherOptions {
  /** Let URLs reach loopback, private, link-local and other non-public addresses (default: false). */
  allowPrivateUrls?: boolean;
  /** Largest page accepted, in bytes after decompression (default: 5 MB). */
  maxBytes?: number;
  /** Time limit for the whole fetch, redirects included, in milliseconds (default: 10 000). */
  timeoutMs?: number;
  /** Redirects followed at most (default: 5). */
  maxRedirects?: number;
  /** DNS resolution, every address of a name (default: `dns.promises.lookup` with `all: true`). */
  resolveHost?: (hostname: string) => Promise<ResolvedAddress[]>;
  /** The HTTP exchange (default: `node:http`/`node:https` pinned to the vetted address). */
  transport?: HttpTransport;
  /** User-Agent header (default: `Plume (article import)`). */
  userAgent?: string;
}

/** What an address is; only `public` ones are fetched unless private URLs are allowed. */
export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared'
  | 'link-local'
  | 'multicast'
  | 'documentation'
  | 'reserved'
  | 'invalid';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const HTML_MEDIA_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** IPv4 ranges that are not the public Internet (RFC 6890 and successors), most specific kinds first. */
const IPV4_RANGES: ReadonlyArray<readonly [string, number, AddressKind]> = [
  ['0.0.0.0', 8, 'unspecified'], // "this network": 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared'], // carrier-grade NAT
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // includes the cloud metadata service 169.254.169.254
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, 'reserved'], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // future use, and 255.255.255.255 broadcast
];

/**
 * Classifies an IP address (v4 or v6, brackets and zone allowed). IPv6 forms that embed an IPv4
 * address (mapped `::ffff:127.0.0.1`, compatible, NAT64, 6to4) are judged by that address, since
 * the connection may end up there.
 */
export function classifyAddress(address: string): AddressKind {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(bare)) return classifyIpv4(ipv4ToNumber(bare));
  const groups = parseIpv6(bare);
  return groups === undefined ? 'invalid' : classifyIpv6(groups);
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

function classifyIpv4(value: number): AddressKind {
  for (const [base, bits, kind] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    const start = ipv4ToNumber(base);
    if (value >= start && value < start + size) return kind;
  }
  return 'public';
}

/** Eight 16-bit groups, or undefined when `address` is not IPv6. */
function parseIpv6(address: string): number[] | undefined {
  if (isIP(address) !== 6) return undefined;
  let text = address.toLowerCase();
  // A trailing dotted quad (::ffff:1.2.3.4) stands for the last two groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const value = ipv4ToNumber(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(zeros).fill('0'), ...tailGroups].map((group) =>
    Number.parseInt(group, 16),
  );
  return groups.length === 8 ? groups : undefined;
}

function embeddedIpv4(high: number, low: number): number {
  return high * 65536 + low;
}

function classifyIpv6(groups: number[]): AddressKind {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified';
  if (firstFiveZero && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  // IPv4-mapped ::ffff:a.b.c.d and the deprecated IPv4-compatible ::a.b.c.d.
  if (firstFiveZero && (g5 === 0xffff || g5 === 0)) return classifyIpv4(embeddedIpv4(g6, g7));
  // NAT64 64:ff9b::/96 reaches the embedded IPv4 address; 64:ff9b:1::/48 is for local use.
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return classifyIpv4(embeddedIpv4(g6, g7));
  }
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'private';
  // 6to4 2002::/16 carries an IPv4 address in its second and third groups.
  if (g0 === 0x2002) return classifyIpv4(embeddedIpv4(g1, g2));
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // unique local fc00::/7 (AWS metadata fd00:ec2::254)
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  if (g0 === 0x2001 && g1 === 0) return 'reserved'; // Teredo: tunnels to an obfuscated IPv4 address
  // Only 2000::/3 is allocated as global unicast; everything else (100::/64 discard…) is not the Internet.
  if ((g0 & 0xe000) !== 0x2000) return 'reserved';
  return 'public';
}

/** The HTTP status a refusal maps to: the API answers it, the CLI exits 2 for every one. */
export type FetchArticleStatus = 400 | 413 | 415 | 502 | 504;

/** Refusals of the fetch, with the status the API answers and a French message for the reader. */
export class FetchArticleError extends Error {
  override readonly name = 'FetchArticleError';
  readonly status: FetchArticleStatus;
  readonly code: string;
  /** The request field at fault (`url`) for a 400. */
  readonly field: string | undefined;

  constructor(status: FetchArticleStatus, code: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.status = status;
    this.code = code;
    this.field = status === 400 ? 'url' : undefined;
  }

  static isInstance(error: unknown): error is FetchArticleError {
    return (
      error instanceof Error &&
      error.name === 'FetchArticleError' &&
      typeof (error as FetchArticleError).status === 'number'
    );
  }
}

/**
 * Builds the fetcher for `url` sources. Defends against server-side request forgery: http and
 * https only; every address of the host resolved here and checked (loopback, private, link-local,
 * CGNAT, multicast… refused unless `allowPrivateUrls`); the connection pinned to the checked
 * address so that a second DNS answer (rebinding) cannot redirect it; redirects followed by hand
 * and each hop checked again; size, time and media type limited.
 */
export function createArticleFetcher(options: ArticleFetcherOptions = {}): FetchArticle {
  const maxBytes = options.maxBytes ?? MAX_INPUT_BYTES;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const resolveHost = options.resolveHost ?? resolveWithDns;
  const transport = options.transport ?? pinnedTransport;
  const headers = {
    'user-agent': options.userAgent ?? 'Plume (article import)',
    accept: 'text/html,application/xhtml+xml;q=0.9',
    'accept-encoding': 'gzip, deflate, br',
    'accept-language': 'fr,en;q=0.5',
  };

  return async (address, fetchOptions = {}) => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new Error('timeout')), timeoutMs);
    const onCallerAbort = () => deadline.abort(fetchOptions.signal?.reason);
    fetchOptions.signal?.addEventListener('abort', onCallerAbort, { once: true });
    try {
      fetchOptions.signal?.throwIfAborted();
      let url = parseHttpUrl(address);
      for (let redirects = 0; ; redirects++) {
        const vetted = await vetHost(url, resolveHost, options.allowPrivateUrls === true, deadline.signal);
        const response = await transport({ url, address: vetted, headers, signal: deadline.signal });
        const location = response.headers.location;
        if (REDIRECT_STATUSES.has(response.status) && location) {
          discard(response.body);
          if (redirects >= maxRedirects) {
            throw new FetchArticleError(502, 'url-too-many-redirects', 'La page redirige trop de fois.');
          }
          url = parseHttpUrl(location, url);
          continue;
        }
        return await readPage(url, response, maxBytes, deadline.signal);
      }
    } catch (error) {
      if (fetchOptions.signal?.aborted) throw fetchOptions.signal.reason ?? error;
      if (deadline.signal.aborted) {
        throw new FetchArticleError(504, 'url-timeout', `La page n’a pas répondu en ${timeoutMs / 1000} s.`);
      }
      throw toFetchError(error);
    } finally {
      clearTimeout(timer);
      fetchOptions.signal?.removeEventListener('abort', onCallerAbort);
    }
  };
}

/** Parses and checks an address (relative to `base` for a redirect): http(s), no credentials. */
function parseHttpUrl(address: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new FetchArticleError(
      400,
      'url-invalid',
      'Adresse invalide : une adresse http ou https est attendue.',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchArticleError(400, 'url-invalid', 'Seules les adresses http et https sont acceptées.');
  }
  if (url.username !== '' || url.password !== '') {
    throw new FetchArticleError(
      400,
      'url-invalid',
      'Une adresse avec identifiant ou mot de passe est refusée.',
    );
  }
  return url;
}

/**
 * Resolves the host (the WHATWG parser has already turned `2130706433` and `0x7f.1` into
 * `127.0.0.1`) and refuses it if ANY of its addresses is not public: a name that answers with both
 * a public and a private address is an attack, not a mistake.
 */
async function vetHost(
  url: URL,
  resolveHost: (hostname: string) => Promise<ResolvedAddress[]>,
  allowPrivate: boolean,
  signal: AbortSignal,
): Promise<ResolvedAddress> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = isIP(hostname);
  const addresses: ResolvedAddress[] =
    literal === 0
      ? await abortable(resolveHost(hostname), signal)
      : [{ address: hostname, family: literal as 4 | 6 }];
  const first = addresses[0];
  if (first === undefined) {
    throw new FetchArticleError(502, 'url-unreachable', `Le site ${hostname} est introuvable.`);
  }
  if (!allowPrivate && addresses.some((resolved) => !isPublicAddress(resolved.address))) {
    throw new FetchArticleError(
      400,
      'url-forbidden',
      `L’adresse ${url.host} mène à un réseau privé ou local : elle est refusée.`,
    );
  }
  return first;
}

async function resolveWithDns(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dnsLookup(hostname, { all: true });
  return answers.map((answer) => ({ address: answer.address, family: answer.family === 6 ? 6 : 4 }));
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function readPage(
  url: URL,
  response: HopResponse,
  maxBytes: number,
  signal: AbortSignal,
): Promise<FetchedArticle> {
  if (response.status < 200 || response.status > 299) {
    discard(response.body);
    throw new FetchArticleError(
      502,
      'url-http-error',
      `La page a répondu avec le statut HTTP ${response.status}.`,
    );
  }
  const contentType = response.headers['content-type'] ?? '';
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!HTML_MEDIA_TYPES.has(mediaType)) {
    discard(response.body);
    throw new FetchArticleError(
      415,
      'url-unsupported-type',
      `La page n’est pas une page HTML (${mediaType || 'type inconnu'}).`,
    );
  }
  const declaredLength = Number(response.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes) {
    discard(response.body);
    throw tooLarge(maxBytes);
  }
  const bytes = await collect(response.body, response.headers['content-encoding'], maxBytes, signal);
  const charset = charsetOf(contentType) ?? sniffCharset(bytes) ?? 'utf-8';
  let decoded: string;
  try {
    // Lenient like a browser: one bad byte in a page should not lose the article.
    decoded = new TextDecoder(charset).decode(bytes);
  } catch {
    decoded = new TextDecoder('utf-8').decode(bytes);
  }
  // Back through the shared decoder for the same checks as any source: binary, empty, NFC, line ends.
  const text = decodeSource(Buffer.from(decoded, 'utf8'), url.href, { maxBytes: Number.POSITIVE_INFINITY });
  return { text, url: url.href, contentType: mediaType };
}

/**
 * Reads the body, decompressing it, and stops as soon as the decompressed size passes `maxBytes`.
 * A body cut by the time limit is an error, never a page: when the connection's end is the body's
 * end (no length, no chunks), closing it at the deadline looks like a normal end of the stream.
 */
async function collect(
  body: AsyncIterable<Uint8Array>,
  encoding: string | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const source = body instanceof Readable ? body : Readable.from(body, { objectMode: false });
  let decompressor: ReturnType<typeof createDecompressor>;
  try {
    decompressor = createDecompressor(encoding?.trim().toLowerCase() ?? 'identity');
  } catch (error) {
    source.destroy();
    throw error;
  }
  const stream = decompressor ? source.pipe(decompressor) : source;
  if (decompressor) source.on('error', (error) => decompressor.destroy(error));
  const chunks: Buffer[] = [];
  let byteCount = 0;
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      byteCount += buffer.byteLength;
      if (byteCount > maxBytes) throw tooLarge(maxBytes);
      chunks.push(buffer);
      signal.throwIfAborted();
    }
    signal.throwIfAborted();
  } finally {
    source.destroy();
    decompressor?.destroy();
  }
  return Buffer.concat(chunks, byteCount);
}

function createDecompressor(encoding: string) {
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new FetchArticleError(
        415,
        'url-unsupported-type',
        `Compression non prise en charge : ${encoding}.`,
      );
  }
}

function charsetOf(contentType: string): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType)?.[1];
}

/** `<meta charset>` or its http-equiv form, in the first kilobyte as the HTML standard prescribes. */
function sniffCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
}

function tooLarge(maxBytes: number): FetchArticleError {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new FetchArticleError(413, 'url-too-large', `La page dépasse la taille maximale (${megabytes} Mo).`);
}

function discard(body: AsyncIterable<Uint8Array>): void {
  if (body instanceof Readable) body.destroy();
}

function toFetchError(error: unknown): unknown {
  if (FetchArticleError.isInstance(error)) return error;
  // InputError (binary, empty page…) keeps its own mapping to 422.
  if (error instanceof Error && error.name === 'InputError') return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') {
    return new FetchArticleError(
      502,
      'url-unreachable',
      'Le site est introuvable (nom de domaine inconnu).',
      error,
    );
  }
  return new FetchArticleError(502, 'url-unreachable', 'Le site n’a pas pu être joint.', error);
}

/**
 * The default transport: `node:http(s)` with a `lookup` that answers with the vetted address only,
 * whatever DNS would say now. TLS still checks the certificate against the host name.
 */
export const pinnedTransport: HttpTransport = (request) =>
  new Promise<HopResponse>((resolve, reject) => {
    const { url, address } = request;
    const client = url.protocol === 'https:' ? https : http;
    const pinnedLookup: LookupFunction = (_hostname, lookupOptions, callback) => {
      // With autoSelectFamily (the Node 20 default) net asks for every address at once.
      if ((lookupOptions as { all?: boolean }).all) {
        (callback as unknown as (error: null, addresses: ResolvedAddress[]) => void)(null, [address]);
      } else {
        callback(null, address.address, address.family);
      }
    };
    const outgoing = client.request(
      url,
      {
        method: 'GET',
        headers: request.headers,
        lookup: pinnedLookup,
        // No pooled socket: a kept-alive connection could belong to another address.
        agent: false,
        signal: request.signal,
      },
      (incoming) => {
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(incoming.headers)) {
          headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        resolve({ status: incoming.statusCode ?? 0, headers, body: incoming });
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
