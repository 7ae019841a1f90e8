import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local Ghost Admin API (real HTTP) that follows the documented requests, since Ghost is not packaged
 * here: token authentication (JWT HS256 signed with the hex-decoded secret, `kid` = key id, audience
 * `/admin/`, at most 5 minutes), the Accept-Version header, posts (create, read by id or slug, edit with
 * the `updated_at` collision check, `?source=html`), image uploads and tags found or created by name.
 * Errors have Ghost's shape: `{ errors: [{ message, type }] }`.
 */
export interface GhostTestServer {
  url: string;
  /** An integration's key, `id:secret`. */
  key: string;
  /** A key Ghost knows whose integration may not write posts: 403. */
  forbiddenKey: string;
  posts: Map<string, GhostTestPost>;
  tags: { id: string; name: string; slug: string }[];
  images: { url: string; fileName: string; contentType: string; bytes: number }[];
  /** Every request: method, path with query, Accept-Version. */
  requests: { method: string; path: string; acceptVersion: string | undefined }[];
  close(): Promise<void>;
}

export interface GhostTestPost extends Record<string, unknown> {
  id: string;
  slug: string;
  updated_at: string;
  html: string | null;
  tags: { id: string; name: string; slug: string }[];
}

const API_PREFIX = '/ghost/api/admin/';

const objectId = () => randomBytes(12).toString('hex');
const newKey = () => `${objectId()}:${randomBytes(32).toString('hex')}`;

