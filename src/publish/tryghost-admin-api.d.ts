// @tryghost/admin-api ships no types: the part Plume uses (lib/admin-api.js), as documented in its README.
declare module '@tryghost/admin-api' {
  export interface GhostRequest {
    url: string;
    method: string;
    data?: unknown;
    params?: Record<string, string>;
    headers: Record<string, string>;
  }

  export interface GhostAdminApiOptions {
    url: string;
    key: string;
    /** `v5.0`: the Accept-Version header, and the `/admin/` audience of the token. */
    version: string;
    userAgent?: string | boolean;
    /** The transport: resolves to the parsed JSON body. */
    makeRequest?: (request: GhostRequest) => Promise<unknown>;
  }

  type GhostRecord = Record<string, unknown>;

  export interface GhostResource {
    read(data: { id?: string; slug?: string }, query?: Record<string, string>): Promise<GhostRecord>;
    browse(query?: Record<string, string>): Promise<GhostRecord[]>;
    add(data: GhostRecord, query?: Record<string, string>): Promise<GhostRecord>;
    edit(data: GhostRecord & { id: string }, query?: Record<string, string>): Promise<GhostRecord>;
  }

  export interface GhostAdminApi {
    posts: GhostResource;
    tags: GhostResource;
    images: { upload(data: unknown): Promise<{ url: string; ref?: string | null }> };
  }

  export default function GhostAdminAPI(options: GhostAdminApiOptions): GhostAdminApi;
}
