// 案件详情: the case, its personal data (masked for auditors), history, and the actions its current state
// allows — only those the API lists in allowedActions. A stale version (409) reloads the case.
import { formatDate, formatDateTime, h, replace, todayInChina } from '/assets/js/dom.js';
import { busy, clearErrors, compact, showApiError } from '/assets/js/forms.js';
import { APPLICANT_KINDS, CHANNELS, FINISHED, ID_TYPES, OGI_OUTCOMES, STATUS_NAMES, TYPE_NAMES } from '/assets/js/names.js';
import { catalog, staffApi } from './session.js';
import { caseMessages } from './messages.js';
import { postForm } from '/assets/js/attachments.js';
import { similarCases } from './similar.js';
import { casePersonalDataRequests } from './personal-data.js';
import { samePersonCases } from './same-person.js';
import { PART_NAMES, personalTextControl } from './personal-text.js';

const ACTION_LABELS = {
  accept: '受理', reject: '不予受理', assign: '派单', reply: '答复', resolve: '办结', close: '回访归档',
  'assign-mediator': '指派调解员', 'record-session': '记录调解', 'record-fulfilment': '记录协议履行',
  register: '登记', forward: '转送交办', acknowledge: '办理机关受理', extend: '延期', 'request-review': '登记复查（复核）申请',
  'review-reply': '复查（复核）答复', 'request-correction': '通知补正', 'receive-correction': '收到补正',
  'consult-third-party': '征求第三方意见', 'third-party-replied': '第三方已回复', answer: '作出答复', withdraw: '申请人撤回',
  submit: '提交', rate: '群众评价', 'mark-overdue': '逾期提醒', 'recompute-due': '重新计算期限',
  'mark-spam': '标记为垃圾信息',
  'merge-as-duplicate': '合并为重复事项', unmerge: '撤销合并', 'link-duplicate': '登记重复事项',
  'unlink-duplicate': '撤销重复事项登记', 'complete-merge': '合并完成',
  'legal-hold': '冻结（暂停删除个人信息）', 'release-hold': '解除冻结',
  'erase-personal': '删除个人信息', 'mark-personal-text': '隐去个人信息',
};

const text = (name, label, opts = {}) => ({ name, label, kind: 'text', ...opts });
const area = (name, label, opts = {}) => ({ name, label, kind: 'textarea', ...opts });
const date = (name, label, opts = {}) => ({ name, label, kind: 'date', ...opts });

