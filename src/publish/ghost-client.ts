import GhostAdminAPI, { type GhostAdminApi, type GhostRequest } from '@tryghost/admin-api';
import MultipartForm from 'form-data';
import { PublishError } from './publish-error.js';
import type { FeaturedImage } from './wordpress-client.js';

/** The post statuses `plume publish ghost` may set; a draft by default. */
export const GHOST_STATUSES = ['draft', 'published'] as const;
export type GhostStatus = (typeof GHOST_STATUSES)[number];

/**
 * The Admin API version asked for (Accept-Version): the posts fields Plume sets exist since Ghost 5,
 * and Ghost 6 still serves it.
 */
const ACCEPT_VERSION = 'v5.0';

/** An Admin API key as Ghost shows it (Settings › Integrations): a 24-hex id, a colon, a 64-hex secret. */
const ADMIN_KEY_PATTERN = /^[0-9a-f]{24}:[0-9a-f]{64}$/i;

/** Throws, without showing the key, when it does not have the form Ghost gives. */
export function assertGhostAdminKey(key: string): void {
  if (!ADMIN_KEY_PATTERN.test(key.trim())) {
    throw new PublishError(
      'clé Admin API de Ghost mal formée : « id:secret » est attendu (24 puis 64 caractères hexadécimaux), tel que Ghost l’affiche dans Réglages › Intégrations.',
    );
  }
}

/** What is sent to Ghost for one article. */
export interface GhostPost {
  /** The H1. */
  title: string;
  /** The body as an HTML fragment (no H1), converted by Ghost (`?source=html`). */
  html: string;
  /** The meta description, also the excerpt. */
  excerpt: string;
  slug: string;
  /** ISO 8601; a date alone is midnight UTC. */
  date?: string;
  /** Draft when creating; an update without one keeps the post's status (a rerun never unpublishes). */
  status?: GhostStatus;
  tags: string[];
  seo: { title: string; description: string };
  canonicalUrl?: string;
  image?: FeaturedImage;
  /** An already uploaded feature image (recorded by a previous run): not uploaded again. */
  imageUrl?: string;
  /** Its alt text, sent with a recorded image. */
  imageAlt?: string;
}

export interface GhostPublishOptions {
  /** Site address, e.g. `https://example.org` (the Admin API is under `/ghost/api/admin/`). */
  site: string;
  /** The Admin API key, `id:secret`: never in a message. */
  key: string;
  /** The post id a previous run recorded: updated when it still exists. */
  postId?: string;
  fetch?: typeof fetch;
}

export interface GhostPublishResult {
  id: string;
  url: string;
  status: string;
  /** `false` when an existing post (recorded id or same slug) was updated. */
  created: boolean;
  /** The feature image's address on the site, when there is one. */
  imageUrl?: string;
  /** The post as Ghost returns it. */
  post: Record<string, unknown>;
}

/** A Ghost answer other than 2xx, kept apart so that a 404 while looking a post up is not an error. */
class GhostResponseError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    readonly detail: string,
  ) {
    super(`Ghost ${status} ${type}`);
  }
}

/**
 * Creates or updates a post through the Ghost Admin API (`@tryghost/admin-api` signs the token and
 * builds the requests; the transport is `fetch`, so errors name their status). The image is uploaded
 * first, so a failed upload leaves no post; the post is found again by recorded id, else by slug, so a
 * rerun updates it instead of writing a duplicate.
 */
export async function publishToGhost(
  post: GhostPost,
  options: GhostPublishOptions,
): Promise<GhostPublishResult> {
  assertGhostAdminKey(options.key);
  const site = options.site.replace(/\/+$/, '');
  const api = GhostAdminAPI({
    url: site,
    key: options.key.trim(),
    version: ACCEPT_VERSION,
    userAgent: 'Plume',
    makeRequest: createTransport(site, options.fetch ?? fetch),
  });
  try {
    const existing = await findExistingPost(api, post.slug, options.postId);
    const imageUrl = post.imageUrl ?? (post.image ? await uploadImage(api, post.image) : undefined);
    const imageAlt = post.image?.alt ?? post.imageAlt;
    const body: Record<string, unknown> = {
      title: post.title,
      html: post.html,
      slug: post.slug,
      custom_excerpt: post.excerpt,
      meta_title: post.seo.title,
      meta_description: post.seo.description,
      // Ghost finds each tag by name and creates the missing ones; none sent keeps the post's own.
      ...(post.tags.length > 0 ? { tags: post.tags.map((name) => ({ name })) } : {}),
      ...(post.canonicalUrl ? { canonical_url: post.canonicalUrl } : {}),
      ...(post.date ? { published_at: ghostDate(post.date) } : {}),
      ...(imageUrl ? { feature_image: imageUrl, feature_image_alt: (imageAlt ?? '').slice(0, 191) } : {}),
    };
    const saved = existing
      ? await api.posts.edit(
          {
            ...body,
            ...(post.status ? { status: post.status } : {}),
            id: existing.id,
            updated_at: existing.updatedAt,
          },
          { source: 'html' },
        )
      : await api.posts.add({ ...body, status: post.status ?? 'draft' }, { source: 'html' });
    return {
      id: String(saved.id),
      url: String(saved.url ?? ''),
      status: String(saved.status ?? ''),
      created: existing === undefined,
      ...(imageUrl ? { imageUrl } : {}),
      post: saved,
    };
  } catch (error) {
    if (error instanceof GhostResponseError) throw ghostError(error, site);
    throw error;
  }
}

