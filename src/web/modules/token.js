/** The access token (asked for on a 401, kept for the session) and the server's health check. */

import { apiFetch, describeError, PlumeApiError, storeToken } from './api.js';
import { elements, showFormError, state } from './page.js';

/** Runs `action`; on a 401 asks for a token and runs it again once the token is given. */
export async function withToken(action) {
  try {
    await action();
  } catch (error) {
    if (error instanceof PlumeApiError && error.status === 401) {
      // A first request without a token is no error: the token panel says what is needed.
      requestToken(error.code === 'token-refused' ? error.message : '', action);
      return;
    }
    throw error;
  }
}

export async function loadHealth() {
  try {
    await withToken(fetchHealth);
  } catch (error) {
    showFormError(describeError(error));
  }
}

async function fetchHealth() {
  const response = await apiFetch('api/health', { headers: { Accept: 'application/json' } });
  showHealth(await response.json());
  state.healthLoaded = true;
}

function showHealth(health) {
  if (typeof health?.version === 'string') elements.version.textContent = `Version ${health.version}`;
  const writers = Array.isArray(health?.writers) ? health.writers : [];
  state.writers = writers;
  const hasLlmOption = [...elements.writer.options].some((option) => option.value === 'llm');
  if (writers.includes('llm') && !hasLlmOption) {
    elements.writer.append(new Option('LLM', 'llm'));
    elements.writerHint.textContent =
      'Hors ligne : restructure sans traduire ni allonger. LLM : traduit, complète et corrige l’article.';
  }
  // The server's own words (`llmSetupHelp`), the same as its refusals of the LLM writer.
  const help =
    !writers.includes('llm') && typeof health?.llmSetupHelp === 'string' ? health.llmSetupHelp : '';
  elements.llmHelp.textContent = help;
  elements.llmHelp.hidden = help === '';
}

function requestToken(message, retry) {
  storeToken('');
  state.pendingAction = retry;
  elements.tokenPanel.hidden = false;
  elements.tokenError.textContent = message;
  elements.tokenInput.value = '';
  elements.tokenInput.focus();
}

export function acceptToken() {
  const token = elements.tokenInput.value.trim();
  if (token === '') {
    elements.tokenError.textContent = 'Saisissez le jeton d’accès.';
    elements.tokenInput.focus();
    return;
  }
  storeToken(token);
  elements.tokenInput.value = '';
  elements.tokenError.textContent = '';
  elements.tokenPanel.hidden = true;
  const retry = state.pendingAction;
  state.pendingAction = null;
  if (retry) {
    void withToken(retry).catch((error) => showFormError(describeError(error)));
  }
  if (retry !== fetchHealth && !state.healthLoaded) void loadHealth();
}
