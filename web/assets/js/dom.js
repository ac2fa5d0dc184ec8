// DOM helpers. API data only ever reaches the page as text nodes or checked attribute values, never as
// markup. (The one parse of markup is the report viewer's: into an inert <template>, sanitised before use.)

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(el, attrs, children) {
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'href' || key === 'src') el.setAttribute(key, safeUrl(value));
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** h('p', {class: 'x'}, 'text', child): an element; strings become text nodes. */
export function h(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/** The same for SVG elements. */
export function s(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces the children of an element. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Only same-origin paths, http(s) and blob: URLs; anything else (javascript:, data:) becomes '#'. */
export function safeUrl(value) {
  const text = String(value);
  try {
    const url = new URL(text, location.href);
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'blob:') return text;
  } catch {
    // not a URL at all
  }
  return '#';
}

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', hour12: false,
});

/** "2026-11-28T14:03:38+08:00" → "2026/11/28 14:03" (Beijing time). */
export function formatDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTime.format(d);
}

/** "2026-12-17" → "2026年12月17日". */
export function formatDate(isoDate) {
  if (!isoDate) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDate));
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : String(isoDate);
}

/** Today's date in Beijing as YYYY-MM-DD. */
export function todayInChina() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date());
  return parts;
}

/** A random UUID (v4) that also works outside secure contexts. */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The town this site serves: ?town=… or the page's <meta name="banshi-town">. */
export function currentTown() {
  const fromQuery = new URLSearchParams(location.search).get('town');
  if (fromQuery && /^[a-z0-9-]{1,64}$/.test(fromQuery)) return fromQuery;
  return document.querySelector('meta[name="banshi-town"]')?.content || 'gaocheng';
}
