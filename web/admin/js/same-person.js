// 同一当事人的其他事项: on a case's detail page, the town's other cases with the same phone or ID number (found by
// keyed beacons on the server; list rows only, no personal data). Looking is audited.
import { formatDateTime, h, replace } from '/assets/js/dom.js';
import { STATUS_NAMES, TYPE_NAMES } from '/assets/js/names.js';
import { staffApi } from './session.js';

const TITLE = '同一当事人的其他事项';

function rows(items) {
  if (!items.length) return h('p', { class: 'muted', id: 'same-person-empty' }, '没有同一电话或证件号码的其他事项。');
  return h('div', { class: 'table-wrap' }, h('table', { id: 'same-person-table' },
    h('thead', {}, h('tr', {}, ['查询编号', '类型', '标题', '状态', '收到时间'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map((c) => h('tr', { 'data-tracking-no': c.trackingNo },
      h('td', { class: 'code small' }, h('a', { href: `#/case/${encodeURIComponent(c.trackingNo)}` }, c.trackingNo)),
      h('td', { class: 'nowrap' }, c.typeName || TYPE_NAMES[c.type]),
      h('td', { class: 'title-cell' }, c.title || ''),
      h('td', { class: 'nowrap' }, c.statusName || STATUS_NAMES[c.status]),
      h('td', { class: 'nowrap' }, formatDateTime(c.receivedAt)))))));
}

/** The case detail's section: filled in once the case is shown. */
export function samePersonCases(trackingNo) {
  const section = h('section', { class: 'card', id: 'same-person', 'aria-labelledby': 'same-person-title' },
    h('h2', { id: 'same-person-title' }, TITLE),
    h('p', { class: 'muted' }, '正在加载…'));
  staffApi(`/api/v1/admin/cases/${encodeURIComponent(trackingNo)}/same-person`)
    .then(({ data }) => replace(section, h('h2', { id: 'same-person-title' }, TITLE), rows(data.items)))
    .catch((error) => replace(section, h('h2', { id: 'same-person-title' }, TITLE),
      h('p', { class: 'muted' }, `加载失败：${error.message}`)));
  return section;
}
