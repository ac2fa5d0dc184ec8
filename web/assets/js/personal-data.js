// 我的个人信息 on the tracking page (PIPL Art. 45–47): with the same number and access code, the citizen reads a copy
// of what banshi holds about them on this case (a readable page, and the JSON to download), sees the status of their
// correction and deletion requests, and makes a new one. The access code stays in memory.
import { api } from './api.js';
import { formatDate, formatDateTime, h, replace } from './dom.js';
import { busy, clearErrors, showApiError } from './forms.js';
import { APPLICANT_KINDS, ID_TYPES } from './names.js';

const LABELS = {
  submitter: '提交人', applicant: '申请人', location: '事发地点', contact: '通知方式',
  name: '姓名', phone: '电话', anonymous: '匿名提交', kind: '类型', idType: '证件类型', idNumber: '证件号码',
  organization: '单位名称', creditCode: '统一社会信用代码', email: '电子邮箱', address: '地址', lat: '纬度', lng: '经度',
  notify: '通知渠道', markedTexts: '您填写的原文（工作人员已在其他地方隐去其中的个人信息）',
  title: '标题', description: '内容', ratingComment: '评价意见',
};

const VALUES = {
  notify: { sms: '短信', email: '电子邮件', both: '短信和电子邮件', none: '不通知' },
  kind: APPLICANT_KINDS,
  idType: ID_TYPES,
};

function value(v, key) {
  if (VALUES[key]?.[v]) return VALUES[key][v];
  if (v === true) return '是';
  if (v === false) return '否';
  if (v == null || v === '') return '—';
  return String(v);
}

/** The stored personal map as nested definition lists, in Chinese. */
function personalList(personal) {
  const entries = Object.entries(personal || {});
  if (!entries.length) return h('p', { class: 'muted' }, '本案没有保存您的个人信息。');
  return h('dl', { class: 'facts', id: 'copy-personal' }, entries.flatMap(([key, v]) => [
    h('dt', {}, LABELS[key] || key),
    h('dd', {}, v && typeof v === 'object'
      ? h('dl', { class: 'facts' }, Object.entries(v).flatMap(([k, x]) => [h('dt', {}, LABELS[k] || k), h('dd', {}, value(x, k))]))
      : value(v, key)),
  ]));
}

function requestsList(requests) {
  if (!requests.length) return h('p', { class: 'muted', id: 'copy-no-requests' }, '您尚未就本案提出更正或删除请求。');
  return h('ul', { class: 'plain', id: 'copy-requests' }, requests.map((r) => h('li', { 'data-request': r.id },
    h('strong', {}, r.kindName), '（', formatDate(r.receivedOn), '提出）：',
    h('span', { class: `badge${r.state === 'open' ? '' : ' finished'}`, 'data-state': r.state }, r.stateName),
    r.state === 'open' ? ` 答复期限 ${formatDate(r.dueDate)}${r.dueDateNote || ''}` : null,
    r.text ? h('p', { class: 'small' }, `请求内容：${r.text}`) : null,
    r.answer ? h('p', { class: 'small' }, `答复：${r.answer}`) : null)));
}

function copyView(copy) {
  const blob = new Blob([JSON.stringify(copy, null, 2)], { type: 'application/json' });
  const download = h('a', {
    class: 'button secondary', id: 'copy-download', href: URL.createObjectURL(blob),
    download: `banshi-${copy.trackingNo}-个人信息.json`,
  }, '下载副本（JSON）');
  return h('div', { id: 'copy' },
    h('p', {}, `生成时间：${formatDateTime(copy.generatedAt)}。以下是本案中保存的您本人的信息。`),
    copy.personalErasedAt ? h('p', { class: 'alert ok', id: 'copy-erased' }, `本案的个人信息已于 ${formatDateTime(copy.personalErasedAt)} 删除。`) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, '事项'), h('dd', {}, copy.typeName),
      h('dt', {}, '标题'), h('dd', {}, copy.title),
      h('dt', {}, '内容'), h('dd', {}, copy.description),
      h('dt', {}, '收到时间'), h('dd', {}, formatDateTime(copy.receivedAt)),
      copy.rating ? [h('dt', {}, '您的评价'), h('dd', {}, `${copy.rating.score} 分${copy.rating.comment ? `：${copy.rating.comment}` : ''}`)] : null,
      copy.otherParties ? [h('dt', {}, '其他当事人'), h('dd', {}, `${copy.otherParties} 人（他人信息不在副本中）`)] : null),
    h('h3', {}, '个人信息'),
    personalList(copy.personal),
    h('h3', {}, '更正、删除请求'),
    requestsList(copy.requests || []),
    h('p', {}, download));
}

function requestForm(current, reload) {
  const form = h('form', { id: 'pd-request-form', novalidate: true },
    h('h3', {}, '申请更正或删除'),
    h('fieldset', { 'data-field': 'kind' },
      h('legend', {}, '请求类型', h('span', { class: 'req' }, '必填')),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'kind', value: 'correction', id: 'pd-kind-correction' }), h('span', {}, '更正个人信息')),
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'kind', value: 'deletion', id: 'pd-kind-deletion' }), h('span', {}, '删除个人信息'))),
    h('div', { class: 'field', 'data-field': 'text' },
      h('label', { for: 'pd-text' }, '请说明需要更正或删除的内容', h('span', { class: 'req' }, '必填')),
      h('textarea', { id: 'pd-text', name: 'text', maxlength: 1000, rows: 3 })),
    h('p', { class: 'hint' }, '镇人民政府在 15 个工作日内答复，答复结果在本页查看。'),
    h('div', { class: 'submit-row' }, h('button', { type: 'submit', id: 'pd-request-submit' }, '提交请求')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button[type="submit"]');
    if (submit.disabled) return;
    clearErrors(form);
    const kind = form.querySelector('input[name="kind"]:checked')?.value;
    const text = form.elements.namedItem('text').value.trim();
    busy(submit, true, '正在提交…');
    try {
      const { data } = await api(`/api/v1/track/${encodeURIComponent(current.trackingNo)}/personal-data-requests`, {
        method: 'POST', body: { kind, text }, headers: { 'X-Access-Code': current.accessCode },
      });
      await reload({ kind: 'ok', text: `已收到您的${data.kindName}请求，答复期限 ${formatDate(data.dueDate)}${data.dueDateNote || ''}。` });
    } catch (error) {
      busy(submit, false);
      showApiError(form, error, '请求未成功');
    }
  });
  return form;
}

/** The section under the tracking result; {@code current} holds the number and access code. */
export function personalDataSection(current) {
  const body = h('div', { id: 'pd-body' });
  const section = h('section', { class: 'card', id: 'personal-data', 'aria-labelledby': 'pd-title' },
    h('h2', { id: 'pd-title' }, '我的个人信息'),
    h('p', {}, '您可以查看和下载本案中保存的您本人的信息，并申请更正或删除。'),
    body);
  const load = async (message) => {
    try {
      const { data } = await api(`/api/v1/track/${encodeURIComponent(current.trackingNo)}/personal-data`, {
        headers: { 'X-Access-Code': current.accessCode },
      });
      replace(body,
        message ? h('div', { class: `alert ${message.kind}`, role: 'status', id: 'pd-message' }, message.text) : null,
        copyView(data),
        requestForm(current, load));
    } catch (error) {
      replace(body, h('div', { class: 'alert warn', role: 'alert' }, error.message || '查询未成功'), open);
    }
  };
  const open = h('button', { type: 'button', class: 'secondary', id: 'pd-open', onclick: () => load() }, '查看本人信息副本');
  body.append(open);
  return section;
}
