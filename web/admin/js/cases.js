// 案件列表: the staff API's filters, overdue rows highlighted, cursor pagination, CSV export of the filter.
import { formatDate, formatDateTime, h, replace } from '/assets/js/dom.js';
import { clearErrors, formAlert, showApiError } from '/assets/js/forms.js';
import { STATUS_NAMES, TYPE_NAMES } from '/assets/js/names.js';
import { catalog, saveBlob, staffApi, staffFile } from './session.js';

const FILTERS = ['type', 'status', 'village', 'category', 'from', 'to', 'dueBefore', 'overdue'];
const PAGE_SIZE = 20;
/** Cursors of the pages before the current one, per filter; "上一页" walks back through them. */
const trail = { filter: null, cursors: [] };

function filterQuery(params) {
  const q = new URLSearchParams();
  for (const name of FILTERS) {
    const v = params.get(name);
    if (v) q.set(name, v);
  }
  return q;
}

function select(name, label, options, value) {
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: `f-${name}` }, label),
    h('select', { id: `f-${name}`, name },
      h('option', { value: '' }, '全部'),
      options.map(([code, text]) => h('option', { value: code, selected: code === value }, text))));
}

function dateField(name, label, value) {
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: `f-${name}` }, label),
    h('input', { type: 'date', id: `f-${name}`, name, value: value || '' }));
}