/** The recorded post when it still exists, else the post with the same slug; Ghost wants its `updated_at`. */
async function findExistingPost(
  api: GhostAdminApi,
  slug: string,
  postId: string | undefined,
): Promise<{ id: string; updatedAt: string } | undefined> {
  const lookups: { id?: string; slug?: string }[] = [...(postId ? [{ id: postId }] : []), { slug }];
  for (const lookup of lookups) {
    try {
      const found = await api.posts.read(lookup, { fields: 'id,updated_at' });
      if (typeof found?.id === 'string') return { id: found.id, updatedAt: String(found.updated_at) };
    } catch (error) {
      if (!(error instanceof GhostResponseError && error.status === 404 && error.type === 'NotFoundError'))
        throw error;
    }
  }
  return undefined;
}

async function uploadImage(api: GhostAdminApi, image: FeaturedImage): Promise<string> {
  const form = new MultipartForm();
  form.append('file', Buffer.from(image.bytes), { filename: image.fileName, contentType: image.mimeType });
  form.append('purpose', 'image');
  const uploaded = await api.images.upload(form);
  if (typeof uploaded?.url !== 'string') throw new GhostResponseError(502, 'images', 'réponse sans url');
  return uploaded.url;
}

/**
 * The library's requests sent with `fetch`: JSON in and out, multipart for uploads. A network failure or
 * an answer that is not Ghost's JSON becomes a French error here; Ghost's own errors keep their status.
 */
function createTransport(site: string, fetchImplementation: typeof fetch) {
  return async (request: GhostRequest): Promise<unknown> => {
    const url = new URL(request.url);
    for (const [key, value] of Object.entries(request.params ?? {})) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
    let body: RequestInit['body'];
    if (request.data instanceof MultipartForm) {
      body = request.data.getBuffer() as unknown as RequestInit['body'];
    } else if (request.data !== undefined && request.data !== '' && request.method !== 'GET') {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.data);
    }
    let response: Response;
    try {
      response = await fetchImplementation(url, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      throw new PublishError(`Ghost injoignable (${site}) : ${reason}. Vérifiez l’adresse et le réseau.`, {
        cause: error,
      });
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (json === undefined || typeof json !== 'object' || json === null) {
      throw new PublishError(
        `API Admin de Ghost introuvable sur ${site} (${response.status}, pas de réponse JSON sous /ghost/api/admin/) : vérifiez que --site est l’adresse du site Ghost, sans chemin d’administration.`,
      );
    }
    if (response.ok) return json;
    const [first] = Array.isArray((json as { errors?: unknown }).errors)
      ? ((json as { errors: Record<string, unknown>[] }).errors ?? [])
      : [];
    const type = typeof first?.type === 'string' ? first.type : 'inconnu';
    const detail = [first?.message, first?.context]
      .filter((part) => typeof part === 'string' && part !== '')
      .join(' ');
    throw new GhostResponseError(response.status, type, detail.slice(0, 300));
  };
}

/** A Ghost error answer as one French line that says what to do. */
function ghostError(error: GhostResponseError, site: string): PublishError {
  const { status, type, detail } = error;
  if (status === 401) {
    return new PublishError(
      `Ghost refuse la clé Admin API (401, ${type}) : vérifiez PLUME_GHOST_ADMIN_API_KEY (Réglages › Intégrations) et l’horloge de cette machine (le jeton expire en 5 minutes). Si la clé est juste, l’hébergeur retire peut-être l’en-tête Authorization.`,
    );
  }
  if (status === 403) {
    return new PublishError(
      `Ghost refuse l’action (403, ${type}) : cette intégration n’a pas le droit de publier ou de modifier cet article. ${detail}`.trim(),
    );
  }
  if (status === 404) {
    return new PublishError(
      `Ghost ne trouve pas cette ressource sur ${site} (404, ${type}) : vérifiez l’adresse du site. ${detail}`.trim(),
    );
  }
  if (status === 409) {
    return new PublishError(
      `l’article a été modifié sur Ghost pendant la publication (409, ${type}) : relancez la commande.`,
    );
  }
  return new PublishError(`Ghost a répondu ${status} (${type}) : ${detail}`.trim());
}

/**
 * Ghost stores UTC instants: a time with its offset keeps its instant, a date alone is midnight UTC,
 * a time without offset is read as UTC.
 */
function ghostDate(date: string): string | undefined {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(date)
    ? `${date}T00:00:00Z`
    : /(Z|[+-]\d{2}:?\d{2})$/.test(date)
      ? date
      : `${date}Z`;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant.toISOString();
}
