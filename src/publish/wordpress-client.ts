import { PublishError } from './publish-error.js';

/** The post statuses `plume publish` may set; a draft by default. */
export const WORDPRESS_STATUSES = ['draft', 'pending', 'publish'] as const;
export type WordPressStatus = (typeof WORDPRESS_STATUSES)[number];

/**
 * The SEO plugins' meta keys, as `wordpress/plume-seo-meta.php` registers them for REST: Yoast SEO's
 * title, meta description and focus keyphrase, then Rank Math's.
 */
export const SEO_META_KEYS = [
  '_yoast_wpseo_title',
  '_yoast_wpseo_metadesc',
  '_yoast_wpseo_focuskw',
  'rank_math_title',
  'rank_math_description',
  'rank_math_focus_keyword',
] as const;

/** An image to upload as the featured image. */
export interface FeaturedImage {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
  alt: string;
}

/** What is sent to WordPress for one article. */
export interface WordPressPost {
  /** The H1. */
  title: string;
  /** The body as an HTML fragment (no H1). */
  content: string;
  /** The meta description. */
  excerpt: string;
  slug: string;
  /** ISO 8601; without a time zone, the site's local time. */
  date?: string;
  /** Draft when creating; an update without one keeps the post's status (a rerun never unpublishes). */
  status?: WordPressStatus;
  tags: string[];
  categories: string[];
  seo: { title: string; description: string; keyphrase: string };
  image?: FeaturedImage;
  /** An already uploaded featured image (recorded by a previous run): not uploaded again. */
  imageId?: number;
}

export interface WordPressPublishOptions {
  /** Site address, e.g. `https://example.org` (the REST API is under `/wp-json/`). */
  site: string;
  user: string;
  /** An application password (Users › Profile › Application passwords). */
  password: string;
  /** The post id a previous run recorded: updated when it still exists. */
  postId?: number;
  /** Create tags and categories that do not exist (default: true). */
  createTerms?: boolean;
  fetch?: typeof fetch;
}

export interface WordPressPublishResult {
  id: number;
  link: string;
  status: string;
  /** `false` when an existing post (recorded id or same slug) was updated. */
  created: boolean;
  /** The featured image's media id, when there is one. */
  imageId?: number;
  /** The SEO meta keys WordPress did not accept: the must-use plugin is not installed. */
  seoKeysMissing: string[];
  /** The post as WordPress returns it in the edit context, for the read-back. */
  post: Record<string, unknown>;
}

interface RestResponse {
  status: number;
  body: unknown;
}

/**
 * Creates or updates a post through the WordPress REST API with an application password. The image is
 * uploaded first, so a failed upload leaves no post; the post is found again by recorded id, else by
 * slug, so a rerun updates it instead of writing a duplicate.
 */
export async function publishToWordPress(
  post: WordPressPost,
  options: WordPressPublishOptions,
): Promise<WordPressPublishResult> {
  const api = createRestApi(options);
  // WordPress treats a wrong application password as no password at all: ask who we are first.
  const me = await api.request('GET', '/wp/v2/users/me', { query: { context: 'edit' } });
  if (typeof asRecord(me.body).id !== 'number') throw restError(401, {}, options.user, options.site);
  const existing = await findExistingPost(api, post.slug, options.postId);
  const createTerms = options.createTerms ?? true;
  const tagIds = await resolveTerms(api, 'tags', post.tags, createTerms);
  const categoryIds = await resolveTerms(api, 'categories', post.categories, createTerms);
  const imageId = post.imageId ?? (post.image ? await uploadImage(api, post.image) : undefined);
  const body: Record<string, unknown> = {
    title: post.title,
    content: post.content,
    excerpt: post.excerpt,
    slug: post.slug,
    meta: {
      _yoast_wpseo_title: post.seo.title,
      _yoast_wpseo_metadesc: post.seo.description,
      _yoast_wpseo_focuskw: post.seo.keyphrase,
      rank_math_title: post.seo.title,
      rank_math_description: post.seo.description,
      rank_math_focus_keyword: post.seo.keyphrase,
    },
    ...(post.date ? wordpressDate(post.date) : {}),
    ...(tagIds.length > 0 ? { tags: tagIds } : {}),
    ...(categoryIds.length > 0 ? { categories: categoryIds } : {}),
    ...(imageId !== undefined ? { featured_media: imageId } : {}),
  };
  if (existing === undefined || post.status) body.status = post.status ?? 'draft';
  const path = existing === undefined ? '/wp/v2/posts' : `/wp/v2/posts/${existing}`;
  const response = await api.request('POST', path, { json: body, query: { context: 'edit' } });
  const saved = asRecord(response.body);
  const id = Number(saved.id);
  const meta = asRecord(saved.meta);
  return {
    id,
    link: String(saved.link ?? ''),
    status: String(saved.status ?? ''),
    created: existing === undefined,
    ...(imageId !== undefined ? { imageId } : {}),
    seoKeysMissing: SEO_META_KEYS.filter((key) => !(key in meta)),
    post: saved,
  };
}

