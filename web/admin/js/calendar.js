// 节假日安排: the working-day calendar a year is counted with. A year whose State Council notice is loaded shows
// it; any other year is provisional (the statutory holidays and 补假 days of the law, no make-up working days).
// Town admins paste the notice's days off and make-up working days; loading recounts every open deadline.
import { formatDate, h, replace, todayInChina } from '/assets/js/dom.js';
import { busy, clearErrors, formAlert, showApiError } from '/assets/js/forms.js';
import { staffApi } from './session.js';

const FIELD_NAMES = { daysOff: '放假日期', makeUpWorkdays: '调休上班日期', notice: '通知文号', year: '年度' };

/** "daysOff[3]" → "放假日期第 4 项" (the API's field paths, in the words of the form). */
function fieldName(field) {
  const m = /^(\w+)(?:\[(\d+)])?$/.exec(field || '');
  if (!m) return field || '';
  const name = FIELD_NAMES[m[1]] || m[1];
  return m[2] === undefined ? name : `${name}第 ${Number(m[2]) + 1} 项`;
}

const STATES = { pending: '待重新计算', running: '正在重新计算', done: '已重新计算' };
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Dates as pasted from the notice: ISO dates or ranges ("2027-02-05~2027-02-11", "至" or "到" also), separated by
 * spaces, commas, 、 or new lines. Returns {dates, bad} (bad: the pieces that are no date).
 */
export function parseDates(text) {
  const dates = [];
  const bad = [];
  for (const piece of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const range = piece.split(/[~～至到]/);
    if (range.length === 2 && ISO.test(range[0]) && ISO.test(range[1])) {
      const end = new Date(`${range[1]}T00:00:00Z`);
      for (let d = new Date(`${range[0]}T00:00:00Z`); d <= end && dates.length < 400; d.setUTCDate(d.getUTCDate() + 1)) {
        dates.push(d.toISOString().slice(0, 10));
      }
    } else if (ISO.test(piece)) dates.push(piece);
    else bad.push(piece);
  }
  return { dates, bad };
}

