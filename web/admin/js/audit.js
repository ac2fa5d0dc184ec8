// 审计日志 (town admins): who viewed personal data, exported, entered or acted on which case, newest first. Filters
// (date range, event, staff member, case) and cursor paging; entries carry no personal data.
import { formatDateTime, h, replace } from '/assets/js/dom.js';
import { showApiError } from '/assets/js/forms.js';
import { ROLE_NAMES } from '/assets/js/names.js';
import { catalog, staffApi } from './session.js';

const FILTERS = ['from', 'to', 'event', 'sub', 'trackingNo'];
const PAGE_SIZE = 30;
const EVENTS = {
  'view-personal-data': '查看个人信息',
  'view-same-person': '查看同一当事人的其他事项',
  'export-personal-data': '导出含个人信息的数据',
  'enter-case': '代录事项',
  'action:': '办理操作（全部）',
  'load-calendar': '载入节假日安排',
};
const trail = { filter: null, cursors: [] };

/** "action:accept" → "办理操作：accept"; unknown events as they are. */
export function eventName(code) {
  if (EVENTS[code]) return EVENTS[code];
  if (code.startsWith('action:')) return `办理操作：${code.slice('action:'.length)}`;
  return code;
}

function filterQuery(params) {
  const q = new URLSearchParams();
  for (const name of FILTERS) {
    const v = params.get(name);
    if (v) q.set(name, v);
  }
  return q;
}

function textField(name, labelText, value, attrs = {}) {
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: `a-${name}` }, labelText),
    h('input', { id: `a-${name}`, name, value: value || '', ...attrs }));
}

function filtersForm(params) {
  const active = FILTERS.some((name) => params.get(name));
  const event = params.get('event') || '';
  const form = h('form', { class: 'card', id: 'audit-filters', novalidate: true, 'aria-label': '筛选审计日志' },
    h('details', { class: 'filters-panel', open: active || window.innerWidth >= 700 },
      h('summary', {}, active ? '筛选条件（已筛选）' : '筛选条件'),
      h('div', { class: 'filters' },
        textField('from', '日期从', params.get('from'), { type: 'date' }),
        textField('to', '日期至', params.get('to'), { type: 'date' }),
        h('div', { class: 'field', 'data-field': 'event' },
          h('label', { for: 'a-event' }, '事件'),
          h('select', { id: 'a-event', name: 'event' },
            h('option', { value: '' }, '全部'),
            Object.entries(EVENTS).map(([code, text]) => h('option', { value: code, selected: code === event }, text)),
            event && !EVENTS[event] ? h('option', { value: event, selected: true }, eventName(event)) : null)),
        textField('sub', '工作人员账号', params.get('sub'), { maxlength: 128, autocomplete: 'off' }),
        textField('trackingNo', '查询编号', params.get('trackingNo'), { maxlength: 32, autocomplete: 'off' }))),
    h('div', { class: 'button-row' },
      h('button', { type: 'submit', id: 'audit-apply' }, '查询'),
      h('a', { class: 'button secondary', href: '#/audit' }, '清除筛选')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const name of FILTERS) {
      const v = form.elements.namedItem(name).value.trim();
      if (v) q.set(name, v);
    }
    const hash = `#/audit${q.toString() ? '?' + q : ''}`;
    if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = hash;
  });
  return form;
}

function go(params, cursor) {
  const q = filterQuery(params);
  if (cursor) q.set('cursor', cursor);
  location.hash = `#/audit${q.toString() ? '?' + q : ''}`;
}

export async function render(container, { params }, ctx) {
  if (ctx.claims.role !== 'town-admin') {
    replace(container, h('h1', {}, '审计日志'), h('div', { class: 'alert warn', role: 'alert', id: 'audit-forbidden' }, '审计日志仅镇管理员可以查看。'));
    return;
  }
  const filterKey = filterQuery(params).toString();
  if (trail.filter !== filterKey) {
    trail.filter = filterKey;
    trail.cursors = [];
  }
  const form = filtersForm(params);
  const results = h('section', { id: 'audit-list', 'aria-labelledby': 'audit-title' }, h('p', { class: 'muted' }, '正在加载…'));
  replace(container, h('h1', { id: 'audit-title' }, '审计日志'), form, results);
  const q = filterQuery(params);
  q.set('limit', String(PAGE_SIZE));
  const cursor = params.get('cursor');
  if (cursor) q.set('cursor', cursor);
  let page;
  try {
    page = (await staffApi(`/api/v1/admin/audit?${q}`)).data;
  } catch (error) {
    if (!ctx.isCurrent()) return;
    results.replaceChildren();
    showApiError(form, error, '查询未成功');
    return;
  }
  if (!ctx.isCurrent()) return;
  const cat = await catalog().catch(() => ({ villages: [] }));
  const villages = new Map(cat.villages.map((v) => [v.id, v.name]));
  const items = page.items || [];
  replace(results,
    h('p', { class: 'muted', id: 'audit-count', role: 'status' },
      items.length ? `本页 ${items.length} 条${page.nextCursor ? '，还有更多' : ''}` : ''),
    items.length
      ? h('div', { class: 'table-wrap' }, h('table', { id: 'audit-table' },
        h('thead', {}, h('tr', {}, ['时间', '工作人员', '角色', '事件', '案件', '说明'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, items.map((e) => h('tr', { 'data-event': e.event },
          h('td', { class: 'nowrap' }, formatDateTime(e.at)),
          h('td', { class: 'nowrap' }, e.sub),
          h('td', { class: 'nowrap' }, (ROLE_NAMES[e.role] || e.role) + (e.village ? ` · ${villages.get(e.village) || e.village}` : '')),
          h('td', { class: 'nowrap' }, eventName(e.event)),
          h('td', { class: 'nowrap' }, e.trackingNo ? h('a', { href: `#/case/${encodeURIComponent(e.trackingNo)}` }, e.trackingNo) : '—'),
          h('td', {}, e.detail || ''))))))
      : h('p', { class: 'empty card', id: 'audit-empty' }, '没有符合条件的记录。'),
    h('nav', { class: 'pager', 'aria-label': '翻页' },
      h('button', { type: 'button', class: 'secondary', id: 'audit-prev', disabled: !cursor, onclick: () => go(params, trail.cursors.pop() || null) }, '上一页'),
      h('button', {
        type: 'button', class: 'secondary', id: 'audit-next', disabled: !page.nextCursor,
        onclick: () => {
          trail.cursors.push(cursor || '');
          go(params, page.nextCursor);
        },
      }, '下一页')));
}
