// 逾期提醒: the alerts the daily overdue sweep raised, one per case, latest due date first (village staff see their
// village's). Each links to the case; the case list's “只看逾期” filter shows the same cases live.
import { formatDate, h, replace } from '/assets/js/dom.js';
import { STATUS_NAMES, TYPE_NAMES } from '/assets/js/names.js';
import { catalog, staffApi } from './session.js';

const LIMIT = 200;

export async function render(container, _route, ctx) {
  replace(container, h('h1', {}, '逾期提醒'), h('p', { class: 'muted' }, '正在加载…'));
  const [{ data }, cat] = await Promise.all([
    staffApi(`/api/v1/admin/alerts?limit=${LIMIT}`),
    catalog().catch(() => ({ villages: [] })),
  ]);
  if (!ctx.isCurrent()) return;
  const villages = new Map(cat.villages.map((v) => [v.id, v.name]));
  const items = data.items || [];
  replace(container,
    h('div', { class: 'toolbar' },
      h('h1', {}, '逾期提醒'),
      h('a', { class: 'button secondary', href: '#/cases?overdue=true' }, '在案件列表中查看逾期案件')),
    h('p', { class: 'lead' }, '每日逾期检查发现的已超过办理期限的案件，以及未按期发布的年度报告。办结、期限调整或报告发布后提醒自动撤销。'),
    h('p', { class: 'muted', id: 'alerts-count', role: 'status' },
      items.length ? `共 ${items.length} 条提醒${items.length >= LIMIT ? `（只显示最近 ${LIMIT} 条）` : ''}` : ''),
    items.length
      ? h('div', { class: 'table-wrap' }, h('table', { id: 'alerts-table' },
        h('thead', {}, h('tr', {}, ['查询编号', '类型', '标题', '村（社区）', '状态', '办理期限', '提醒日期'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, items.map((a) => h('tr', { class: 'overdue', 'data-tracking-no': a.trackingNo },
          h('td', { class: 'nowrap' }, a.trackingNo
            ? h('a', { href: `#/case/${encodeURIComponent(a.trackingNo)}` }, a.trackingNo)
            // an annual report not published on time: to its draft (year before the deadline's)
            : h('a', { href: `#/draft?year=${Number(a.dueDate.slice(0, 4)) - 1}&job=${encodeURIComponent(a.job)}` }, '年度报告')),
          h('td', { class: 'nowrap' }, a.trackingNo ? TYPE_NAMES[a.type] || a.type || '—' : '报告发布'),
          h('td', { class: 'title-cell' }, a.title || ''),
          h('td', { class: 'nowrap' }, a.village ? villages.get(a.village) || a.village : '—'),
          h('td', { class: 'nowrap' }, h('span', { class: 'badge' }, a.trackingNo ? STATUS_NAMES[a.status] || a.status || '—' : '未发布')),
          h('td', { class: 'nowrap' }, formatDate(a.dueDate), ' ', h('span', { class: 'badge overdue' }, '已逾期')),
          h('td', { class: 'nowrap' }, formatDate(a.raisedOn)))))))
      : h('p', { class: 'empty card', id: 'alerts-empty' }, '目前没有逾期提醒。'));
}