function yearForm(year) {
  const current = Number(todayInChina().slice(0, 4));
  const form = h('form', { class: 'year-form', id: 'calendar-year-form', role: 'search' },
    h('label', { for: 'calendar-year' }, '年度'),
    h('select', { id: 'calendar-year', name: 'year' },
      Array.from({ length: 6 }, (_, i) => current + 3 - i).map((y) => h('option', { value: y, selected: y === year }, `${y} 年`))),
    h('button', { type: 'submit', class: 'secondary' }, '查看'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/calendar?year=${form.elements.namedItem('year').value}`;
  });
  return form;
}

function dateList(id, dates) {
  return dates.length
    ? h('ul', { class: 'date-list', id }, dates.map((d) => h('li', { 'data-date': d }, formatDate(d))))
    : h('p', { class: 'muted', id }, '无');
}

/** The state of this town's recompute after the year was loaded (other towns are not the staff member's business). */
function recomputeNote(states, town) {
  const state = (states || {})[town];
  if (!state) return null;
  return h('p', { id: 'calendar-recompute', class: 'small' }, `本镇在办案件的办理期限：${STATES[state] || state}`);
}

function summary(data, town) {
  const holidays = data.statutoryHolidays || [];
  return h('section', { class: 'card', id: 'calendar-summary', 'data-provisional': String(data.provisional) },
    data.provisional
      ? h('div', { class: 'alert warn', id: 'calendar-status' },
        `${data.year} 年国务院节假日安排尚未载入：暂按《全国年节及纪念日放假办法》推算（法定节假日及其补假，不含调休上班日）。`
        + '落在该年度的办理期限标为“暂定”，载入通知后自动重新计算。')
      : h('div', { class: 'alert ok', id: 'calendar-status' }, `已载入：${data.notice}`),
    h('h2', {}, '法定节假日'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'statutory-table' },
      h('thead', {}, h('tr', {}, ['节日', '法定假日', '补假（适逢周末）'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, holidays.map((x) => h('tr', {},
        h('td', {}, x.name),
        h('td', {}, x.days.map(formatDate).join('、')),
        h('td', {}, x.inLieu.length ? x.inLieu.map(formatDate).join('、') : '—')))))),
    h('h2', {}, data.provisional ? '暂定放假日期' : '放假日期（含周末）'),
    dateList('calendar-days-off', data.daysOff || []),
    h('h2', {}, '调休上班日期'),
    dateList('calendar-make-up', data.makeUpWorkdays || []),
    recomputeNote(data.recompute, town));
}

function loadForm(year, data, reload) {
  const form = h('form', { id: 'calendar-form', novalidate: true },
    h('h2', {}, `载入 ${year} 年国务院节假日安排`),
    h('p', { class: 'hint' }, '按通知逐日填写放假日期（假期内的周末也要列出），可写日期范围，如 2027-02-05~2027-02-11。'),
    h('div', { class: 'field', 'data-field': 'notice' },
      h('label', { for: 'calendar-notice' }, '通知文号', h('span', { class: 'req' }, '必填')),
      h('input', { type: 'text', id: 'calendar-notice', name: 'notice', maxlength: 100, placeholder: '国办发明电〔2026〕N号',
        value: data.provisional ? '' : data.notice })),
    h('div', { class: 'field', 'data-field': 'daysOff' },
      h('label', { for: 'calendar-days-off-input' }, '放假日期', h('span', { class: 'req' }, '必填')),
      h('textarea', { id: 'calendar-days-off-input', name: 'daysOff', rows: 4 },
        data.provisional ? '' : (data.daysOff || []).join('\n'))),
    h('div', { class: 'field', 'data-field': 'makeUpWorkdays' },
      h('label', { for: 'calendar-make-up-input' }, '调休上班日期', h('span', { class: 'opt' }, '没有时留空')),
      h('textarea', { id: 'calendar-make-up-input', name: 'makeUpWorkdays', rows: 2 },
        data.provisional ? '' : (data.makeUpWorkdays || []).join('\n'))),
    h('button', { type: 'submit', id: 'calendar-submit' }, '载入并重新计算办理期限'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const off = parseDates(form.elements.namedItem('daysOff').value);
    const makeUp = parseDates(form.elements.namedItem('makeUpWorkdays').value);
    const unreadable = [...off.bad, ...makeUp.bad];
    if (unreadable.length) {
      formAlert(form, 'error', h('p', {}, `无法识别的日期：${unreadable.join('、')}（请写成 YYYY-MM-DD）`));
      return;
    }
    const button = form.querySelector('#calendar-submit');
    busy(button, true, '正在载入…');
    try {
      await staffApi(`/api/v1/admin/calendar/${year}`, { method: 'PUT', body: {
        notice: form.elements.namedItem('notice').value.trim(), daysOff: off.dates, makeUpWorkdays: makeUp.dates } });
      await reload('ok', `${year} 年节假日安排已载入，在办案件的办理期限已重新计算。`);
    } catch (error) {
      busy(button, false);
      const problems = error.body?.problems || [];
      if (problems.length > 1 || (problems.length === 1 && !error.field)) {
        const alert = formAlert(form, 'error', h('p', {}, `未能载入，共 ${problems.length} 处问题：`),
          h('ul', { id: 'calendar-problems' }, problems.map((p) => h('li', { 'data-field': p.field }, `${fieldName(p.field)}：${p.message}`))));
        alert.focus();
      } else showApiError(form, error, '未能载入');
    }
  });
  return form;
}

export async function render(container, { params }, ctx) {
  const year = Number(params.get('year')) || Number(todayInChina().slice(0, 4)) + 1;
  const body = h('div', {}, h('p', { class: 'muted' }, '正在加载…'));
  replace(container, h('h1', {}, '节假日安排'), yearForm(year), body);
  const show = async (kind, text) => {
    const { data } = await staffApi(`/api/v1/admin/calendar/${year}`);
    if (!ctx.isCurrent()) return;
    replace(body,
      text ? h('div', { class: `alert ${kind}`, role: 'status', id: 'calendar-flash' }, text) : null,
      summary(data, ctx.claims.town),
      ctx.claims.role === 'town-admin' ? h('section', { class: 'card' }, loadForm(year, data, show)) : null);
  };
  try {
    await show();
  } catch (error) {
    replace(body, h('div', { class: 'alert error', role: 'alert' }, `加载失败：${error.message}`));
  }
}
