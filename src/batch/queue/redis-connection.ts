import { Redis, type RedisOptions } from 'ioredis';
import { DEFAULT_REDIS_TIMEOUT_MS } from './queue-settings.js';

export { DEFAULT_REDIS_TIMEOUT_MS };

/** How long a first connection may take before Plume says Redis cannot be reached. */
export const CONNECT_TIMEOUT_MS = 3000;

/** Reconnection attempts after a connection was lost, before giving up (about 15 s in all). */
export const MAX_RECONNECT_ATTEMPTS = 10;

/** Redis cannot be reached at start: one line for the user, exit code 2. */
export class RedisUnreachableError extends Error {
  override readonly name = 'RedisUnreachableError';

  static isInstance(error: unknown): error is RedisUnreachableError {
    return error instanceof Error && error.name === 'RedisUnreachableError';
  }
}

/** A connection that worked was lost and did not come back. */
export class RedisConnectionLostError extends Error {
  override readonly name = 'RedisConnectionLostError';

  static isInstance(error: unknown): error is RedisConnectionLostError {
    return error instanceof Error && error.name === 'RedisConnectionLostError';
  }
}

export interface RedisTarget {
  /** The URL with any password masked, for messages. */
  display: string;
  /** Host, port, credentials, database and TLS, from the URL. */
  options: RedisOptions;
}

/** Reads `redis://[user:password@]host[:port][/db]` (or `rediss://` for TLS). Throws `RedisUnreachableError` when malformed. */
export function parseRedisUrl(url: string): RedisTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUnreachableError(`URL Redis invalide « ${url} » : attendu redis://hôte:port`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new RedisUnreachableError(
      `URL Redis invalide « ${maskPassword(parsed)} » : attendu redis://hôte:port`,
    );
  }
  const database = parsed.pathname.replace(/^\//, '');
  if (database !== '' && !/^\d+$/.test(database)) {
    throw new RedisUnreachableError(`base Redis invalide « ${database} » dans ${maskPassword(parsed)}`);
  }
  const options: RedisOptions = {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(database ? { db: Number(database) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  return { display: maskPassword(parsed), options };
}

function maskPassword(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href.replace(/\/$/, '');
}

/**
 * Connects once, without retrying, and pings: Redis is there and answers, or
 * this throws `RedisUnreachableError` (« impossible de joindre Redis à
 * redis://… : connexion refusée », or « … ne répond pas ») within `timeoutMs`.
 */
export async function probeRedis(target: RedisTarget, timeoutMs = DEFAULT_REDIS_TIMEOUT_MS): Promise<void> {
  let lastError: Error | undefined;
  const client = new Redis({
    ...target.options,
    lazyConnect: true,
    connectTimeout: Math.min(timeoutMs, CONNECT_TIMEOUT_MS),
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    await withRedisTimeout(
      (async () => {
        await client.connect();
        await client.ping();
      })(),
      target,
      timeoutMs,
    );
  } catch (error) {
    if (RedisUnreachableError.isInstance(error)) throw error;
    const reason = describeConnectionError(lastError ?? (error as Error));
    throw new RedisUnreachableError(`impossible de joindre Redis à ${target.display} : ${reason}`);
  } finally {
    client.disconnect();
  }
}

/**
 * `work`, or a `RedisUnreachableError` saying Redis does not answer once
 * `timeoutMs` has passed (then `onTimeout` drops the connections, so that the
 * process can exit).
 */
export async function withRedisTimeout<T>(
  work: Promise<T>,
  target: RedisTarget,
  timeoutMs: number,
  onTimeout?: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(
        new RedisUnreachableError(
          `Redis à ${target.display} accepte la connexion mais ne répond pas (rien en ${timeoutMs} ms) : est-il arrêté ou surchargé ?`,
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Options for BullMQ's own connections: commands wait for a reconnection
 * (`maxRetriesPerRequest: null`, which BullMQ requires), but reconnection gives
 * up after `MAX_RECONNECT_ATTEMPTS`, then `onGiveUp` is called once: no
 * endless retry loop when Redis goes away for good.
 */
export function connectionOptions(
  target: RedisTarget,
  onGiveUp: (error: RedisConnectionLostError) => void,
): RedisOptions {
  let gaveUp = false;
  return {
    ...target.options,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: null,
    retryStrategy: (attempt: number) => {
      if (attempt <= MAX_RECONNECT_ATTEMPTS) return Math.min(250 * 2 ** (attempt - 1), 2000);
      if (!gaveUp) {
        gaveUp = true;
        onGiveUp(new RedisConnectionLostError(`connexion à Redis perdue (${target.display}), non rétablie`));
      }
      return null;
    },
  };
}

/** « connexion refusée », « hôte introuvable »… from a socket or Redis error. */
export function describeConnectionError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message ?? '';
  if (code === 'ECONNREFUSED') return 'connexion refusée';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'hôte introuvable';
  if (code === 'ETIMEDOUT' || /ETIMEDOUT|timed? ?out/i.test(message)) return 'délai de connexion dépassé';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'hôte inaccessible';
  if (code === 'ECONNRESET') return 'connexion réinitialisée';
  if (/NOAUTH|WRONGPASS|invalid password|AUTH/i.test(message)) return 'authentification refusée';
  if (/Protocol error/i.test(message)) return 'le serveur ne parle pas le protocole Redis';
  return message.slice(0, 80) || 'erreur inconnue';
}
