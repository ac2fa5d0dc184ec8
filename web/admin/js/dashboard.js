// 统计: the year's figures from GET /admin/stats as numbers and inline SVG charts.
import { h, replace, todayInChina } from '/assets/js/dom.js';
import { STATUS_NAMES, TYPE_NAMES } from '/assets/js/names.js';
import { barChart, columnChart, gauge } from './charts.js';
import { catalog, staffApi } from './session.js';

function percent(rate) {
  return rate == null ? '—' : `${(Number(rate) * 100).toFixed(1)}%`;
}

function kpi(id, label, value, note, extra, alarm) {
  return h('div', { class: `kpi${alarm ? ' alarm' : ''}`, id },
    h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value' }, value),
    extra || null,
    note ? h('div', { class: 'small muted' }, note) : null);
}

function sorted(map, names) {
  return Object.entries(map || {})
    .map(([code, value]) => ({ label: names(code), value: Number(value) }))
    .sort((a, b) => b.value - a.value);
}

export function yearPicker(year, route) {
  const current = Number(todayInChina().slice(0, 4));
  const form = h('form', { class: 'year-form', id: 'year-form', role: 'search' },
    h('label', { for: 'year' }, '年度'),
    h('select', { id: 'year', name: 'year' },
      Array.from({ length: 6 }, (_, i) => current - i).map((y) => h('option', { value: y, selected: y === year }, `${y} 年`))),
    h('button', { type: 'submit', class: 'secondary' }, '查看'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/${route}?year=${form.elements.namedItem('year').value}`;
  });
  return form;
}

export async function render(container, { params }, ctx) {
  const year = Number(params.get('year')) || Number(todayInChina().slice(0, 4));
  const [cat, stats] = await Promise.all([catalog(), staffApi(`/api/v1/admin/stats?year=${year}`).then((r) => r.data)]);
  if (!ctx.isCurrent()) return;
  const villageName = (id) => (id === 'none' ? '未指定村（社区）' : cat.villages.find((v) => v.id === id)?.name || id);
  const categoryName = (id) => (id === 'government-information' ? '政府信息公开' : cat.categories.find((c) => c.id === id)?.name || id);
  const months = Object.entries(stats.byMonth || {}).sort(([a], [b]) => a.localeCompare(b))
    .map(([m, v]) => ({ label: `${Number(m)}月`, value: Number(v) }));
  const scope = ctx.claims.village ? `（${villageName(ctx.claims.village)}）` : '';
  replace(container,
    [...container.querySelectorAll('#flash')],
    h('div', { class: 'toolbar' },
      h('h1', {}, `${year} 年办理情况${scope}`),
      yearPicker(year, 'dashboard')),
    h('section', { class: 'kpis', id: 'kpis', 'aria-label': '主要指标' },
      kpi('kpi-total', '收件总数', String(stats.total ?? 0), `已办结 ${stats.finished ?? 0} 件，办理中 ${stats.open ?? 0} 件`
        + (stats.mergedDuplicates ? `；另有 ${stats.mergedDuplicates} 件重复反映已合并办理，不重复统计` : '')),
      kpi('kpi-on-time', '按期办结率', percent(stats.onTimeRate), '已办结案件中按期办结的比例', gauge(stats.onTimeRate, `按期办结率 ${percent(stats.onTimeRate)}`)),
      kpi('kpi-mediation', '调解成功率', percent(stats.mediationSuccessRate),
        `调解 ${stats.disputesMediated ?? 0} 件，达成协议 ${stats.disputesAgreed ?? 0} 件`,
        gauge(stats.mediationSuccessRate, `调解成功率 ${percent(stats.mediationSuccessRate)}`)),
      kpi('kpi-satisfaction', '群众满意度', stats.averageSatisfaction == null ? '—' : `${Number(stats.averageSatisfaction).toFixed(2)} 分`,
        `共 ${stats.ratings ?? 0} 条评价（满分 5 分）`,
        gauge(stats.averageSatisfaction == null ? null : Number(stats.averageSatisfaction) / 5, '满意度')),
      kpi('kpi-overdue', '当前逾期', `${stats.overdueNow ?? 0} 件`, '尚未办结且已超过期限',
        stats.overdueNow ? h('a', { href: '#/cases?overdue=true' }, '查看逾期案件') : null, Boolean(stats.overdueNow))),
    h('div', { class: 'charts' },
      columnChart(`${year} 年每月收件`, months, { id: 'chart-month' }),
      barChart('按分类', sorted(stats.byCategory, categoryName), { id: 'chart-category' }),
      barChart('按村（社区）', sorted(stats.byVillage, villageName), { id: 'chart-village', alt: true }),
      barChart('按类型', sorted(stats.byType, (t) => TYPE_NAMES[t] || t), { id: 'chart-type' }),
      barChart('按状态', sorted(stats.byStatus, (st) => STATUS_NAMES[st] || st), { id: 'chart-status', alt: true })));
}
