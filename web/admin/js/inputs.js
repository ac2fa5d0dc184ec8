// 年度资料: what staff record during the year for the report jobs — activities and measures, plan items
// and their outcome, and the disclosure figures only staff know. Town admins edit; auditors read.
import { formatDate, h, replace, todayInChina } from '/assets/js/dom.js';
import { busy, clearErrors, compact, formAlert, showApiError } from '/assets/js/forms.js';
import { yearPicker } from './dashboard.js';
import { unavailable } from './reports.js';
import { staffApi } from './session.js';

const THEMES = {
  leadership: '党委领导', 'rule-making': '制度建设', 'decision-making': '依法决策和法律顾问',
  'legal-education': '普法宣传教育', 'dispute-resolution': '矛盾纠纷化解', 'open-government': '政务公开',
  supervision: '监督', 'leadership-duty': '第一责任人履职', other: '其他',
};
const KINDS = { measure: '工作举措', meeting: '会议', event: '活动（计入场次）', document: '制度文件' };
const PLAN_STATUS = { 'not-started': '尚未开展', 'in-progress': '正在推进', done: '已完成' };

function field(name, label, input, { required = false, hint } = {}) {
  input.id ||= `in-${name.replace(/\W/g, '-')}`;
  input.name ||= name;
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: input.id }, label, required ? h('span', { class: 'req' }, '必填') : h('span', { class: 'opt' }, '选填')),
    input, hint ? h('p', { class: 'hint' }, hint) : null);
}

function formValues(form) {
  const out = {};
  for (const el of form.querySelectorAll('input, select, textarea')) {
    if (!el.name) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else out[el.name] = el.value.trim() || undefined;
  }
  return compact(out);
}

function unavailableNote(error, what) {
  return h('div', { class: 'alert warn', role: 'alert', 'data-unavailable': what },
    unavailable(error) ? `本系统尚未启用“${what}”功能（服务器上没有该接口）。`
      : error.status === 403 ? `您的角色无权查看“${what}”。` : `加载失败：${error.message}`);
}

// ------------------------------------------------------------------ activities

