// 个人信息请求: citizens' correction and deletion requests from the tracking page (PIPL Art. 46–47), each a task due
// 15 working days after receipt. The list (town admins and auditors) shows the open ones by due date without the
// citizen's words; on a case (town admins) the words are shown (audited) and the request is answered: done, or refused
// with the reason. A deletion answered done erases the case's personal data (finished, unheld cases).
import { formatDate, formatDateTime, h, replace } from '/assets/js/dom.js';
import { busy, clearErrors, showApiError } from '/assets/js/forms.js';
import { staffApi } from './session.js';

function due(r) {
  return [formatDate(r.dueDate), r.dueDateNote ? h('span', { class: 'small muted' }, r.dueDateNote) : null,
    r.overdue ? [' ', h('span', { class: 'badge overdue' }, '已逾期')] : null];
}

export async function render(container, _route, ctx) {
  replace(container, h('h1', {}, '个人信息请求'), h('p', { class: 'muted' }, '正在加载…'));
  const { data } = await staffApi('/api/v1/admin/personal-data-requests?status=open');
  if (!ctx.isCurrent()) return;
  const items = data.items || [];
  replace(container,
    h('h1', {}, '个人信息请求'),
    h('p', { class: 'lead' }, '群众在查询页面提出的更正、删除个人信息请求，应在收到后 15 个工作日内答复。请在案件详情中查看请求内容并答复。'),
    items.length
      ? h('div', { class: 'table-wrap' }, h('table', { id: 'pd-requests-table' },
        h('thead', {}, h('tr', {}, ['查询编号', '请求', '收到日期', '答复期限', '状态'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, items.map((r) => h('tr', { 'data-request': r.id, class: r.overdue ? 'overdue' : '' },
          h('td', { class: 'nowrap' }, h('a', { href: `#/case/${encodeURIComponent(r.trackingNo)}` }, r.trackingNo)),
          h('td', { class: 'nowrap' }, r.kindName),
          h('td', { class: 'nowrap' }, formatDate(r.receivedOn)),
          h('td', { class: 'nowrap', 'data-due': r.dueDate }, due(r)),
          h('td', { class: 'nowrap' }, h('span', { class: 'badge' }, r.stateName)))))))
      : h('p', { class: 'empty card', id: 'pd-requests-empty' }, '目前没有待答复的个人信息请求。'));
}

function answerForm(r, reload) {
  const form = h('form', { class: 'action-form', 'data-answer': r.id, novalidate: true },
    h('div', { class: 'field', 'data-field': 'outcome' },
      h('label', { for: `pd-outcome-${r.id}` }, '答复结果'),
      h('select', { id: `pd-outcome-${r.id}`, name: 'outcome' },
        h('option', { value: 'done' }, r.kind === 'deletion' ? '已删除（立即删除本案个人信息）' : '已办理'),
        h('option', { value: 'refused' }, '不予办理（须说明理由）'))),
    h('div', { class: 'field', 'data-field': 'answer' },
      h('label', { for: `pd-answer-${r.id}` }, '答复内容（群众可见）'),
      h('textarea', { id: `pd-answer-${r.id}`, name: 'answer', rows: 2, maxlength: 1000 })),
    h('div', { class: 'actions-row' }, h('button', { type: 'submit' }, '答复')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button[type="submit"]');
    if (submit.disabled) return;
    clearErrors(form);
    busy(submit, true, '正在提交…');
    try {
      await staffApi(`/api/v1/admin/personal-data-requests/${encodeURIComponent(r.id)}/answer`, {
        method: 'POST',
        body: { outcome: form.elements.namedItem('outcome').value, answer: form.elements.namedItem('answer').value.trim() },
      });
      await reload();
    } catch (error) {
      busy(submit, false);
      showApiError(form, error, '答复未成功');
    }
  });
  return form;
}

/** The case's requests (town admins), with the answer forms of the open ones; {@code onChange} reloads the case. */
export function casePersonalDataRequests(trackingNo, onChange) {
  const body = h('div', {}, h('p', { class: 'muted' }, '正在加载…'));
  const section = h('section', { class: 'card', id: 'case-pd-requests', 'aria-labelledby': 'pd-requests-title' },
    h('h2', { id: 'pd-requests-title' }, '个人信息请求'), body);
  const load = async () => {
    try {
      const { data } = await staffApi(`/api/v1/admin/personal-data-requests?status=all&trackingNo=${encodeURIComponent(trackingNo)}`);
      const items = data.items || [];
      replace(body, items.length
        ? h('ul', {}, items.map((r) => h('li', { 'data-request': r.id },
          h('strong', {}, r.kindName), ` · 收到 ${formatDate(r.receivedOn)} · 期限 `, due(r), ' · ',
          h('span', { class: 'badge', 'data-state': r.state }, r.stateName),
          r.text ? h('p', { class: 'user-text' }, r.text) : null,
          r.answer ? h('p', { class: 'small' }, `答复（${formatDateTime(r.answeredAt)}）：${r.answer}`) : null,
          r.state === 'open' ? answerForm(r, onChange) : null)))
        : h('p', { class: 'muted' }, '本案没有个人信息请求。'));
    } catch (error) {
      replace(body, h('p', { class: 'muted' }, `加载失败：${error.message}`));
    }
  };
  load();
  return section;
}
