// Form plumbing shared by the citizen forms and the staff console: field-level errors next to the field
// the API names in error.field, a form-level alert for everything else, and one Idempotency-Key per
// submission attempt.
import { api } from './api.js';
import { h, replace, uuid } from './dom.js';

/** The wrapper (.field or fieldset) marked data-field="<API path>" for an API field path, if any. */
export function fieldWrapper(form, path) {
  if (!path) return null;
  const selector = (p) => `[data-field="${CSS.escape(p)}"]`;
  let p = path;
  while (p) {
    const found = form.querySelector(selector(p));
    if (found) return found;
    // "location.lat" → "location"; "parties[1]" → "parties"
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : '';
  }
  return null;
}

function errorId(wrapper) {
  if (!wrapper.dataset.errorId) wrapper.dataset.errorId = 'err-' + uuid().slice(0, 8);
  return wrapper.dataset.errorId;
}

export function clearErrors(form) {
  for (const wrapper of form.querySelectorAll('.has-error')) {
    wrapper.classList.remove('has-error');
    wrapper.querySelector(':scope > .field-error')?.remove();
    for (const control of wrapper.querySelectorAll('[aria-invalid]')) {
      control.removeAttribute('aria-invalid');
      const described = (control.getAttribute('aria-describedby') || '').split(' ')
        .filter((id) => id && id !== wrapper.dataset.errorId);
      if (described.length) control.setAttribute('aria-describedby', described.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }
  const alert = form.querySelector(':scope > .form-alert');
  if (alert) {
    alert.hidden = true;
    alert.replaceChildren();
  }
}

/** Shows the message under the field; returns false when no field of this form matches the path. */
export function showFieldError(form, path, message) {
  const wrapper = fieldWrapper(form, path);
  if (!wrapper) return false;
  const id = errorId(wrapper);
  wrapper.classList.add('has-error');
  const p = h('p', { class: 'field-error', id, 'data-error-for': path }, message);
  // The error goes right under the label/legend so it is read before the control.
  const anchor = wrapper.querySelector(':scope > label, :scope > legend, :scope > .field-label');
  if (anchor) anchor.after(p);
  else wrapper.prepend(p);
  const controls = wrapper.matches('input, select, textarea') ? [wrapper] : [...wrapper.querySelectorAll('input, select, textarea')];
  for (const control of controls) {
    control.setAttribute('aria-invalid', 'true');
    const described = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
    described.add(id);
    control.setAttribute('aria-describedby', [...described].join(' '));
  }
  const first = controls.find((c) => !c.disabled && c.type !== 'hidden');
  return first || wrapper;
}

/** The alert box at the top of a form (created on first use). */
export function formAlert(form, kind, ...content) {
  let alert = form.querySelector(':scope > .form-alert');
  if (!alert) {
    alert = h('div', { class: 'form-alert alert', role: 'alert', tabindex: '-1' });
    form.prepend(alert);
  }
  alert.className = `form-alert alert ${kind}`;
  replace(alert, ...content);
  alert.hidden = false;
  return alert;
}

/**
 * Shows an ApiError: next to its field when the form has it, otherwise at the top. Moves focus to the
 * field (or the alert) so keyboard and screen-reader users land on the problem.
 */
export function showApiError(form, error, intro = '提交未成功') {
  const target = error.field ? showFieldError(form, error.field, error.message) : false;
  if (target) {
    formAlert(form, 'error', h('p', {}, `${intro}：请按标出的提示修改后重新提交。`));
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  } else {
    const alert = formAlert(form, 'error', h('p', {}, `${intro}：${error.message}`));
    alert.focus({ preventScroll: true });
    alert.scrollIntoView({ block: 'center' });
  }
}

/**
 * One Idempotency-Key per submission attempt: the same body (a double tap, a retry after a lost answer)
 * keeps its key, so the server creates one case; a changed body is a new attempt with a new key.
 */
export class Attempts {
  #body = null;
  #key = null;
  #frozen = null;

  keyFor(body) {
    if (body !== this.#body) {
      this.#body = body;
      this.#key = uuid();
      this.#frozen = null;
    }
    return this.#key;
  }

  /** A value fixed for this attempt (the fill time): a retry sends the same body with the same key. */
  frozen(make) {
    if (this.#frozen === null) this.#frozen = { value: make() };
    return this.#frozen.value;
  }

  /** After a case was created: the next submission is a new case. */
  done() {
    this.#body = null;
    this.#key = null;
    this.#frozen = null;
  }
}

/** Marks a submit button busy (and back). */
export function busy(button, on, busyText) {
  if (on) {
    button.dataset.label = button.textContent;
    button.textContent = busyText;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
  } else {
    if (button.dataset.label) button.textContent = button.dataset.label;
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** Trimmed value of a named control, or undefined when empty. */
export function value(form, name) {
  const el = form.elements.namedItem(name);
  if (!el) return undefined;
  const v = (el.value ?? '').trim();
  return v === '' ? undefined : v;
}

/** Drops undefined members (and empty objects) so the API sees only what was filled in. */
export function compact(obj) {
  const out = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const inner = compact(v);
      if (Object.keys(inner).length) out[k] = inner;
    } else out[k] = v;
  }
  return out;
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs a submission with its Idempotency-Key. While the same submission is still being stored (a second
 * tap, another tab) the API answers IDEMPOTENCY_IN_PROGRESS: wait and ask again with the same key.
 */
export async function submitOnce(url, payload, key, headers = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await api(url, { method: 'POST', body: payload, headers: { ...headers, 'Idempotency-Key': key } });
    } catch (error) {
      if (error.code === 'IDEMPOTENCY_IN_PROGRESS' && attempt < 5) {
        await sleep(1000 * (error.retryAfter || 1));
        continue;
      }
      throw error;
    }
  }
}

/**
 * The citizen form's bot check (docs/abuse.md): the honeypot's value (people leave it empty) and how long the form
 * has been open, fixed per submission attempt. Returns the body to send.
 */
export function withBotCheck(form, body, attempts, openedAt) {
  const website = form.elements.namedItem('website')?.value || undefined;
  const fillMs = attempts.frozen(() => Math.round(performance.now() - openedAt));
  return JSON.stringify(compact({ ...body, website, fillMs }));
}