async function activities(section, year, canEdit) {
  const body = h('div', {}, h('p', { class: 'muted' }, '正在加载…'));
  replace(section, h('h2', { id: 'activities-title' }, `${year} 年工作举措和活动`),
    h('p', { class: 'hint' }, '年度报告第一部分按主题归纳这些举措；“第一责任人履职”写入第三部分。'), body);
  let data;
  try {
    data = (await staffApi(`/api/v1/admin/activities?year=${year}`)).data;
  } catch (error) {
    replace(body, unavailableNote(error, '工作举措'));
    return;
  }
  const items = data.items || [];
  const table = items.length
    ? h('div', { class: 'table-wrap' }, h('table', { id: 'activities-table' },
      h('thead', {}, h('tr', {}, ['日期', '主题', '名称', '地点', '参加人员', '第一责任人履职', ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map((a) => h('tr', {},
        h('td', { class: 'nowrap' }, formatDate(a.date)),
        h('td', { class: 'nowrap' }, a.themeName || THEMES[a.theme] || a.theme),
        h('td', { class: 'title-cell' }, a.title, a.description ? h('div', { class: 'small muted' }, a.description) : null),
        h('td', {}, a.place || '—'),
        h('td', {}, a.participants || '—'),
        h('td', {}, a.leaderDuty ? '是' : '否'),
        h('td', {}, canEdit ? h('button', {
          type: 'button', class: 'link', 'aria-label': `删除 ${a.title}`,
          onclick: async () => {
            if (!window.confirm(`删除“${a.title}”？`)) return;
            await staffApi(`/api/v1/admin/activities/${encodeURIComponent(a.id)}`, { method: 'DELETE' });
            activities(section, year, canEdit);
          },
        }, '删除') : null))))))
    : h('p', { class: 'muted', id: 'no-activities' }, '本年度还没有记录。');
  replace(body, table, canEdit ? activityForm(section, year, canEdit) : null);
}

function activityForm(section, year, canEdit) {
  const form = h('form', { id: 'activity-form', class: 'action-form', novalidate: true },
    h('h3', {}, '记录一项举措或活动'),
    h('div', { class: 'row two' },
      field('date', '日期', h('input', { type: 'date', id: 'act-date', value: todayInChina().startsWith(String(year)) ? todayInChina() : `${year}-01-01` }), { required: true }),
      field('theme', '主题', h('select', { id: 'act-theme' }, h('option', { value: '' }, '请选择'),
        Object.entries(THEMES).map(([code, name]) => h('option', { value: code }, name))), { required: true })),
    field('kind', '类型', h('select', { id: 'act-kind' },
      Object.entries(KINDS).map(([code, name]) => h('option', { value: code }, name))),
    { hint: '报告按类型归纳：会议计次数，活动计场次，制度文件列名称。' }),
    field('title', '名称', h('input', { type: 'text', id: 'act-title', maxlength: 100 }), { required: true }),
    field('description', '内容', h('textarea', { id: 'act-description', rows: 3, maxlength: 2000 })),
    h('div', { class: 'row two' },
      field('place', '地点', h('input', { type: 'text', id: 'act-place', maxlength: 100 })),
      field('participants', '参加人员', h('input', { type: 'text', id: 'act-participants', maxlength: 200 }))),
    h('div', { class: 'field', 'data-field': 'leaderDuty' }, h('div', { class: 'check' },
      h('input', { type: 'checkbox', id: 'act-leader', name: 'leaderDuty' }),
      h('label', { for: 'act-leader' }, '属于党政主要负责人履行推进法治建设第一责任人职责'))),
    h('button', { type: 'submit', id: 'activity-submit' }, '保存'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button[type="submit"]');
    clearErrors(form);
    busy(submit, true, '正在保存…');
    try {
      await staffApi('/api/v1/admin/activities', { method: 'POST', body: formValues(form) });
      await activities(section, year, canEdit);
    } catch (error) {
      busy(submit, false);
      showApiError(form, error, '保存未成功');
    }
  });
  return form;
}

// ------------------------------------------------------------------ plan items

async function planItems(section, year, canEdit) {
  const body = h('div', {}, h('p', { class: 'muted' }, '正在加载…'));
  replace(section, h('h2', { id: 'plan-title' }, `${year} 年度工作计划事项`),
    h('p', { class: 'hint' }, '年底记录每项的完成情况，次年的报告据此说明计划落实情况。'), body);
  let data;
  try {
    data = (await staffApi(`/api/v1/admin/plan-items?year=${year}`)).data;
  } catch (error) {
    replace(body, unavailableNote(error, '工作计划'));
    return;
  }
  const items = data.items || [];
  const statusCell = (p) => {
    if (!canEdit) return p.statusName || PLAN_STATUS[p.status] || p.status;
    const select = h('select', { 'aria-label': `“${p.title}”的完成情况`, 'data-plan-status': p.id },
      Object.entries(PLAN_STATUS).map(([code, name]) => h('option', { value: code, selected: code === p.status }, name)));
    select.addEventListener('change', async () => {
      select.disabled = true;
      try {
        await staffApi(`/api/v1/admin/plan-items/${encodeURIComponent(p.id)}`, { method: 'PUT', body: { status: select.value } });
        formAlert(section, 'ok', h('p', {}, `已更新“${p.title}”：${PLAN_STATUS[select.value]}`));
      } catch (error) {
        formAlert(section, 'error', h('p', {}, `更新未成功：${error.message}`));
      } finally {
        select.disabled = false;
      }
    });
    return select;
  };
  replace(body,
    items.length
      ? h('div', { class: 'table-wrap' }, h('table', { id: 'plan-table' },
        h('thead', {}, h('tr', {}, ['事项', '责任人', '地点', '完成时限', '完成情况'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, items.map((p) => h('tr', {},
          h('td', { class: 'title-cell' }, p.title, p.description ? h('div', { class: 'small muted' }, p.description) : null),
          h('td', {}, p.owner || '—'),
          h('td', {}, p.place || '—'),
          h('td', { class: 'nowrap' }, formatDate(p.targetDate)),
          h('td', {}, statusCell(p)))))))
      : h('p', { class: 'muted', id: 'no-plan-items' }, '本年度还没有计划事项。'),
    canEdit ? planForm(section, year, canEdit) : null);
}

function planForm(section, year, canEdit) {
  const form = h('form', { id: 'plan-form', class: 'action-form', novalidate: true },
    h('h3', {}, '添加计划事项'),
    field('title', '事项', h('input', { type: 'text', id: 'plan-title-input', maxlength: 100 }), { required: true }),
    field('description', '说明', h('textarea', { id: 'plan-description', rows: 2, maxlength: 2000 })),
    h('div', { class: 'row three' },
      field('owner', '责任人（部门）', h('input', { type: 'text', id: 'plan-owner', maxlength: 50 }), { required: true }),
      field('place', '地点', h('input', { type: 'text', id: 'plan-place', maxlength: 100 })),
      field('targetDate', '完成时限', h('input', { type: 'date', id: 'plan-target', value: `${year}-12-31` }), { required: true })),
    h('button', { type: 'submit', id: 'plan-submit' }, '添加'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button[type="submit"]');
    clearErrors(form);
    busy(submit, true, '正在保存…');
    try {
      await staffApi('/api/v1/admin/plan-items', { method: 'POST', body: formValues(form) });
      await planItems(section, year, canEdit);
    } catch (error) {
      busy(submit, false);
      showApiError(form, error, '保存未成功');
    }
  });
  return form;
}

// ------------------------------------------------------------------ disclosure figures

const DOC_ROWS = [['rules', '规章'], ['normativeDocuments', '行政规范性文件']];
const DOC_COLS = [['issued', '本年制发件数'], ['repealed', '本年废止件数'], ['inForce', '现行有效件数']];
const COUNT_ROWS = [['licensing', '行政许可（本年处理决定数量）'], ['penalties', '行政处罚（本年处理决定数量）'], ['enforcement', '行政强制（本年处理决定数量）']];
const REVIEW_ROWS = [['review', '行政复议'], ['litigationDirect', '行政诉讼：未经复议直接起诉'], ['litigationAfterReview', '行政诉讼：复议后起诉']];
const REVIEW_COLS = [['upheld', '结果维持'], ['corrected', '结果纠正'], ['other', '其他结果'], ['pending', '尚未审结']];

function numberCell(path, label, value, step = '1') {
  const id = `fig-${path.replace(/\./g, '-')}`;
  return h('td', { 'data-field': path },
    h('label', { for: id, class: 'visually-hidden' }, label),
    h('input', { type: 'number', id, name: path, min: 0, step, inputmode: step === '1' ? 'numeric' : 'decimal', value: value ?? 0, 'data-number': true }));
}

function get(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

async function disclosure(section, year, canEdit) {
  const body = h('div', {}, h('p', { class: 'muted' }, '正在加载…'));
  replace(section, h('h2', { id: 'disclosure-title' }, `${year} 年政府信息公开年度报告数据`),
    h('p', { class: 'hint' }, '年度报告第二部分（主动公开）和第四部分（行政复议、行政诉讼）的数据，只能由工作人员填报。申请办理情况由系统自动统计。'), body);
  let figures = null;
  try {
    figures = (await staffApi(`/api/v1/admin/disclosure-figures/${year}`)).data;
  } catch (error) {
    if (!(error.status === 404 && error.code === 'NOT_FOUND')) {
      replace(body, unavailableNote(error, '信息公开年度数据'));
      return;
    }
  }
  const form = h('form', { id: 'disclosure-form', novalidate: true },
    figures ? null : h('p', { class: 'alert warn', id: 'disclosure-empty' }, '本年度尚未填报，以下为 0。'),
    h('fieldset', { disabled: !canEdit },
      h('legend', {}, '主动公开政府信息情况'),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '信息内容'), DOC_COLS.map(([, l]) => h('th', { scope: 'col' }, l)))),
        h('tbody', {}, DOC_ROWS.map(([row, label]) => h('tr', {}, h('th', { scope: 'row' }, label),
          DOC_COLS.map(([col, colLabel]) => numberCell(`proactive.${row}.${col}`, `${label}${colLabel}`, get(figures, `proactive.${row}.${col}`)))))))),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('tbody', {},
          COUNT_ROWS.map(([key, label]) => h('tr', {}, h('th', { scope: 'row' }, label), numberCell(`proactive.${key}`, label, get(figures, `proactive.${key}`)))),
          h('tr', {}, h('th', { scope: 'row' }, '行政事业性收费（本年收费金额，万元）'),
            numberCell('proactive.feeAmount', '行政事业性收费金额（万元）', get(figures, 'proactive.feeAmount'), '0.0001')))))),
    h('fieldset', { disabled: !canEdit },
      h('legend', {}, '政府信息公开行政复议、行政诉讼情况'),
      h('div', { class: 'table-wrap' }, h('table', { id: 'review-table' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), REVIEW_COLS.map(([, l]) => h('th', { scope: 'col' }, l)), h('th', { scope: 'col' }, '总计'))),
        h('tbody', {}, REVIEW_ROWS.map(([row, label]) => h('tr', { 'data-row': row }, h('th', { scope: 'row' }, label),
          REVIEW_COLS.map(([col, colLabel]) => numberCell(`reviewLitigation.${row}.${col}`, `${label}${colLabel}`, get(figures, `reviewLitigation.${row}.${col}`))),
          h('td', { class: 'total', 'data-total': row }, '0'))))))),
    h('div', { class: 'field', 'data-field': 'otherMatters' },
      h('label', { for: 'fig-other' }, '其他需要报告的事项', h('span', { class: 'opt' }, '选填')),
      h('textarea', { id: 'fig-other', name: 'otherMatters', rows: 3, maxlength: 2000, disabled: !canEdit }, figures?.otherMatters || '')),
    canEdit ? h('button', { type: 'submit', id: 'disclosure-submit' }, '保存') : null);
  const totals = () => {
    for (const [row] of REVIEW_ROWS) {
      const sum = REVIEW_COLS.reduce((acc, [col]) => acc + (Number(form.elements.namedItem(`reviewLitigation.${row}.${col}`).value) || 0), 0);
      form.querySelector(`[data-total="${row}"]`).textContent = String(sum);
    }
  };
  form.addEventListener('input', totals);
  totals();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('#disclosure-submit');
    clearErrors(form);
    const payload = {};
    for (const el of form.querySelectorAll('input[data-number]')) {
      const parts = el.name.split('.');
      let node = payload;
      for (const p of parts.slice(0, -1)) node = node[p] ||= {};
      node[parts.at(-1)] = el.value === '' ? undefined : Number(el.value);
    }
    const other = form.elements.namedItem('otherMatters').value.trim();
    if (other) payload.otherMatters = other;
    busy(submit, true, '正在保存…');
    try {
      await staffApi(`/api/v1/admin/disclosure-figures/${year}`, { method: 'PUT', body: payload });
      formAlert(form, 'ok', h('p', {}, `已保存 ${year} 年度数据。`));
      form.querySelector('#disclosure-empty')?.remove();
    } catch (error) {
      showApiError(form, error, '保存未成功');
    } finally {
      busy(submit, false);
    }
  });
  replace(body, form);
}

