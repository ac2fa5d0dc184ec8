// The one way pages talk to the banshi API: JSON in, JSON out, errors as ApiError with the API's
// {"error": {code, message, messageEn, field}}.

export class ApiError extends Error {
  constructor(status, error, retryAfter) {
    super(error?.message || `HTTP ${status}`);
    this.status = status;
    this.code = error?.code || 'HTTP_' + status;
    this.field = error?.field ?? null;
    this.body = error ?? {};
    this.retryAfter = retryAfter;
  }
}

const NETWORK = {
  code: 'NETWORK',
  message: '网络连接失败，请检查网络后重试（您填写的内容仍然保留）',
  field: null,
};

function fallbackMessage(status) {
  if (status === 404) return '未找到（接口或记录不存在）';
  if (status === 401) return '未登录或登录已失效，请重新登录';
  if (status === 403) return '您的角色无权执行此操作';
  if (status >= 500) return '系统繁忙，请稍后重试';
  return `请求未成功（HTTP ${status}）`;
}

/**
 * fetch + JSON. options: method, body (object → JSON), headers, token (bearer), raw (return the Response).
 * Resolves to {status, data, headers}; rejects with ApiError for a non-2xx answer or a network failure.
 */
export async function api(path, options = {}) {
  const headers = { Accept: 'application/json', ...(options.headers || {}) };
  const init = { method: options.method || 'GET', headers, cache: 'no-store' };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  if (options.token) headers.Authorization = 'Bearer ' + options.token;
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, NETWORK);
  }
  if (options.raw && response.ok) return response;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const error = data && typeof data.error === 'object' ? data.error : { message: fallbackMessage(response.status) };
    if (!error.message) error.message = fallbackMessage(response.status);
    const retry = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, error, Number.isFinite(retry) && retry > 0 ? retry : null);
  }
  return { status: response.status, data, headers: response.headers };
}