export async function startGhostTestServer(): Promise<GhostTestServer> {
  const key = newKey();
  const forbiddenKey = newKey();
  const state = {
    posts: new Map<string, GhostTestPost>(),
    tags: [] as GhostTestServer['tags'],
    images: [] as GhostTestServer['images'],
    requests: [] as GhostTestServer['requests'],
  };
  let clock = Date.parse('2026-12-05T10:00:00.000Z');
  // Each write moves the clock on, so that every `updated_at` differs from the one before.
  const tick = () => {
    clock += 1000;
    return new Date(clock).toISOString();
  };
  let baseUrl = '';
  const imageBytes = new Map<string, Buffer>();

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const acceptVersion = header(request, 'accept-version');
    state.requests.push({ method: request.method ?? '', path: url.pathname + url.search, acceptVersion });
    // Uploaded images are served where Ghost serves them.
    const served = imageBytes.get(url.pathname);
    if (request.method === 'GET' && served) {
      response.writeHead(200, { 'content-type': 'image/png' }).end(served);
      return;
    }
    if (!url.pathname.startsWith(API_PREFIX)) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
      return;
    }
    if (!acceptVersion || !/^v\d+\.\d+$/.test(acceptVersion)) {
      return ghostError(response, 400, 'BadRequestError', 'Accept-Version header missing or malformed.');
    }
    const keyId = checkToken(header(request, 'authorization'), [key, forbiddenKey]);
    if (typeof keyId !== 'string') return ghostError(response, 401, 'UnauthorizedError', keyId.problem);
    const route = url.pathname.slice(API_PREFIX.length);
    const body = await readBody(request);
    if (request.method !== 'GET' && keyId === forbiddenKey.split(':')[0]) {
      return ghostError(
        response,
        403,
        'NoPermissionError',
        'You do not have permission to perform this action',
      );
    }
    if (request.method === 'POST' && route === 'images/upload/') {
      const file = parseMultipartFile(header(request, 'content-type') ?? '', body);
      if (!file?.contentType.startsWith('image/')) {
        return ghostError(response, 415, 'UnsupportedMediaTypeError', 'Please select a valid image.');
      }
      const path = `/content/images/2026/12/${state.images.length + 1}-${encodeURIComponent(file.fileName)}`;
      const imageUrl = `${baseUrl}${path}`;
      imageBytes.set(path, file.data);
      state.images.push({
        url: imageUrl,
        fileName: file.fileName,
        contentType: file.contentType,
        bytes: file.data.length,
      });
      return json(response, 201, { images: [{ url: imageUrl, ref: null }] });
    }
    const postById = /^posts\/([0-9a-f]{24})\/$/.exec(route);
    const postBySlug = /^posts\/slug\/([^/]+)\/$/.exec(route);
    if (request.method === 'GET' && (postById || postBySlug)) {
      const post = postById
        ? state.posts.get(postById[1] ?? '')
        : [...state.posts.values()].find(
            (candidate) => candidate.slug === decodeURIComponent(postBySlug?.[1] ?? ''),
          );
      if (!post) return ghostError(response, 404, 'NotFoundError', 'Post not found.');
      return json(response, 200, { posts: [post] });
    }
    if (request.method === 'GET' && route === 'tags/') {
      return json(response, 200, { tags: state.tags, meta: { pagination: { total: state.tags.length } } });
    }
    if ((request.method === 'POST' && route === 'posts/') || (request.method === 'PUT' && postById)) {
      const input = parsePostInput(body);
      if (!input)
        return ghostError(response, 422, 'ValidationError', 'Request body must hold posts: [ { … } ].');
      const existing = postById ? state.posts.get(postById[1] ?? '') : undefined;
      if (postById && !existing) return ghostError(response, 404, 'NotFoundError', 'Post not found.');
      if (existing && input.updated_at !== existing.updated_at) {
        return input.updated_at === undefined
          ? ghostError(response, 422, 'ValidationError', 'Validation (FieldIsRequired) failed for updated_at')
          : ghostError(
              response,
              409,
              'UpdateCollisionError',
              'Saving failed! Someone else is editing this post.',
            );
      }
      const post = savePost(input, existing, url.searchParams.get('source') === 'html');
      return json(response, existing ? 200 : 201, { posts: [post] });
    }
    return ghostError(response, 404, 'NotFoundError', 'Resource not found');
  };

  const savePost = (
    input: Record<string, unknown>,
    existing: GhostTestPost | undefined,
    sourceHtml: boolean,
  ) => {
    const now = tick();
    const id = existing?.id ?? objectId();
    let slug = String(input.slug ?? existing?.slug ?? id);
    // Ghost makes a taken slug unique (`-2`): a publisher that does not look first writes duplicates.
    const taken = (candidate: string) =>
      [...state.posts.values()].some((post) => post.slug === candidate && post.id !== id);
    for (let suffix = 2; taken(slug); suffix += 1) slug = `${String(input.slug)}-${suffix}`;
    const { updated_at: _updatedAt, html, tags, ...fields } = input;
    const post: GhostTestPost = {
      ...(existing ?? { uuid: randomBytes(16).toString('hex'), created_at: now, status: 'draft' }),
      ...fields,
      id,
      slug,
      // Without `?source=html` Ghost ignores `html`: the post would be empty.
      html: sourceHtml && typeof html === 'string' ? html : (existing?.html ?? null),
      tags: Array.isArray(tags) ? tags.map(findOrCreateTag) : (existing?.tags ?? []),
      updated_at: now,
      url: `${baseUrl}/p/${id}/`,
    };
    state.posts.set(id, post);
    return post;
  };

  const findOrCreateTag = (value: unknown) => {
    const name = typeof value === 'string' ? value : String((value as { name?: unknown }).name ?? '');
    const found = state.tags.find((tag) => tag.name.toLowerCase() === name.toLowerCase());
    if (found) return found;
    const tag = { id: objectId(), name, slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-') };
    state.tags.push(tag);
    return tag;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      ghostError(response, 500, 'InternalServerError', String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    key,
    forbiddenKey,
    ...state,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The key id when the token is right, else why not (Ghost's checks, in its order). */
function checkToken(authorization: string | undefined, keys: string[]): string | { problem: string } {
  const match = /^Ghost ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
  if (!match) return { problem: 'Authorization header format is "Authorization: Ghost [token]"' };
  const [, encodedHeader = '', encodedPayload = '', signature = ''] = match;
  let tokenHeader: { alg?: unknown; kid?: unknown };
  let payload: { aud?: unknown; iat?: unknown; exp?: unknown };
  try {
    tokenHeader = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(encodedPayload, 'base64url').toString('utf8'));
  } catch {
    return { problem: 'Invalid JWT' };
  }
  const key = keys.find((candidate) => candidate.split(':')[0] === tokenHeader.kid);
  if (!key) return { problem: 'Unknown Admin API Key' };
  if (tokenHeader.alg !== 'HS256') return { problem: 'Invalid token algorithm' };
  const secret = Buffer.from(key.split(':')[1] ?? '', 'hex');
  const expected = createHmac('sha256', secret).update(`${encodedHeader}.${encodedPayload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { problem: 'Invalid signature' };
  if (payload.aud !== '/admin/') return { problem: 'Invalid token audience' };
  const now = Math.floor(Date.now() / 1000);
  if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number')
    return { problem: 'Missing iat or exp' };
  if (payload.exp - payload.iat > 5 * 60) return { problem: 'Maximum lifetime is 5 minutes' };
  if (payload.exp < now || payload.iat > now + 60) return { problem: 'Token expired' };
  return key.split(':')[0] ?? '';
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function parsePostInput(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { posts?: unknown };
    const [first] = Array.isArray(parsed.posts) ? parsed.posts : [];
    return typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The `file` part of a multipart/form-data body. */
function parseMultipartFile(
  contentType: string,
  body: Buffer,
): { fileName: string; contentType: string; data: Buffer } | undefined {
  const boundary = /boundary=([^;]+)/.exec(contentType)?.[1];
  if (!boundary) return undefined;
  const text = body.toString('latin1');
  for (const part of text.split(`--${boundary}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    if (!/name="file"/.test(headers)) continue;
    // form-data writes the name in UTF-8; the body was read as latin1 to keep byte offsets.
    const fileName = Buffer.from(/filename="([^"]*)"/.exec(headers)?.[1] ?? '', 'latin1').toString('utf8');
    const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? '';
    // Less the CRLF before the next boundary.
    const data = Buffer.from(part.slice(headerEnd + 4, part.length - 2), 'latin1');
    return { fileName, contentType: type.trim(), data };
  }
  return undefined;
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

function ghostError(response: ServerResponse, status: number, type: string, message: string): void {
  json(response, status, { errors: [{ message, type, context: null }] });
}
