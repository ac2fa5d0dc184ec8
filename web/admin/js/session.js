// The staff session: a bearer token pasted at sign-in (locally from `./banshi token`; in AWS from the town's
// identity provider), kept in sessionStorage only, so it ends with the tab. No password is ever stored.
import { api, ApiError } from '/assets/js/api.js';

const KEY = 'banshi.staffToken';

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(value) {
  sessionStorage.setItem(KEY, value);
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** The token's claims, for display and for hiding what the role cannot use (the API still decides). */
export function claims(value = token()) {
  if (!value) return null;
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes));
    return payload && typeof payload === 'object' ? payload : null;
  } catch {
    return null;
  }
}

const listeners = new Set();

/** Called when the API answers 401: the token is gone or expired. */
export function onUnauthorized(listener) {
  listeners.add(listener);
}

/** The API with the bearer token; a 401 ends the session. */
export async function staffApi(path, options = {}) {
  try {
    return await api(path, { ...options, token: token() });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut();
      for (const listener of listeners) listener(error);
    }
    throw error;
  }
}

/** A file from the API (CSV, report) fetched with the token. */
export async function staffFile(path) {
  const response = await staffApi(path, { raw: true, headers: { Accept: '*/*' } });
  const disposition = response.headers.get('content-disposition') || '';
  const match = /filename="?([^";]+)"?/.exec(disposition);
  return { blob: await response.blob(), fileName: match ? match[1] : null, type: response.headers.get('content-type') || '' };
}

/** Saves a blob as a download. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

let catalogPromise = null;

/** The town's catalog (names of villages and categories). */
export function catalog() {
  const town = claims()?.town;
  if (!catalogPromise) {
    catalogPromise = api(`/api/v1/towns/${encodeURIComponent(town || 'gaocheng')}/catalog`).then((r) => r.data)
      .catch((error) => {
        catalogPromise = null;
        throw error;
      });
  }
  return catalogPromise;
}

export function resetCatalog() {
  catalogPromise = null;
}