/** The fields each action takes, per workflow (the API validates them; docs/case-model.md). */
const ACTION_FIELDS = {
  hotline: {
    reject: [area('reason', '不予受理理由', { required: true })],
    assign: [
      { name: 'village', label: '派往村（社区）', kind: 'village' },
      text('department', '或派往部门', { hint: '村（社区）和部门二选一' }),
    ],
    reply: [area('reply', '答复内容（告知群众）', { required: true })],
    close: [area('followUp', '回访情况')],
  },
  dispute: {
    reject: [area('reason', '不予受理理由', { required: true })],
    'assign-mediator': [text('mediator', '人民调解员', { required: true })],
    'record-session': [date('date', '调解日期', { hint: '不填为今天' }), area('summary', '调解情况', { required: true })],
    resolve: [
      { name: 'result', label: '调解结果', kind: 'select', required: true, options: [['agreement-reached', '达成调解协议'], ['no-agreement', '未达成协议']] },
      area('summary', '结果说明'),
    ],
    'record-fulfilment': [{ name: 'fulfilled', label: '协议是否已履行', kind: 'boolean', required: true }],
  },
  petition: {
    reject: [
      { name: 'ground', label: '不予受理情形', kind: 'select', options: [['repeat-petition', '重复信访：同一事实和理由已经办理并经复查、复核']] },
      text('earlierCase', '在先信访事项查询编号', { hint: '以重复信访为由不予受理时必填；在先事项须已办结并经复查、复核' }),
      area('reason', '不予受理理由', { hint: '以重复信访为由的可不填' }),
    ],
    forward: [text('handlingBody', '转送（交办）机关', { required: true })],
    extend: [{ name: 'days', label: '延长天数（最多 30 天）', kind: 'number', min: 1, max: 30, required: true }, area('reason', '延期理由', { required: true })],
    reply: [area('opinion', '书面处理意见', { required: true })],
    'request-review': [date('receivedOn', '收到复查（复核）申请日期', { hint: '不填为今天' })],
    'review-reply': [area('opinion', '复查（复核）意见', { required: true })],
  },
  info: {
    'request-correction': [area('items', '需要补正的事项（一次性告知）', { required: true }), date('correctBy', '补正期限', { hint: '不填为 15 个工作日后' })],
    'receive-correction': [date('receivedOn', '收到补正日期', { hint: '不填为今天' })],
    'consult-third-party': [text('thirdParty', '第三方', { required: true, hint: '只记在内部备注中，不公开' })],
    extend: [area('reason', '延期理由（经负责人同意）', { required: true })],
    answer: [
      { name: 'outcome', label: '答复结果', kind: 'select', required: true, options: Object.entries(OGI_OUTCOMES) },
      date('repliedOn', '答复日期', { hint: '不填为今天', defaultToday: true }),
      area('reply', '答复说明'),
      text('earlierCase', '在先申请查询编号', { hint: '答复结果为“重复申请”时必填；在先申请须已答复' }),
    ],
    withdraw: [area('reason', '撤回原因')],
  },
};
/** Actions of every family (town admins): docs/abuse.md. */
const ANY_FAMILY_FIELDS = {
  'mark-spam': [
    area('reason', '标记理由', { required: true, hint: '只记在内部记录和审计日志中' }),
    { name: 'blockDays', label: '封禁提交人电话和网络地址（天）', kind: 'number', min: 0, max: 365, hint: '不填为 30 天；填 0 不封禁' },
  ],
  // docs/duplicates.md: hotline families and disputes, into an open case of the same type and town
  'merge-as-duplicate': [
    text('original', '原事项查询编号', { required: true, hint: '同一类型、本镇、尚在办理中的事项；本件将办结为“重复事项”，提交人会收到原事项的查询编号' }),
  ],
  unmerge: [],
  // docs/personal-data.md: nothing of a held case is erased
  'legal-hold': [area('reason', '冻结理由（如行政诉讼、行政复议）', { required: true, hint: '只记在内部记录和审计日志中' })],
  'release-hold': [area('reason', '解除理由', { required: true })],
};
const PETITION_LABELS = { reply: '出具处理意见', extend: '延期办理' };

function workflow(type) {
  if (type === 'dispute') return 'dispute';
  if (type === 'petition') return 'petition';
  if (type === 'info-request') return 'info';
  return 'hotline';
}

function actionLabel(c, action) {
  if (c.type === 'petition' && PETITION_LABELS[action]) return PETITION_LABELS[action];
  return ACTION_LABELS[action] || action;
}