/** The recorded post when it still exists, else a post (any status but trash) with the same slug. */
async function findExistingPost(
  api: RestApi,
  slug: string,
  postId: number | undefined,
): Promise<number | undefined> {
  if (postId !== undefined) {
    const found = await api.request('GET', `/wp/v2/posts/${postId}`, {
      query: { context: 'edit' },
      allow: [404, 410],
    });
    const record = asRecord(found.body);
    if (found.status === 200 && record.status !== 'trash') return postId;
  }
  const found = await api.request('GET', '/wp/v2/posts', {
    query: { slug, status: 'publish,future,draft,pending,private', context: 'edit', per_page: '1' },
  });
  const [first] = Array.isArray(found.body) ? found.body : [];
  const id = asRecord(first).id;
  return typeof id === 'number' ? id : undefined;
}

/** Term ids by name (case and HTML entities aside), created when missing unless forbidden. */
async function resolveTerms(
  api: RestApi,
  taxonomy: 'tags' | 'categories',
  names: readonly string[],
  create: boolean,
): Promise<number[]> {
  const ids: number[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const found = await api.request('GET', `/wp/v2/${taxonomy}`, {
      query: { search: searchTextOf(name), per_page: '100' },
    });
    const terms = Array.isArray(found.body) ? found.body.map(asRecord) : [];
    const match = terms.find((term) => sameName(String(term.name ?? ''), name));
    if (match && typeof match.id === 'number') {
      ids.push(match.id);
    } else if (create) {
      const created = await api.request('POST', `/wp/v2/${taxonomy}`, { json: { name }, allow: [400] });
      const body = asRecord(created.body);
      // Created meanwhile, or a name WordPress stores otherwise: its answer names the existing term.
      const existing = body.code === 'term_exists' ? asRecord(body.data).term_id : body.id;
      if (typeof existing !== 'number') throw restError(created.status, body, api.user, api.site);
      ids.push(existing);
    } else {
      missing.push(name);
    }
  }
  if (missing.length > 0) {
    const what = taxonomy === 'tags' ? 'Étiquettes' : 'Catégories';
    throw new PublishError(
      `${what} absentes du site : ${missing.map((name) => `« ${name} »`).join(', ')} ; créez-les ou retirez --no-create-terms.`,
    );
  }
  return ids;
}

async function uploadImage(api: RestApi, image: FeaturedImage): Promise<number> {
  const uploaded = await api.request('POST', '/wp/v2/media', {
    raw: image.bytes,
    headers: {
      'content-type': image.mimeType,
      // An ASCII file name, the UTF-8 one beside it (RFC 6266).
      'content-disposition': `attachment; filename="${image.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(image.fileName)}`,
    },
  });
  const id = Number(asRecord(uploaded.body).id);
  await api.request('POST', `/wp/v2/media/${id}`, { json: { alt_text: image.alt } });
  return id;
}

interface RequestOptions {
  query?: Record<string, string>;
  json?: unknown;
  raw?: Uint8Array;
  headers?: Record<string, string>;
  /** Statuses returned instead of thrown. */
  allow?: number[];
}

interface RestApi {
  user: string;
  site: string;
  request(method: string, route: string, options?: RequestOptions): Promise<RestResponse>;
}

/**
 * Requests under `/wp-json/`; a site without pretty permalinks answers there with a page, not JSON, so the
 * same route is then asked as `?rest_route=`. When neither answers JSON, the REST API is off.
 */
