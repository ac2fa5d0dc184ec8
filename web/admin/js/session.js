// The staff session. The console signs in by one of two ways, chosen by /admin/auth.json, which the site serves:
// "local" (./banshi up: username, password and TOTP against the local sign-in API) or "cognito" (AWS: the user
// pool's managed login, OAuth 2.0 authorization code with PKCE). Either way the ID token is the bearer token of the
// staff API and lives in sessionStorage only (gone with the tab); a Cognito refresh token too, used to renew the ID
// token and revoked at sign-out. No password is ever stored.
import { api, ApiError } from '/assets/js/api.js';

const KEY = 'banshi.staffToken';
const REFRESH = 'banshi.refreshToken';
const ACTIVE = 'banshi.lastActive';
const IDLE = 'banshi.idleSeconds';
const PKCE = 'banshi.pkce';
/** 30 minutes without using the console ends the session (GB/T 22239; the server enforces it locally too). */
const DEFAULT_IDLE_SECONDS = 1800;

export function token() {
  return sessionStorage.getItem(KEY);
}

export function signIn(value, idleSeconds = DEFAULT_IDLE_SECONDS, refreshToken = null) {
  sessionStorage.setItem(KEY, value);
  sessionStorage.setItem(IDLE, String(idleSeconds));
  if (refreshToken) sessionStorage.setItem(REFRESH, refreshToken);
  touch();
}

/** Forgets the session in this tab (after a 401, or as part of signing out). */
export function signOut() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(REFRESH);
  sessionStorage.removeItem(ACTIVE);
}

let configPromise = null;

/** The sign-in configuration the site serves: {mode: "local"} or {mode: "cognito", domain, clientId, redirectUri, logoutUri}. */
export function authConfig() {
  if (!configPromise) {
    configPromise = fetch('/admin/auth.json', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : { mode: 'local' }))
      .catch(() => ({ mode: 'local' }));
  }
  return configPromise;
}

/** Signs out everywhere it can: ends the local session, or revokes the Cognito refresh token and ends the managed login. */
export async function signOutEverywhere() {
  const config = await authConfig();
  const current = token();
  const refresh = sessionStorage.getItem(REFRESH);
  signOut();
  if (config.mode === 'cognito') {
    if (refresh) {
      await fetch(`${config.domain}/oauth2/revoke`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: refresh, client_id: config.clientId }),
      }).catch(() => {});
    }
    location.assign(`${config.domain}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: config.logoutUri })}`);
    return;
  }
  if (current) await api('/api/v1/auth/sign-out', { method: 'POST', token: current }).catch(() => {});
}

/** Marks the console used now (the idle timeout counts from the last use). */
export function touch() {
  sessionStorage.setItem(ACTIVE, String(Date.now()));
}

/** Whether the session has been idle for longer than the idle timeout. */
export function idleExpired(now = Date.now()) {
  const last = Number(sessionStorage.getItem(ACTIVE) || 0);
  const idle = Number(sessionStorage.getItem(IDLE) || DEFAULT_IDLE_SECONDS);
  return Boolean(token()) && last > 0 && now - last > idle * 1000;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Cognito: to the managed login with a fresh PKCE verifier (S256) and state. */
export async function startCognitoSignIn(config) {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: base64Url(digest),
  });
  location.assign(`${config.domain}/oauth2/authorize?${query}`);
}

async function tokenRequest(config, params) {
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, ...params }),
  });
  if (!response.ok) throw new ApiError(401, { message: '统一身份认证登录未成功，请重试', field: 'authorization' });
  return response.json();
}

/** Cognito: back from the managed login with ?code=…&state=…: exchanges the code (with the verifier) for tokens. */
export async function finishCognitoSignIn(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code')) return false;
  const pending = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  history.replaceState(null, '', location.pathname + location.hash);
  if (!pending || pending.state !== params.get('state')) {
    throw new ApiError(401, { message: '登录请求已失效，请重新登录', field: 'authorization' });
  }
  const tokens = await tokenRequest(config, {
    grant_type: 'authorization_code',
    code: params.get('code'),
    redirect_uri: config.redirectUri,
    code_verifier: pending.verifier,
  });
  signIn(tokens.id_token, DEFAULT_IDLE_SECONDS, tokens.refresh_token);
  return true;
}

/** Cognito: a new ID token with the refresh token when the current one is about to run out. */
export async function refreshIfNeeded() {
  const config = await authConfig();
  const refresh = sessionStorage.getItem(REFRESH);
  const c = claims();
  if (config.mode !== 'cognito' || !refresh || !c?.exp) return;
  if (c.exp * 1000 - Date.now() > 5 * 60 * 1000) return;
  try {
    const tokens = await tokenRequest(config, { grant_type: 'refresh_token', refresh_token: refresh });
    sessionStorage.setItem(KEY, tokens.id_token);
  } catch {
    // the refresh token was revoked or ran out (8 hours): the next call answers 401 and the console asks to sign in
  }
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
  touch();
  await refreshIfNeeded();
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
