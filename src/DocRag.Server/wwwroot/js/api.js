// Calls to DocRag's /v1 API: the API key (kept in sessionStorage, sent as Bearer), the key prompt on 401, and
// ProblemDetails errors as ProblemError.

const KEY_STORAGE = 'docrag.apiKey';

let askForKey = null;
let pendingPrompt = null;
let declined = false;
const keyListeners = new Set();

/** A failed call: the server's ProblemDetails (or one made up for network failures). */
export class ProblemError extends Error {
  constructor(problem, status) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ProblemError';
    this.problem = problem ?? {};
    this.status = status;
  }

  get code() {
    return this.problem.code;
  }
}

export function getKey() {
  return sessionStorage.getItem(KEY_STORAGE);
}

export function setKey(key) {
  if (key) sessionStorage.setItem(KEY_STORAGE, key);
  else sessionStorage.removeItem(KEY_STORAGE);
  notify();
}

/** Whether the user cancelled the key prompt: requests then fail with their 401 instead of asking again. */
export function keyDeclined() {
  return declined;
}

/** Called when the key changes or the prompt is cancelled. */
export function onKeyChanged(listener) {
  keyListeners.add(listener);
}

function notify() {
  for (const listener of keyListeners) listener(getKey());
}

/**
 * Registers the prompt shown when the server answers 401: (problem) => Promise<string|null> (null = cancelled).
 * Concurrent 401s share one prompt.
 */
export function setKeyPrompt(prompt) {
  askForKey = prompt;
}

/**
 * Resolves to a new key, or null when the user cancels (or no prompt is registered). Once cancelled, only an explicit
 * request (`force`, the header's key button) asks again, so background polling does not keep reopening the prompt.
 */
export function promptForKey(problem, { force = false } = {}) {
  if (!askForKey || (declined && !force)) return Promise.resolve(null);
  pendingPrompt ??= askForKey(problem).then((key) => {
    declined = !key;
    notify();
    return key;
  }).finally(() => {
    pendingPrompt = null;
  });
  return pendingPrompt;
}

/** The Authorization header for the current key, if any. */
export function authHeaders() {
  const key = getKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

/**
 * fetch() against the API: adds the key, asks for one on 401 and retries, and throws ProblemError for any error
 * status. A network failure is a ProblemError with code "network"; an abort rethrows the AbortError.
 */
export async function apiFetch(path, init = {}) {
  for (;;) {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(authHeaders())) headers.set(name, value);
    let response;
    try {
      response = await fetch(path, { ...init, headers });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw networkProblem();
    }

    if (response.ok) return response;
    const problem = await readProblem(response);
    if (response.status === 401 && (await keyAccepted(problem))) continue;
    throw new ProblemError(problem, response.status);
  }
}

/** JSON from a GET (or any call) through apiFetch. */
export async function apiJson(path, init = {}) {
  const response = await apiFetch(path, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  return response.status === 204 ? null : response.json();
}

/** Shows the key prompt for a 401 and stores the key entered; false when the user cancelled. */
export async function keyAccepted(problem) {
  const key = await promptForKey(problem);
  if (!key) return false;
  setKey(key);
  return true;
}

/** The ProblemDetails of an error response; a made-up one when the body is not a problem. */
export async function readProblem(response) {
  const text = await response.text().catch(() => '');
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object') return { status: response.status, ...parsed };
  } catch {
    // Not JSON: a proxy's page, say.
  }
  return { status: response.status, title: `The server answered ${response.status} ${response.statusText}`.trim(), code: 'http-error' };
}

export function networkProblem() {
  return new ProblemError(
    { title: 'Cannot reach the DocRag server', detail: 'Check that `docrag serve` is still running.', code: 'network' },
    0,
  );
}