// ------------------------------------------------------------------ section 三: leaders, committee, meetings

const officialLine = (o) => (o ? `${o.post} ${o.name}` : '');
function parseOfficial(line) {
  const t = line.trim();
  const at = t.lastIndexOf(' ');
  return at > 0 ? { post: t.slice(0, at).trim(), name: t.slice(at + 1) } : { post: t, name: '' };
}
const officialLines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean).map(parseOfficial);

async function leadersDuty(section, year, canEdit) {
  const body = h('div', {}, h('p', { class: 'muted' }, '正在加载…'));
  replace(section, h('h2', { id: 'duty-title' }, `${year} 年第一责任人履职情况`),
    h('p', { class: 'hint' }, '写入法治政府建设年度报告第三部分。姓名为公职人员的职务身份，按“职务 姓名”每行一人填写。'), body);
  let d = null;
  try {
    d = (await staffApi(`/api/v1/admin/leaders-duty/${year}`)).data;
  } catch (error) {
    if (!(error.status === 404 && error.code === 'NOT_FOUND')) {
      replace(body, unavailableNote(error, '第一责任人履职情况'));
      return;
    }
  }
  const c = d?.committee || {};
  const area = (name, label, value, hint) => field(name, label,
    h('textarea', { id: `duty-${name.replace(/\W/g, '-')}`, rows: 3, disabled: !canEdit }, value || ''), { hint });
  const text = (name, label, value, attrs = {}) => field(name, label,
    h('input', { type: 'text', id: `duty-${name.replace(/\W/g, '-')}`, value: value || '', disabled: !canEdit, ...attrs }));
  const form = h('form', { id: 'duty-form', novalidate: true },
    area('leaders', '党政主要负责人', (d?.leaders || []).map(officialLine).join('\n'), '例如：镇党委书记 王建华'),
    h('fieldset', { disabled: !canEdit }, h('legend', {}, '全面依法治镇委员会（选填）'),
      h('div', { class: 'row two' },
        text('committee.name', '名称', c.name),
        field('committee.establishedOn', '成立日期', h('input', { type: 'date', id: 'duty-established', value: c.establishedOn || '' }))),
      h('div', { class: 'row two' },
        text('committee.chair', '主任（职务 姓名）', officialLine(c.chair)),
        text('committee.officeHead', '办公室主任（职务 姓名）', officialLine(c.officeHead))),
      area('committee.viceChairs', '副主任（每行一人）', (c.viceChairs || []).map(officialLine).join('\n')),
      text('committee.members', '成员', c.members, { maxlength: 200 })),
    area('meetings', '会议（每行一次：日期｜名称｜主持人｜主要内容）',
      (d?.meetings || []).map((m) => [m.date, m.title, m.chair || '', m.content || ''].join('｜')).join('\n'),
      '例如：2021-05-06｜召开全面依法治镇委员会第一次会议｜委员会主任王建华｜审议通过法治建设规划'),
    canEdit ? h('button', { type: 'submit', id: 'duty-submit' }, '保存') : null);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('#duty-submit');
    clearErrors(form);
    const value = (id) => form.querySelector(`#${id}`).value.trim();
    const payload = { leaders: officialLines(value('duty-leaders')) };
    const name = value('duty-committee-name');
    if (name) {
      payload.committee = compact({
        name,
        establishedOn: value('duty-established') || undefined,
        chair: parseOfficial(value('duty-committee-chair')),
        viceChairs: officialLines(value('duty-committee-viceChairs')),
        members: value('duty-committee-members') || undefined,
        officeHead: value('duty-committee-officeHead') ? parseOfficial(value('duty-committee-officeHead')) : undefined,
      });
    }
    payload.meetings = value('duty-meetings').split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
      const [date, title, chair, content] = l.split(/[|｜]/).map((x) => x.trim());
      return compact({ date, title, chair: chair || undefined, content: content || undefined });
    });
    busy(submit, true, '正在保存…');
    try {
      await staffApi(`/api/v1/admin/leaders-duty/${year}`, { method: 'PUT', body: payload });
      formAlert(form, 'ok', h('p', {}, `已保存 ${year} 年度第一责任人履职情况。`));
    } catch (error) {
      showApiError(form, error, '保存未成功');
    } finally {
      busy(submit, false);
    }
  });
  replace(body, form);
}

export async function render(container, { params }, ctx) {
  const year = Number(params.get('year')) || Number(todayInChina().slice(0, 4));
  const canEdit = ctx.claims.role === 'town-admin';
  const a = h('section', { class: 'card', id: 'activities', 'aria-labelledby': 'activities-title' });
  const p = h('section', { class: 'card', id: 'plan-items', 'aria-labelledby': 'plan-title' });
  const d = h('section', { class: 'card', id: 'disclosure', 'aria-labelledby': 'disclosure-title' });
  const l = h('section', { class: 'card', id: 'leaders-duty', 'aria-labelledby': 'duty-title' });
  replace(container, [...container.querySelectorAll('#flash')],
    h('div', { class: 'toolbar' }, h('h1', {}, `${year} 年度资料`), yearPicker(year, 'inputs')),
    canEdit ? null : h('p', { class: 'alert warn' }, '您的角色只能查看，不能修改。'),
    a, p, l, d);
  await Promise.all([activities(a, year, canEdit), planItems(p, year, canEdit), leadersDuty(l, year, canEdit),
    disclosure(d, year, canEdit)]);
}
