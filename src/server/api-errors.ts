import { classifyError } from '../errors/classify-error.js';
import { FetchArticleError } from '../ingest/fetch-article.js';
import { InputError, type InputErrorCode } from '../ingest/input-error.js';
import { LlmBudgetError } from '../llm/llm-errors.js';

/** HTTP statuses the API answers errors with. */
export type ApiErrorStatus = 400 | 401 | 403 | 404 | 413 | 415 | 422 | 429 | 500 | 502 | 503 | 504;

/** The JSON body of every error: `code` is stable English for programs, `message` is French for the page. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    /** The request field at fault, for 400 validation errors (e.g. `minWords`). */
    field?: string;
  };
}

/**
 * An error the API reports as-is: its status, code and French message are safe to show. Anything
 * else thrown while handling a request becomes a bare 500 (see `toApiError`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: ApiErrorStatus;
  readonly code: string;
  readonly field: string | undefined;
  /** Extra response headers (`Retry-After`, `WWW-Authenticate`). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: ApiErrorStatus,
    code: string,
    message: string,
    options: { field?: string; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.code = code;
    this.field = options.field;
    this.headers = options.headers ?? {};
  }

  static isInstance(error: unknown): error is ApiError {
    return (
      error instanceof Error && error.name === 'ApiError' && typeof (error as ApiError).status === 'number'
    );
  }

  toBody(): ApiErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field === undefined ? {} : { field: this.field }),
      },
    };
  }
}

/** InputError messages are English CLI lines that may name paths: the page gets these instead. */
const INPUT_ERROR_MESSAGES: Record<InputErrorCode, string> = {
  empty: 'L’article est vide : il ne contient aucun texte.',
  'too-large': 'L’article est trop volumineux.',
  binary: 'Ce fichier ressemble à un fichier binaire, pas à du texte.',
  'invalid-utf8': 'Le texte n’est pas encodé en UTF-8 : enregistrez-le en UTF-8 et réessayez.',
  unreadable: 'L’article n’a pas pu être lu.',
  'unsupported-format': 'Ce format d’article n’est pas pris en charge.',
  'no-article': 'Aucun article n’a été trouvé dans cette page.',
  'not-found': 'L’article est introuvable.',
  'not-a-file': 'L’article n’est pas un fichier.',
  'invalid-metadata': 'Une métadonnée de l’article (slug, URL ou date) est invalide.',
  // Replaced by the error's own message, French and quoting at most 80 characters of the input.
  'too-complex': 'L’article dépasse une limite de taille ou d’imbrication.',
};

/**
 * Maps anything thrown while handling a request to what the client may see. Unknown errors become
 * a 500 with a fixed message: no stack, no path, no provider detail ever reaches the response.
 */
export function toApiError(error: unknown): ApiError {
  if (ApiError.isInstance(error)) return error;
  if (FetchArticleError.isInstance(error)) {
    return new ApiError(error.status, error.code, error.message, { field: error.field, cause: error });
  }
  if (InputError.isInstance(error)) {
    // Its message is French, quotes at most 80 characters of the value and names no path.
    if (error.code === 'invalid-metadata') return new ApiError(400, error.code, error.message);
    const status = error.code === 'too-large' ? 413 : error.code === 'unsupported-format' ? 415 : 422;
    const message =
      error.code === 'too-complex'
        ? error.message
        : (INPUT_ERROR_MESSAGES[error.code] ?? INPUT_ERROR_MESSAGES.unreadable);
    return new ApiError(status, error.code, message);
  }
  if (error instanceof Error && error.name === 'JobTimeLimitError') {
    const seconds = Math.round(((error as { timeLimitMs?: number }).timeLimitMs ?? 0) / 1000);
    return new ApiError(
      503,
      'job-time-limit',
      `Cet article demande trop de calcul : son traitement a été arrêté au bout de ${seconds} s. Raccourcissez-le ou découpez-le, puis réessayez.`,
    );
  }
  const { kind } = classifyError(error);
  if (kind === 'setup') {
    return new ApiError(
      502,
      'llm-unavailable',
      'Le fournisseur LLM refuse la connexion : vérifiez sa configuration.',
    );
  }
  if (LlmBudgetError.isInstance(error)) {
    return new ApiError(502, 'llm-budget', 'Le budget d’appels LLM pour cet article est épuisé.');
  }
  if (kind === 'provider') {
    return new ApiError(
      502,
      'llm-failed',
      'Le fournisseur LLM n’a pas pu rédiger l’article. Réessayez plus tard.',
    );
  }
  return internalError();
}

export function internalError(): ApiError {
  return new ApiError(
    500,
    'internal',
    'Erreur interne du serveur. Réessayez ; si le problème persiste, signalez-le.',
  );
}

export function notFoundError(): ApiError {
  return new ApiError(404, 'not-found', 'Cette adresse n’existe pas.');
}

/** The error as the client may see it; unexpected ones are logged in full here, and only here. */
export function reportable(error: unknown, logError: (error: unknown) => void): ApiError {
  const apiError = toApiError(error);
  // Server faults and provider failures concern the operator; a URL that fails, or an article too
  // heavy for the time limit, concerns the client only.
  if (apiError.status >= 500 && !apiError.code.startsWith('url-') && apiError.code !== 'job-time-limit')
    logError(error);
  return apiError;
}
