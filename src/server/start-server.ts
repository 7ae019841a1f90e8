import type { Server } from 'node:http';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { type ArticlePool, createArticlePool } from '../batch/thread-pool.js';
import { classifyAddress } from '../ingest/fetch-article.js';
import { type CreateAppOptions, createApp } from './create-app.js';
import { loadWebAssets, type WebAssets } from './web-assets.js';

export interface StartServerOptions extends Omit<CreateAppOptions, 'staticAssets'> {
  /** Address to listen on (default: `127.0.0.1`). Any non-loopback address requires `token`. */
  host?: string;
  /** Port (default: 8787; 0 picks a free one). */
  port?: number;
  /** The page (default: read once from the package's `src/web/`, else a placeholder). */
  staticAssets?: WebAssets;
  /** Folder to read the page from instead of the package's `src/web/`. */
  webDirectory?: string;
  /**
   * Worker threads for offline optimize and audit, unless `jobPool` is given (default: one per
   * core but one, at least 2, at most 4: the main thread keeps a core to answer, and a large article
   * never holds the last thread, so short requests are not stuck behind it; see `RunJobOptions.heavy`).
   */
  jobThreads?: number;
  /** The pool's worker script (default: the one beside the bundle; none under the TypeScript sources, so the jobs run on this thread). */
  jobWorkerScript?: URL;
}

export interface RunningServer {
  /** Base address, e.g. `http://127.0.0.1:8787/`. */
  url: string;
  host: string;
  port: number;
  /** True when `src/web/` was missing and a placeholder page is served. */
  placeholderPage: boolean;
  /** Stops listening and closes open connections (event streams included). */
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;
/** Shortest token accepted: 16 random characters are out of reach of an online guesser under the rate limit. */
export const MIN_TOKEN_LENGTH = 16;
/** RFC 6750's token68 characters: hono's `bearerAuth` refuses any other, so such a token could never be presented. */
const TOKEN_CHARACTERS = /^[A-Za-z0-9._~+/-]+=*$/;

export type ServerConfigErrorCode = 'token-required' | 'weak-token' | 'address-in-use' | 'cannot-listen';

/** A setup the server refuses to start with; the CLI prints the message and exits with 2. */
export class ServerConfigError extends Error {
  override readonly name = 'ServerConfigError';
  readonly code: ServerConfigErrorCode;

  constructor(code: ServerConfigErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  static isInstance(error: unknown): error is ServerConfigError {
    return error instanceof Error && error.name === 'ServerConfigError';
  }
}

/** `localhost`, 127.0.0.0/8, `::1` and their IPv4-mapped forms: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  return isIP(bare) !== 0 && classifyAddress(bare) === 'loopback';
}

/** Throws a `ServerConfigError` for an unsafe setup: reachable from the network without a token, or a weak token. */
export function checkServerSecurity(options: { host: string; token?: string }): void {
  if (options.token !== undefined && options.token.length < MIN_TOKEN_LENGTH) {
    throw new ServerConfigError(
      'weak-token',
      `jeton trop court : ${MIN_TOKEN_LENGTH} caractères au moins (ex. openssl rand -hex 32).`,
    );
  }
  if (options.token !== undefined && !TOKEN_CHARACTERS.test(options.token)) {
    throw new ServerConfigError(
      'weak-token',
      'le jeton contient des caractères qu’un en-tête « Authorization: Bearer » ne peut pas porter : ' +
        'utilisez des lettres, chiffres et - . _ ~ + / (par exemple openssl rand -hex 32).',
    );
  }
  if (!isLoopbackHost(options.host) && options.token === undefined) {
    throw new ServerConfigError(
      'token-required',
      `refus d’écouter sur ${options.host} sans jeton : n’importe qui sur le réseau pourrait se servir de l’API. ` +
        'Donnez PLUME_TOKEN=$(openssl rand -hex 32) (ou --token), ou gardez l’hôte par défaut 127.0.0.1.',
    );
  }
}

/**
 * Nice value of the server's worker threads: below the event loop, which must answer `/api/health` and
 * hand out requests while a large article is optimized; work that only waits on the CPU loses nothing.
 */
const SERVER_THREAD_NICENESS = 10;

/**
 * Starts `plume serve`: checks the setup, loads the page, listens. Resolves once listening, with
 * the actual address (port 0 picks a free port).
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  checkServerSecurity({ host, ...(options.token === undefined ? {} : { token: options.token }) });
  const loaded = options.staticAssets
    ? { ...options.staticAssets, placeholder: false }
    : await loadWebAssets(options.webDirectory);
  let ownPool: ArticlePool | undefined;
  if (options.jobPool === undefined) {
    const size = options.jobThreads ?? Math.min(4, Math.max(2, availableParallelism() - 1));
    ownPool = createArticlePool({
      size,
      niceness: SERVER_THREAD_NICENESS,
      ...(options.jobWorkerScript ? { workerScript: options.jobWorkerScript } : {}),
    });
    // Without a worker script the pool would run jobs one at a time on this thread: no gain, less concurrency.
    if (ownPool.mode === 'inline') ownPool = undefined;
  }
  const bareHost = host.replace(/^\[(.*)\]$/, '$1');
  const displayHost = isIP(bareHost) === 6 ? `[${bareHost}]` : bareHost;
  const app = createApp({
    ...options,
    ...(ownPool ? { jobPool: ownPool } : {}),
    staticAssets: {
      html: loaded.html,
      css: loaded.css,
      js: loaded.js,
      ...(loaded.modules ? { modules: loaded.modules } : {}),
    },
    // Tokenless means loopback here: answer to the loopback names and to the address given.
    ...(options.allowedHosts === undefined && options.token === undefined
      ? { allowedHosts: ['localhost', '127.0.0.1', '[::1]', displayHost.toLowerCase()] }
      : {}),
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, hostname: bareHost, port }, () => {
      listening.off('error', onError);
      resolve(listening as Server);
    });
    const onError = (error: NodeJS.ErrnoException) => {
      void ownPool?.close();
      reject(toConfigError(error, host, port));
    };
    listening.once('error', onError);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  return {
    url: `http://${displayHost}:${actualPort}/`,
    host,
    port: actualPort,
    placeholderPage: loaded.placeholder,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets and open event streams would hold `close` for minutes.
        server.closeAllConnections();
      }).finally(() => ownPool?.close()),
  };
}

function toConfigError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new ServerConfigError(
      'address-in-use',
      `le port ${port} est déjà pris sur ${host} : choisissez-en un autre avec --port.`,
      {
        cause: error,
      },
    );
  }
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'EACCES' || error.code === 'ENOTFOUND') {
    return new ServerConfigError('cannot-listen', `écoute impossible sur ${host}:${port} (${error.code}).`, {
      cause: error,
    });
  }
  return error;
}
