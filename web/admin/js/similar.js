// 相似事项 on the case detail (issue 19; docs/duplicates.md): cases of the same village and category, open and
// finished, of the last 365 days, whose text is similar; public parts only, each linking to its own detail.
import { formatDate, h, replace } from '/assets/js/dom.js';
import { TYPE_NAMES } from '/assets/js/names.js';
import { staffApi } from './session.js';

function list(items) {
  if (!items.length) return h('p', { class: 'muted', id: 'similar-none' }, '同村同类近一年内没有内容相似的事项。');
  return h('ul', { id: 'similar-cases', class: 'plain' }, items.map((s) =>
    h('li', { 'data-tracking-no': s.trackingNo },
      h('a', { href: `#/case/${encodeURIComponent(s.trackingNo)}` }, s.title),
      h('div', { class: 'small muted' },
        `${TYPE_NAMES[s.type] || s.type} · ${s.statusName} · 收到 ${formatDate(s.receivedOn)} · 相似度 ${Math.round(s.score * 100)}%`))));
}

export function similarCases(trackingNo) {
  const title = () => h('h2', { id: 'similar-title' }, '相似事项');
  const section = h('section', { class: 'card', id: 'case-similar', 'aria-labelledby': 'similar-title' },
    title(), h('p', { class: 'muted' }, '正在加载…'));
  staffApi(`/api/v1/admin/cases/${encodeURIComponent(trackingNo)}/similar`)
    .then(({ data }) => replace(section, title(),
      h('p', { class: 'hint' }, '同村、同类、近 365 天收到、内容相似的事项（含已办结），可能是重复反映。'),
      list(data.items)))
    .catch((error) => replace(section, title(), h('p', { class: 'muted' }, `加载失败：${error.message}`)));
  return section;
}