function filtersForm(params, cat, claims) {
  const villages = cat.villages.map((v) => [v.id, v.name]);
  const categories = [...cat.categories.map((c) => [c.id, c.name]), ['government-information', '政府信息公开']];
  const active = FILTERS.some((name) => params.get(name));
  const form = h('form', { class: 'card', id: 'filters', novalidate: true, 'aria-label': '筛选案件' },
    h('details', { class: 'filters-panel', open: active || window.innerWidth >= 700 },
      h('summary', {}, active ? '筛选条件（已筛选）' : '筛选条件'),
      h('div', { class: 'filters' },
        select('type', '类型', Object.entries(TYPE_NAMES), params.get('type')),
        select('status', '状态', Object.entries(STATUS_NAMES), params.get('status')),
        claims.role === 'village-staff' ? null : select('village', '村（社区）', villages, params.get('village')),
        select('category', '分类', categories, params.get('category')),
        dateField('from', '收到日期从', params.get('from')),
        dateField('to', '收到日期至', params.get('to')),
        dateField('dueBefore', '期限早于', params.get('dueBefore')),
        h('div', { class: 'field', 'data-field': 'overdue' },
          h('div', { class: 'check' },
            h('input', { type: 'checkbox', id: 'f-overdue', name: 'overdue', checked: params.get('overdue') === 'true' }),
            h('label', { for: 'f-overdue' }, '只看逾期'))))),
    h('div', { class: 'button-row' },
      h('button', { type: 'submit', id: 'apply-filters' }, '查询'),
      h('a', { class: 'button secondary', href: '#/cases' }, '清除筛选'),
      h('button', { type: 'button', class: 'secondary', id: 'export-csv' }, '导出 CSV')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    for (const name of FILTERS) {
      const el = form.elements.namedItem(name);
      if (!el) continue;
      const v = el.type === 'checkbox' ? (el.checked ? 'true' : '') : el.value;
      if (v) q.set(name, v);
    }
    const hash = `#/cases${q.toString() ? '?' + q : ''}`;
    if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = hash;
  });
  form.querySelector('#export-csv').addEventListener('click', async (event) => {
    const button = event.currentTarget;
    clearErrors(form);
    button.disabled = true;
    try {
      const q = filterQuery(params);
      const { blob, fileName } = await staffFile(`/api/v1/admin/cases/export${q.toString() ? '?' + q : ''}`);
      saveBlob(blob, fileName || 'banshi-cases.csv');
      formAlert(form, 'ok', h('p', {}, `已导出 ${fileName || 'CSV 文件'}（当前筛选条件下的案件）。`));
    } catch (error) {
      showApiError(form, error, '导出未成功');
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function row(item, villages) {
  const village = item.villageName || (item.village ? villages.get(item.village) || item.village : '—');
  return h('tr', { class: item.overdue ? 'overdue' : null, 'data-tracking-no': item.trackingNo },
    h('td', { class: 'nowrap' }, h('a', { href: `#/case/${encodeURIComponent(item.trackingNo)}` }, item.trackingNo)),
    h('td', { class: 'nowrap' }, item.typeName || TYPE_NAMES[item.type] || item.type),
    h('td', { class: 'title-cell' }, item.title || ''),
    h('td', { class: 'nowrap' }, item.categoryName || item.category || '—'),
    h('td', { class: 'nowrap' }, village),
    h('td', { class: 'nowrap' }, h('span', { class: 'badge' }, item.statusName || STATUS_NAMES[item.status] || item.status)),
    h('td', { class: 'nowrap' }, formatDateTime(item.receivedAt)),
    h('td', { class: 'nowrap' }, item.dueDate ? formatDate(item.dueDate) : '—',
      item.dueDateProvisional ? [' ', h('span', { class: 'badge', title: item.dueDateNote }, '暂定')] : null,
      item.overdue ? [' ', h('span', { class: 'badge overdue' }, '已逾期')] : null));
}

export async function render(container, { params }, ctx) {
  const cat = await catalog();
  const filterKey = filterQuery(params).toString();
  if (trail.filter !== filterKey) {
    trail.filter = filterKey;
    trail.cursors = [];
  }
  const form = filtersForm(params, cat, ctx.claims);
  const results = h('section', { 'aria-labelledby': 'list-title', id: 'case-list' },
    h('div', { class: 'toolbar' }, h('h1', { id: 'list-title' }, '案件')),
    h('p', { class: 'muted' }, '正在加载…'));
  replace(container, [...container.querySelectorAll('#flash')], form, results);

  const q = filterQuery(params);
  q.set('limit', String(PAGE_SIZE));
  const cursor = params.get('cursor');
  if (cursor) q.set('cursor', cursor);
  let page;
  try {
    page = (await staffApi(`/api/v1/admin/cases?${q}`)).data;
  } catch (error) {
    if (!ctx.isCurrent()) return;
    results.querySelector('p').remove();
    showApiError(form, error, '查询未成功');
    return;
  }
  if (!ctx.isCurrent()) return;
  const villages = new Map(cat.villages.map((v) => [v.id, v.name]));
  const items = page.items || [];
  const overdue = items.filter((i) => i.overdue).length;
  replace(results,
    h('div', { class: 'toolbar' },
      h('h1', { id: 'list-title' }, '案件'),
      h('p', { class: 'muted', id: 'list-count', role: 'status' },
        items.length ? `本页 ${items.length} 件${overdue ? `，其中逾期 ${overdue} 件（红色标出）` : ''}` : '')),
    items.length
      ? h('div', { class: 'table-wrap' },
        h('table', { id: 'cases-table' },
          h('caption', { class: 'visually-hidden' }, '案件列表，逾期案件以红色背景和“已逾期”标出'),
          h('thead', {}, h('tr', {}, ['查询编号', '类型', '标题', '分类', '村（社区）', '状态', '收到时间', '办理期限']
            .map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, items.map((item) => row(item, villages)))))
      : h('p', { class: 'empty card', id: 'no-cases' }, '没有符合条件的案件。'),
    h('nav', { class: 'pager', 'aria-label': '翻页' },
      h('button', {
        type: 'button', class: 'secondary', id: 'prev-page', disabled: !cursor,
        onclick: () => go(params, trail.cursors.pop() || null),
      }, '上一页'),
      h('button', {
        type: 'button', class: 'secondary', id: 'next-page', disabled: !page.nextCursor,
        onclick: () => {
          trail.cursors.push(cursor || '');
          go(params, page.nextCursor);
        },
      }, '下一页')));
}

function go(params, cursor) {
  const q = filterQuery(params);
  if (cursor) q.set('cursor', cursor);
  location.hash = `#/cases${q.toString() ? '?' + q : ''}`;
}
