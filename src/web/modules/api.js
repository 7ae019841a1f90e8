/** Calls to the API of `plume serve`: the token, French error messages, aborts. */

import { state } from './page.js';

const TOKEN_STORAGE_KEY = 'plume.token';

/** Messages by HTTP status, when an error response carries no message of its own. */
export const STATUS_MESSAGES = {
  400: 'La demande est invalide.',
  401: 'Un jeton d’accès valide est nécessaire.',
  403: 'Cette action est refusée par le serveur.',
  404: 'Cette adresse n’existe pas sur le serveur.',
  413: 'Le texte ou le fichier est trop volumineux.',
  415: 'Ce format n’est pas pris en charge.',
  422: 'L’article n’a pas pu être lu.',
  429: 'Trop de demandes : patientez un instant, puis réessayez.',
  500: 'Erreur interne du serveur. Réessayez ; si le problème persiste, signalez-le.',
  502: 'Le service distant n’a pas répondu correctement. Réessayez plus tard.',
  503: 'Le serveur est momentanément indisponible. Réessayez plus tard.',
  504: 'Le délai d’attente est dépassé. Réessayez plus tard.',
};

/** An error the page can explain: `message` is French, ready to show. */
export class PlumeApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.name = 'PlumeApiError';
    this.status = status;
    this.code = code;
  }
}

export function readToken() {
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return state.memoryToken;
  }
}

export function storeToken(token) {
  state.memoryToken = token;
  try {
    if (token === '') sessionStorage.removeItem(TOKEN_STORAGE_KEY);
    else sessionStorage.setItem(TOKEN_STORAGE_KEY, token);
  } catch {
    // Storage disabled (private mode, policy): the in-memory copy lasts until the page is reloaded.
  }
}

/** Relative to the page, so that Plume also works behind a reverse proxy under a sub-path. */
function apiUrl(path) {
  return new URL(path, document.baseURI).href;
}

/** `fetch` with the token, which turns HTTP errors into `PlumeApiError`s with a French message. */
export async function apiFetch(path, init = {}) {
  const headers = new Headers(init.headers);
  const token = readToken();
  if (token !== '') headers.set('Authorization', `Bearer ${token}`);
  let response;
  try {
    response = await fetch(apiUrl(path), { ...init, headers });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new PlumeApiError(
      0,
      'network',
      'Le serveur Plume ne répond pas. Vérifiez qu’il tourne toujours, puis réessayez.',
    );
  }
  if (!response.ok) throw await errorFromResponse(response, token !== '');
  return response;
}

async function errorFromResponse(response, sentToken) {
  let code = `http-${response.status}`;
  let message = '';
  try {
    const body = await response.json();
    if (typeof body?.error?.code === 'string') code = body.error.code;
    if (typeof body?.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  if (response.status === 401) {
    code = sentToken ? 'token-refused' : 'token-required';
    message = sentToken
      ? 'Ce jeton d’accès a été refusé. Vérifiez-le et réessayez.'
      : 'Ce serveur demande un jeton d’accès.';
  }
  return new PlumeApiError(
    response.status,
    code,
    message || STATUS_MESSAGES[response.status] || `Erreur ${response.status}.`,
  );
}

export function isAbortError(error) {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function describeError(error) {
  if (error instanceof PlumeApiError) return error.message;
  if (error instanceof Error && error.name === 'TypeError') {
    return 'La réponse du serveur n’a pas pu être lue. Réessayez.';
  }
  return 'Une erreur inattendue est survenue. Réessayez.';
}

export function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
