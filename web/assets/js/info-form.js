// 政府信息公开申请: the statutory application form. The API validates (ID check digit, credit code, e-mail
// needed for delivery by e-mail, address for post); errors appear next to the field.
import { api } from './api.js';
import { AttachmentPicker, newDraftId } from './attachments.js';
import { currentTown, h, replace } from './dom.js';
import { Attempts, busy, clearErrors, compact, showApiError, submitOnce, value, withBotCheck } from './forms.js';
import { APPLICANT_KINDS, ID_TYPES } from './names.js';
import { showReceipt } from './receipt.js';

const town = currentTown();
let draft = newDraftId();
let pickers = [];
const form = document.getElementById('info-form');
const submitButton = document.getElementById('submit');
const receipt = document.getElementById('receipt');
const attempts = new Attempts();
let inFlight = false;
let openedAt = performance.now();

function isOrg() {
  return document.getElementById('kind-org').checked;
}

function fillSelects() {
  replace(document.getElementById('id-type'),
    Object.entries(ID_TYPES).map(([code, name]) => h('option', { value: code }, name)));
  replace(document.getElementById('org-kind'),
    h('option', { value: '' }, '请选择'),
    Object.entries(APPLICANT_KINDS).filter(([code]) => code !== 'natural-person')
      .map(([code, name]) => h('option', { value: code }, name)));
}

function onGroupChange() {
  const org = isOrg();
  document.getElementById('person-fields').hidden = org;
  document.getElementById('org-fields').hidden = !org;
  // The API names both the person's name and an organisation's contact "applicant.name", and both kinds
  // "applicant.kind": route those errors to the control that is visible.
  const personName = document.getElementById('person-name').closest('.field');
  const contactName = document.getElementById('contact-name').closest('.field');
  const orgKind = document.getElementById('org-kind').closest('.field');
  personName.dataset.field = org ? 'person.name' : 'applicant.name';
  contactName.dataset.field = org ? 'applicant.name' : 'org.name';
  orgKind.dataset.field = org ? 'applicant.kind' : 'org.kind';
  form.querySelector('fieldset[data-field]').dataset.field = org ? 'applicant.group' : 'applicant.kind';
}

function onDeliveryChange() {
  const delivery = form.querySelector('input[name="delivery"]:checked')?.value;
  const mark = (id, needed) => {
    const el = document.getElementById(id);
    el.textContent = needed ? '必填' : '选填';
    el.className = needed ? 'req' : 'opt';
  };
  mark('email-req', delivery === 'email');
  mark('address-req', delivery === 'post');
}

function requestBody() {
  const org = isOrg();
  const applicant = org
    ? {
      kind: value(form, 'orgKind'),
      organization: value(form, 'applicant.organization'),
      creditCode: value(form, 'applicant.creditCode'),
      name: value(form, 'org.name'),
    }
    : {
      kind: 'natural-person',
      name: value(form, 'person.name'),
      idType: value(form, 'applicant.idType'),
      idNumber: value(form, 'applicant.idNumber'),
    };
  applicant.phone = value(form, 'applicant.phone');
  applicant.email = value(form, 'applicant.email');
  const notify = form.querySelector('input[name="applicant.notify"]:checked');
  applicant.notify = notify ? notify.value : undefined;
  applicant.address = value(form, 'applicant.address');
  const description = form.elements.namedItem('description').value.trim();
  const attachments = pickers ? pickers.flatMap((p) => p.readyIds()) : [];
  return compact({
    applicant,
    attachments: attachments.length ? attachments : undefined,
    description: description || undefined,
    form: form.querySelector('input[name="form"]:checked')?.value,
    delivery: form.querySelector('input[name="delivery"]:checked')?.value,
  });
}

async function onSubmit(event) {
  event.preventDefault();
  if (inFlight) return;
  inFlight = true;
  clearErrors(form);
  if (pickers.some((p) => p.busy())) {
    showApiError(form, { message: '附件还在上传或检查中，请稍候再提交', field: null });
    inFlight = false;
    return;
  }
  busy(submitButton, true, '正在提交…');
  const body = requestBody();
  const key = attempts.keyFor(JSON.stringify(body));
  const payload = withBotCheck(form, body, attempts, openedAt);
  try {
    const { data } = await submitOnce(`/api/v1/towns/${encodeURIComponent(town)}/info-requests`, payload, key,
      { 'X-Upload-Draft': draft });
    attempts.done();
    draft = newDraftId();
    for (const p of pickers) p.reset(draft);
    form.hidden = true;
    showReceipt(receipt, data, [['所需信息', body.description, 'receipt-description']], startOver);
  } catch (error) {
    if (error.code === 'ATTACHMENTS_NOT_ACCEPTED') for (const p of pickers) p.showProblems(error.body.files);
    showApiError(form, error);
  } finally {
    inFlight = false;
    busy(submitButton, false);
  }
}

function startOver() {
  openedAt = performance.now();
  form.reset();
  clearErrors(form);
  onGroupChange();
  onDeliveryChange();
  form.hidden = false;
  document.getElementById('kind-person').focus();
}

async function init() {
  fillSelects();
  onGroupChange();
  onDeliveryChange();
  form.addEventListener('submit', onSubmit);
  pickers = [
    new AttachmentPicker(document.getElementById('id-proof'), {
      town, purpose: 'id-proof', draftId: draft, max: 1, inputId: 'id-proof-file', label: '＋ 添加身份证明（照片或 PDF）',
    }),
    new AttachmentPicker(document.getElementById('documents'), {
      town, purpose: 'photo-or-pdf', draftId: draft, max: 5, inputId: 'document-files', accept: 'application/pdf', label: '＋ 添加 PDF 文件',
    }),
  ];
  form.addEventListener('change', (e) => {
    if (e.target.name === 'applicantGroup') onGroupChange();
    if (e.target.name === 'delivery') onDeliveryChange();
  });
  form.dataset.ready = 'true';
  try {
    const { data } = await api(`/api/v1/towns/${encodeURIComponent(town)}/catalog`);
    for (const el of document.querySelectorAll('[data-town-name]')) el.textContent = data.town.name;
    document.title = `政府信息公开申请 · ${data.town.name}`;
  } catch {
    // the form works without the town's name
  }
}

init();