const PERSONAL_LABELS = {
  submitter: '提交人', parties: '对方当事人', applicant: '申请人', location: '事发地点',
  name: '姓名', phone: '电话', anonymous: '匿名', role: '关系', kind: '类型', idType: '证件类型', idNumber: '证件号码',
  organization: '单位名称', creditCode: '统一社会信用代码', email: '电子邮箱', address: '地址', lat: '纬度', lng: '经度',
  markedTexts: '隐去个人信息前的原文', ...PART_NAMES,
};
/** Citizens' words, shown with their line breaks. */
const USER_TEXT = new Set(['sessions', 'title', 'description', 'ratingComment']);
const DETAIL_LABELS = {
  applicantKind: '申请人类型', form: '提供形式', delivery: '获取方式', mediator: '人民调解员', sessions: '调解记录',
  handlingBody: '办理机关', extended: '已延期', extensionReason: '延期理由', assignedTo: '派往', followUp: '回访情况',
  acceptedOn: '受理日期', registeredOn: '登记日期', reviews: '复查（复核）次数', lastRepliedOn: '最近答复日期',
  correctBy: '补正期限', correctionRequestedOn: '通知补正日期', corrected: '已补正', thirdPartyDue: '第三方答复期限',
  reply: '答复说明', withdrawReason: '撤回原因', resultSummary: '调解结果说明', overdueSince: '逾期起始',
  dueDatePending: '期限待定', clock: '计时', term: '期限依据', forwardedOn: '转送日期',
};
const VALUE_NAMES = {
  kind: APPLICANT_KINDS, applicantKind: APPLICANT_KINDS, idType: ID_TYPES,
  form: { electronic: '电子文本', paper: '纸质文本' },
  delivery: { online: '网上查询答复', email: '电子邮件', post: '邮寄', pickup: '当面领取' },
};

const OUTCOMES = {
  resolved: '已办结', rejected: '不予受理', duplicate: '重复事项，已合并办理', 'agreement-reached': '达成调解协议', 'no-agreement': '未达成调解协议',
  ...OGI_OUTCOMES,
};