function createRestApi(options: WordPressPublishOptions): RestApi {
  const fetchImplementation = options.fetch ?? fetch;
  const site = options.site.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
  let usePrettyUrls = true;

  const send = async (method: string, route: string, request: RequestOptions, pretty: boolean) => {
    const url = pretty ? new URL(`${site}/wp-json${route}`) : new URL(`${site}/`);
    if (!pretty) url.searchParams.set('rest_route', route);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { authorization, accept: 'application/json', ...request.headers };
    let body: RequestInit['body'];
    if (request.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.raw !== undefined) {
      body = request.raw as RequestInit['body'];
    }
    let response: Response;
    try {
      response = await fetchImplementation(url, { method, headers, ...(body === undefined ? {} : { body }) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new PublishError(
        `WordPress injoignable (${site}) : ${reason}. Vérifiez l’adresse et le réseau.`,
        {
          cause: error,
        },
      );
    }
    const text = await response.text();
    let json: unknown;
    let isJson = false;
    try {
      json = JSON.parse(text);
      isJson = (response.headers.get('content-type') ?? '').includes('json');
    } catch {
      json = undefined;
    }
    return { response, json, isJson };
  };

  return {
    user: options.user,
    site,
    async request(method, route, request = {}) {
      let answer = await send(method, route, request, usePrettyUrls);
      if (!answer.isJson && usePrettyUrls) {
        const fallback = await send(method, route, request, false);
        if (fallback.isJson) {
          usePrettyUrls = false;
          answer = fallback;
        }
      }
      const { response, json, isJson } = answer;
      if (!isJson) {
        throw new PublishError(
          `API REST de WordPress introuvable sur ${site} (${response.status}, ni /wp-json/ ni ?rest_route=) : une extension ou l’hébergeur la désactive peut-être ; elle doit être active pour publier.`,
        );
      }
      if (response.ok || request.allow?.includes(response.status))
        return { status: response.status, body: json };
      throw restError(response.status, asRecord(json), options.user, site);
    },
  };
}

/** A WordPress error answer as one French line that says what to do. */
function restError(status: number, body: Record<string, unknown>, user: string, site: string): PublishError {
  const code = typeof body.code === 'string' ? body.code : 'inconnu';
  const detail = typeof body.message === 'string' ? stripTags(body.message).slice(0, 200) : '';
  if (status === 401) {
    return new PublishError(
      `WordPress refuse l’identification de « ${user} » (401, ${code}) : vérifiez l’utilisateur et le mot de passe d’application (PLUME_WORDPRESS_USER, PLUME_WORDPRESS_PASSWORD). S’ils sont justes, l’hébergeur retire sans doute l’en-tête Authorization : ajoutez « SetEnvIf Authorization "(.*)" HTTP_AUTHORIZATION=$1 » au .htaccess du site.`,
    );
  }
  if (status === 403) {
    return new PublishError(
      `WordPress refuse l’action à « ${user} » (403, ${code}) : ce compte n’a pas le droit de publier ou de modifier cet article, ou une extension de sécurité bloque l’API REST. ${detail}`.trim(),
    );
  }
  if (status === 404) {
    return new PublishError(
      `WordPress ne trouve pas cette route sur ${site} (404, ${code}) : l’API REST est-elle désactivée ? ${detail}`.trim(),
    );
  }
  return new PublishError(`WordPress a répondu ${status} (${code}) : ${detail}`.trim());
}

/**
 * WordPress wants a date and a time: `date` in the site's time zone, or `date_gmt` in UTC. A date alone is
 * midnight on the site; a time with its offset is converted to UTC, so it keeps its instant.
 */
function wordpressDate(date: string): { date: string } | { date_gmt: string } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return { date: `${date}T00:00:00` };
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(date)) {
    const instant = new Date(date);
    if (!Number.isNaN(instant.getTime())) return { date_gmt: instant.toISOString().slice(0, 19) };
  }
  return { date: date.slice(0, 19) };
}

/**
 * What to search for a term: WordPress stores `&`, `<` and `>` as entities and searches the stored
 * name, so « Recrutement & salaires » finds nothing. The longest run without them finds it, and the
 * answers are then compared with their entities decoded.
 */
function searchTextOf(name: string): string {
  const runs = name
    .split(/[&<>"']/)
    .map((run) => run.trim())
    .filter((run) => run !== '');
  return runs.reduce((longest, run) => (run.length > longest.length ? run : longest), '') || name;
}

function sameName(wordpressName: string, name: string): boolean {
  return decodeEntities(wordpressName).toLocaleLowerCase('fr') === name.trim().toLocaleLowerCase('fr');
}

/** WordPress returns term names with `&`, `<` and `>` as HTML entities. */
function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, '');
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