function display(key, value, cat) {
  if (value === true) return '是';
  if (value === false) return '否';
  if (value == null || value === '') return '—';
  if (VALUE_NAMES[key]?.[value]) return VALUE_NAMES[key][value];
  if (key === 'assignedTo' && typeof value === 'string') {
    const [kind, id] = value.split(/:(.*)/s);
    if (kind === 'village') return cat?.villages.find((v) => v.id === id)?.name || id;
    return id || value;
  }
  if (key === 'term' && typeof value === 'object') {
    return `自 ${value.from} 起 ${value.days} 个${value.unit === 'working' ? '工作日' : '日'}`;
  }
  if (key === 'clock' && typeof value === 'object') {
    return `自 ${value.countingFrom} 起计 ${value.limit} 个工作日，已用 ${value.used} 个${value.pausedOn ? `，${value.pausedOn} 起暂停` : ''}`;
  }
  if (key === 'sessions' && Array.isArray(value)) return value.map((s) => `${s.date}：${s.summary}`).join('\n');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A definition list of an object from the API, every value as text. */
function facts(obj, labels, id, cat) {
  const entries = Object.entries(obj || {});
  if (!entries.length) return h('p', { class: 'muted' }, '无');
  return h('dl', { class: 'facts', id }, entries.flatMap(([key, value]) => {
    if (Array.isArray(value) && value.length && typeof value[0] === 'object' && key !== 'sessions') {
      return [h('dt', {}, labels[key] || key), h('dd', {}, value.map((v, i) => h('div', { class: 'small' },
        `${i + 1}. `, Object.entries(v).map(([k, x]) => `${labels[k] || k}：${display(k, x, cat)}`).join('；'))))];
    }
    if (value && typeof value === 'object' && !Array.isArray(value) && key !== 'clock' && key !== 'term') {
      return [h('dt', {}, labels[key] || key), h('dd', {}, facts(value, labels, null, cat))];
    }
    return [h('dt', {}, labels[key] || key), h('dd', { class: USER_TEXT.has(key) ? 'user-text' : null }, display(key, value, cat))];
  }));
}

function control(field, cat, idPrefix) {
  const id = `${idPrefix}-${field.name}`;
  let input;
  switch (field.kind) {
    case 'textarea':
      input = h('textarea', { id, name: field.name, rows: 3, maxlength: 2000 });
      break;
    case 'select':
      input = h('select', { id, name: field.name }, h('option', { value: '' }, '请选择'),
        field.options.map(([code, label]) => h('option', { value: code }, label)));
      break;
    case 'boolean':
      input = h('select', { id, name: field.name, 'data-kind': 'boolean' }, h('option', { value: '' }, '请选择'),
        h('option', { value: 'true' }, '已履行'), h('option', { value: 'false' }, '未履行'));
      break;
    case 'village':
      input = h('select', { id, name: field.name }, h('option', { value: '' }, '不派往村（社区）'),
        cat.villages.map((v) => h('option', { value: v.id }, v.name)));
      break;
    case 'number':
      input = h('input', { type: 'number', id, name: field.name, min: field.min, max: field.max, inputmode: 'numeric', 'data-kind': 'number' });
      break;
    case 'date':
      input = h('input', { type: 'date', id, name: field.name, value: field.defaultToday ? todayInChina() : null });
      break;
    default:
      input = h('input', { type: 'text', id, name: field.name, maxlength: 200 });
  }
  return h('div', { class: 'field', 'data-field': field.name },
    h('label', { for: id }, field.label, field.required ? h('span', { class: 'req' }, '必填') : h('span', { class: 'opt' }, '选填')),
    input,
    field.hint ? h('p', { class: 'hint' }, field.hint) : null);
}

function actionBody(form, action, expectedVersion) {
  const body = { action, expectedVersion };
  for (const el of form.querySelectorAll('input, select, textarea')) {
    if (el.dataset.skip) continue;
    const v = el.value.trim();
    if (!v) continue;
    if (el.dataset.kind === 'boolean') body[el.name] = v === 'true';
    else if (el.dataset.kind === 'number') body[el.name] = Number(v);
    else body[el.name] = v;
  }
  return compact(body);
}

function actionsPanel(c, cat, state) {
  const panel = h('section', { class: 'card', id: 'actions', 'aria-labelledby': 'actions-title' },
    h('h2', { id: 'actions-title' }, '办理'));
  const allowed = c.allowedActions || [];
  const other = c.otherActions || [];
  if (c.spam) {
    panel.append(h('div', { class: 'alert warn', id: 'case-spam' },
      `已标记为垃圾信息（${c.spam.reason}），不计入列表、统计和年度报告。`));
    return panel;
  }
  if (!allowed.length) {
    panel.append(h('p', { class: 'muted', id: 'no-actions' },
      c.personalMasked ? '审计人员只能查看，不能办理。' : '当前状态下没有可执行的操作。'));
    if (!other.length) return panel;
  }
  const slot = h('div', { id: 'action-slot' });
  const buttons = h('div', { class: 'action-buttons', role: 'group', 'aria-label': '可执行的操作' },
    allowed.map((action) => h('button', {
      type: 'button', class: 'secondary', 'data-action': action, 'aria-expanded': 'false', 'aria-controls': 'action-slot',
      onclick: (event) => {
        for (const b of buttons.querySelectorAll('button')) b.setAttribute('aria-expanded', 'false');
        event.currentTarget.setAttribute('aria-expanded', 'true');
        replace(slot, actionForm(c, action, cat, state));
        slot.querySelector('input, select, textarea, button[type="submit"]')?.focus();
      },
    }, actionLabel(c, action))));
  // outside the workflow, in any state (mark-spam, town admins): a group of its own
  const others = other.length ? h('div', { class: 'action-buttons', id: 'other-actions', role: 'group', 'aria-label': '其他操作' },
    other.map((action) => h('button', {
      type: 'button', class: 'secondary', 'data-other-action': action, 'aria-controls': 'action-slot',
      onclick: () => {
        for (const b of buttons.querySelectorAll('button')) b.setAttribute('aria-expanded', 'false');
        replace(slot, actionForm(c, action, cat, state));
        slot.querySelector('input, select, textarea, button[type="submit"]')?.focus();
      },
    }, actionLabel(c, action)))) : null;
  panel.append(buttons, slot, others);
  return panel;
}

function actionForm(c, action, cat, state) {
  const fields = [...(ACTION_FIELDS[workflow(c.type)][action] || ANY_FAMILY_FIELDS[action] || [])];
  if ((c.effectiveOnActions || []).includes(action)) {
    fields.push(date('effectiveOn', '实际办理日期（补录）', { hint: '纸质文书早于今天送出的，填实际日期（30 日内），期限从该日计算；不填为今天' }));
  }
  const form = h('form', { class: 'action-form', id: 'action-form', 'data-action': action, novalidate: true },
    h('h3', {}, actionLabel(c, action)),
    fields.map((f) => control(f, cat, `act-${action}`)),
    action === 'merge-as-duplicate' ? similarChoices(c) : null,
    action === 'unmerge' ? h('p', { class: 'hint', id: 'unmerge-hint' },
      `撤销后本件恢复合并前的状态和办理期限；可撤销至 ${formatDate(c.links?.mergedInto?.unmergeUntil)}。`) : null,
    control(area('note', '内部备注（群众看不到）'), cat, `act-${action}`),
    documentControl(action),
    h('div', { class: 'actions-row' },
      h('button', { type: 'submit', id: 'action-submit' }, `确认${actionLabel(c, action)}`),
      h('button', { type: 'button', class: 'link', onclick: () => form.remove() }, '取消')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('#action-submit');
    if (submit.disabled) return;
    clearErrors(form);
    busy(submit, true, '正在提交…');
    try {
      const body = actionBody(form, action, c.version);
      const file = form.querySelector('[data-document]')?.files?.[0];
      if (file) {
        const uploadId = await uploadDocument(c.trackingNo, file, form.querySelector('[data-document-progress]'));
        body.attachments = [{ uploadId, visibility: form.querySelector('[data-document-visibility]').value }];
      }
      const { data } = await staffApi(`/api/v1/admin/cases/${encodeURIComponent(c.trackingNo)}/actions`, {
        method: 'POST', body,
      });
      state.show(data, { kind: 'ok', text: `已${actionLabel(c, action)}。当前状态：${data.statusName || STATUS_NAMES[data.status]}` });
    } catch (error) {
      busy(submit, false);
      if (error.code === 'VERSION_CONFLICT') {
        await state.reload({ kind: 'warn', text: '此案件已被他人修改，已为您重新加载最新内容，请确认后再操作。' });
      } else if (error.code === 'ACTION_NOT_ALLOWED') {
        await state.reload({ kind: 'warn', text: `当前状态下不能执行该操作，已重新加载案件。${error.message}` });
      } else {
        showApiError(form, error, '办理未成功');
      }
    }
  });
  return form;
}

/** A document to attach with the action (a reply letter, an agreement), internal or public. */
function documentControl(action) {
  const id = `act-${action}-document`;
  return h('div', { class: 'field', 'data-field': 'attachments' },
    h('label', { for: id }, '附件文书（选填：PDF 或 JPEG/PNG 扫描件）'),
    h('input', { type: 'file', id, accept: 'application/pdf,image/jpeg,image/png', 'data-skip': 'true', 'data-document': 'true' }),
    h('label', { for: `${id}-visibility` }, '公开范围'),
    h('select', { id: `${id}-visibility`, 'data-skip': 'true', 'data-document-visibility': 'true' },
      h('option', { value: 'internal' }, '仅内部可见'),
      h('option', { value: 'public' }, '公开（群众可在查询页查看）')),
    h('progress', { max: '100', value: '0', hidden: true, 'data-document-progress': 'true', 'aria-label': '附件上传进度' }));
}

const sleepMs = (ms) => new Promise((r) => setTimeout(r, ms));

/** Uploads one staff document for the case: slot, form POST with progress, the server's check. */
async function uploadDocument(trackingNo, file, progress) {
  const base = `/api/v1/admin/cases/${encodeURIComponent(trackingNo)}/uploads`;
  const type = file.type || (file.name.toLowerCase().endsWith('.pdf') ? 'application/pdf' : '');
  const { data: slot } = await staffApi(base, { method: 'POST', body: { contentType: type, size: file.size } });
  if (progress) progress.hidden = false;
  await postForm(slot, file, (p) => { if (progress) progress.value = String(Math.round(p * 100)); });
  for (let attempt = 0; attempt < 20; attempt++) {
    const { data } = await staffApi(`${base}/${slot.uploadId}`);
    if (data.state === 'ready') return slot.uploadId;
    if (data.state === 'refused') throw Object.assign(new Error(`附件未通过安全检查（${data.code}）`), { field: 'attachments' });
    await sleepMs(Math.min(500 * (attempt + 1), 3000));
  }
  throw new Error('附件检查超时，请重试');
}

const PURPOSE_NAMES = { 'photo-or-pdf': '群众上传', 'id-proof': '身份证明', 'staff-document': '办理文书' };

/** The case's files: images inline (thumbnails, full size on click), PDFs as downloads. */
function attachments(c) {
  const list = c.attachments || [];
  if (!list.length) return null;
  const base = `/api/v1/admin/cases/${encodeURIComponent(c.trackingNo)}/attachments/`;
  const open = async (a, thumbnail) => (await staffApi(base + a.uploadId + (thumbnail ? '?thumbnail=true' : ''))).data.url;
  return h('section', { class: 'card', id: 'case-attachments', 'aria-labelledby': 'attachments-title' },
    h('h2', { id: 'attachments-title' }, `附件（${list.length}）`),
    h('ul', { class: 'attachment-gallery' }, list.map((a) => {
      const meta = `${PURPOSE_NAMES[a.purpose] || a.purpose} · ${a.visibility === 'public' ? '公开' : '内部'} · ${Math.ceil(a.bytes / 1024)} KB`;
      if (a.purpose === 'id-proof' && c.personalMasked) {
        return h('li', { class: 'attachment-item', dataset: { uploadId: a.uploadId } }, h('span', { class: 'muted' }, '身份证明（审计人员不可查看）'));
      }
      if (a.image) {
        const img = h('img', { alt: `附件图片 ${meta}`, class: 'attachment-image', dataset: { uploadId: a.uploadId } });
        open(a, a.thumbnail).then((url) => { img.src = url; }).catch(() => { img.alt = '图片加载失败'; });
        const link = h('a', { href: '#', onclick: async (e) => { e.preventDefault(); window.open(await open(a, false), '_blank', 'noopener'); } }, img);
        return h('li', { class: 'attachment-item' }, link, h('div', { class: 'small muted' }, meta));
      }
      return h('li', { class: 'attachment-item', dataset: { uploadId: a.uploadId } },
        h('button', { type: 'button', class: 'secondary small attachment-download', onclick: async () => { window.open(await open(a, false), '_blank', 'noopener'); } }, '下载 PDF'),
        h('div', { class: 'small muted' }, meta));
    })));
}

/** Open cases of the same type among the case's similar cases (docs/duplicates.md), offered as the original. */
function similarChoices(c) {
  const box = h('div', { class: 'field', id: 'merge-similar' });
  box.hidden = true;
  staffApi(`/api/v1/admin/cases/${encodeURIComponent(c.trackingNo)}/similar`).then(({ data }) => {
    const items = (data.items || []).filter((s) => s.trackingNo !== c.trackingNo && s.open !== false
      && !FINISHED.has(s.status) && (!s.type || s.type === c.type));
    if (!items.length) return;
    replace(box, h('p', { class: 'hint' }, '相似的办理中事项（点击填入）：'),
      items.map((s) => h('div', {}, h('button', {
        type: 'button', class: 'link', 'data-original': s.trackingNo,
        onclick: (event) => { event.currentTarget.closest('form').querySelector("[name='original']").value = s.trackingNo; },
      }, `${s.trackingNo} ${s.title || ''}（${s.villageName || ''}，${formatDate(s.receivedOn)}）`))));
    box.hidden = false;
  }).catch(() => { /* the number can always be typed */ });
  return box;
}

const caseLink = (no) => h('a', { href: `#/case/${encodeURIComponent(no)}`, class: 'code small' }, no);

/** The original this case was merged into, the duplicates merged into it, the earlier case it refers to. */
function links(c) {
  const l = c.links;
  if (!l) return null;
  return h('section', { class: 'card', id: 'case-links', 'aria-labelledby': 'links-title' },
    h('h2', { id: 'links-title' }, '关联事项'),
    h('dl', { class: 'facts' },
      l.mergedInto ? [h('dt', {}, '已合并至'), h('dd', { id: 'link-merged-into' }, caseLink(l.mergedInto.original),
        ` （${formatDateTime(l.mergedInto.at)}${l.mergedInto.pending ? '，合并尚未完成，将自动补全' : ''}；可撤销至 ${formatDate(l.mergedInto.unmergeUntil)}）`)] : null,
      l.duplicates?.length ? [h('dt', {}, '合并至本件的重复事项'), h('dd', { id: 'link-duplicates' },
        l.duplicates.map((no) => h('div', {}, caseLink(no))))] : null,
      l.earlierCase ? [h('dt', {}, '在先事项'), h('dd', { id: 'link-earlier' }, caseLink(l.earlierCase))] : null));
}

function history(c) {
  const rows = (c.history || []).slice().reverse();
  return h('section', { class: 'card', 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, '办理记录'),
    h('div', { class: 'table-wrap' }, h('table', { id: 'history' },
      h('thead', {}, h('tr', {}, ['#', '时间', '办理人', '操作', '状态变化', '告知群众', '内部备注'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map((e) => h('tr', {},
        h('td', {}, String(e.seq)),
        h('td', { class: 'nowrap' }, formatDateTime(e.at), e.effectiveOn ? h('div', { class: 'small muted' }, `生效 ${formatDate(e.effectiveOn)}`) : null),
        h('td', {}, e.actor === 'citizen' ? '群众' : e.actor === 'system' ? '系统' : e.actor),
        h('td', { class: 'nowrap' }, ACTION_LABELS[e.action] || e.action),
        h('td', { class: 'nowrap' }, e.from && e.from !== e.to ? `${STATUS_NAMES[e.from] || e.from} → ${STATUS_NAMES[e.to] || e.to}` : STATUS_NAMES[e.to] || e.to),
        h('td', { class: 'title-cell' }, e.publicNote || ''),
        h('td', { class: 'title-cell' }, e.note || '')))))));
}

function view(c, cat, state, message) {
  const finished = FINISHED.has(c.status);
  const village = c.villageName || (c.village ? cat.villages.find((v) => v.id === c.village)?.name || c.village : '未指定');
  return [
    h('p', {}, h('a', { href: '#/cases' }, '← 返回案件列表')),
    message ? h('div', { class: `alert ${message.kind}`, role: 'alert', id: 'case-message', tabindex: '-1' }, message.text) : null,
    h('section', { class: 'card', 'aria-labelledby': 'case-title' },
      h('h1', { id: 'case-title' }, c.title || ''),
      h('p', {},
        h('span', { class: `badge${finished ? ' finished' : ''}`, id: 'case-status' }, c.statusName || STATUS_NAMES[c.status]), ' ',
        c.overdue ? h('span', { class: 'badge overdue', id: 'case-overdue' }, '已逾期') : null),
      h('dl', { class: 'facts', id: 'case-facts' },
        h('dt', {}, '查询编号'), h('dd', { class: 'code small', id: 'case-tracking-no' }, c.trackingNo),
        h('dt', {}, '类型'), h('dd', {}, c.typeName || TYPE_NAMES[c.type]),
        h('dt', {}, '分类'), h('dd', {}, c.categoryName || c.category || '—'),
        h('dt', {}, '村（社区）'), h('dd', {}, village),
        h('dt', {}, '来源'), h('dd', {}, CHANNELS[c.channel] || c.channel || '—'),
        h('dt', {}, '收到时间'), h('dd', {}, formatDateTime(c.receivedAt)),
        h('dt', {}, '办理期限'), h('dd', { id: 'case-due' }, c.dueDate ? formatDate(c.dueDate) : '—',
          c.dueDateProvisional ? [' ', h('span', { class: 'badge', id: 'case-due-provisional' }, '暂定'), h('span', { class: 'small muted' }, c.dueDateNote)] : null),
        c.resolution ? [h('dt', {}, '办结'), h('dd', {}, `${formatDate(c.resolution.on)}，${c.resolution.onTime ? '按期' : '超期'}，结果：${OUTCOMES[c.resolution.outcome] || c.resolution.outcome}`)] : null,
        c.rating ? [h('dt', {}, '群众评价'), h('dd', { id: 'case-rating' }, `${c.rating.score} 分${c.rating.comment ? `：${c.rating.comment}` : ''}`)] : null),
      h('h2', {}, '诉求内容'),
      h('div', { class: 'user-text', id: 'case-description' }, c.description || ''),
      personalTextControl(c, state)),
    attachments(c),
    h('div', { class: 'grid-2' },
      h('div', {},
        links(c),
        actionsPanel(c, cat, state),
        history(c),
        caseMessages(c.trackingNo),
        similarCases(c.trackingNo)),
      h('div', {},
        h('section', { class: 'card', 'aria-labelledby': 'personal-title' },
          h('h2', { id: 'personal-title' }, '当事人信息'),
          c.personalMasked ? h('p', { class: 'alert warn small', id: 'masked-note' }, '您是审计人员：个人信息已脱敏显示。') : null,
          c.legalHold ? h('p', { class: 'alert warn small', id: 'case-legal-hold' },
            `已冻结（${formatDateTime(c.legalHold.at)}，${c.legalHold.reason}）：解除前不删除个人信息。`) : null,
          c.personalErasedAt ? h('p', { class: 'alert ok small', id: 'case-erased' },
            `个人信息已于 ${formatDateTime(c.personalErasedAt)} 删除。`) : null,
          facts(c.personal, PERSONAL_LABELS, 'case-personal', cat)),
        samePersonCases(c.trackingNo),
        h('section', { class: 'card', 'aria-labelledby': 'details-title' },
          h('h2', { id: 'details-title' }, '办理信息'),
          facts(c.details, DETAIL_LABELS, 'case-details', cat)),
        state.admin ? casePersonalDataRequests(c.trackingNo, () => state.reload(null)) : null)),
  ];
}

export async function render(container, { match }, ctx) {
  const trackingNo = decodeURIComponent(match[1]);
  const cat = await catalog();
  const flash = [...container.querySelectorAll('#flash')];
  const state = {
    admin: ctx.claims?.role === 'town-admin',
    show(c, message) {
      if (!ctx.isCurrent()) return;
      replace(container, flash, view(c, cat, state, message));
      container.dataset.version = String(c.version);
      if (message) container.querySelector('#case-message')?.focus();
    },
    async reload(message) {
      try {
        const { data } = await staffApi(`/api/v1/admin/cases/${encodeURIComponent(trackingNo)}`);
        state.show(data, message);
      } catch (error) {
        if (!ctx.isCurrent()) return;
        replace(container, h('p', {}, h('a', { href: '#/cases' }, '← 返回案件列表')),
          h('div', { class: 'alert error', role: 'alert', id: 'case-error' },
            error.status === 404 ? '未找到该案件，或该案件不在您的管辖范围内。' : `加载失败：${error.message}`));
      }
    },
  };
  replace(container, flash, h('p', { class: 'muted' }, '正在加载…'));
  await state.reload(null);
}

