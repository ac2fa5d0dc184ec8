// 提交诉求: complaints, help, enquiries, suggestions, dispute mediation and petitions, driven by the town's
// catalog. The API validates; its field errors are shown next to the field and nothing typed is lost.
import { api } from './api.js';
import { AttachmentPicker } from './attachments.js';
import { currentTown, h, replace } from './dom.js';
import { Attempts, busy, clearErrors, compact, showApiError, showFieldError, submitOnce, value, withBotCheck } from './forms.js';
import { showReceipt } from './receipt.js';
import { watchSimilar } from './similar.js';

const TYPE_HINTS = {
  complaint: '反映问题，举报违法违规行为',
  help: '遇到困难，请求帮助',
  enquiry: '咨询政策和办事流程',
  suggestion: '对镇村工作提出意见建议',
  dispute: '邻里、婚姻家庭、土地等纠纷，申请人民调解',
  petition: '向政府反映情况、提出诉求',
};
const MUST_IDENTIFY = new Set(['dispute', 'petition']);

const town = currentTown();
const form = document.getElementById('case-form');
const submitButton = document.getElementById('submit');
const receipt = document.getElementById('receipt');
const attempts = new Attempts();
let catalog = null;
let inFlight = false;
let openedAt = performance.now();
let countdown = null;
let picker = null;
let similar = null;

function limitText(limit) {
  if (!limit) return '';
  return limit.unit === 'working' ? `${limit.days} 个工作日` : `${limit.days} 天`;
}

function selectedType() {
  return form.querySelector('input[name="type"]:checked')?.value || '';
}

function renderCatalog() {
  for (const el of document.querySelectorAll('[data-town-name]')) el.textContent = catalog.town.name;
  document.title = `提交诉求 · ${catalog.town.name}`;
  const choices = document.getElementById('type-choices');
  replace(choices, catalog.types.map((t) =>
    h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'type', value: t.id, id: `type-${t.id}` }),
      h('span', {}, h('span', {}, t.name), h('span', { class: 'choice-hint' }, TYPE_HINTS[t.id] || '')))));
  const village = document.getElementById('village');
  for (const v of catalog.villages) village.append(h('option', { value: v.id }, v.name));
  const wanted = new URLSearchParams(location.search).get('type');
  const radio = wanted && form.querySelector(`input[name="type"][value="${CSS.escape(wanted)}"]`);
  if (radio) radio.checked = true;
  onTypeChange();
}

function onTypeChange() {
  const type = selectedType();
  const category = document.getElementById('category');
  const previous = category.value;
  const fitting = type ? catalog.categories.filter((c) => c.types.includes(type)) : [];
  replace(category,
    h('option', { value: '' }, type ? '请选择分类' : '请先选择事项类型'),
    fitting.map((c) => h('option', { value: c.id }, c.name)));
  if (fitting.some((c) => c.id === previous)) category.value = previous;
  updateLimitHint();

  const identify = MUST_IDENTIFY.has(type);
  const anonymous = document.getElementById('anonymous');
  if (identify) anonymous.checked = false;
  anonymous.disabled = identify;
  document.getElementById('anonymous-note').hidden = !identify;
  onAnonymousChange();

  const parties = document.getElementById('parties-group');
  parties.hidden = type !== 'dispute';
  if (type === 'dispute' && !document.querySelector('#parties .party')) addParty();
}

function updateLimitHint() {
  const type = selectedType();
  const category = catalog?.categories.find((c) => c.id === document.getElementById('category').value);
  const limit = category?.limits?.[type];
  document.getElementById('limit-hint').textContent = limit
    ? `办理时限：一般在收到后 ${limitText(limit)}内办理答复。` : '';
}

function onAnonymousChange() {
  const anonymous = document.getElementById('anonymous').checked;
  for (const el of form.querySelectorAll('[data-unless-anonymous]')) {
    el.textContent = anonymous ? '选填' : '必填';
    el.className = anonymous ? 'opt' : 'req';
  }
  // anonymous submissions are told nothing: no e-mail, no choice
  document.getElementById('notify-fields').hidden = anonymous;
  updateVerification();
}

// ------------------------------------------------------------------ phone verification (docs/abuse.md)

function needsCode() {
  return Boolean(catalog?.phoneVerification?.includes(selectedType()))
    && !document.getElementById('anonymous').checked;
}

function updateVerification() {
  document.getElementById('verification-field').hidden = !needsCode();
}

function codeStatus(text) {
  document.getElementById('code-status').textContent = text;
}

/** Disables the button for `seconds`, counting down on it. */
function startCountdown(seconds) {
  const button = document.getElementById('send-code');
  clearInterval(countdown);
  let left = Math.max(1, Math.round(seconds));
  button.disabled = true;
  const tick = () => {
    if (left <= 0) {
      clearInterval(countdown);
      countdown = null;
      button.disabled = false;
      button.textContent = '重新获取';
      return;
    }
    button.textContent = left >= 120 ? `${Math.ceil(left / 60)} 分钟后可重新获取` : `${left} 秒后可重新获取`;
    left -= 1;
  };
  tick();
  countdown = setInterval(tick, 1000);
}

async function sendCode() {
  for (const path of ['submitter.phone', 'verification']) {
    const wrapper = form.querySelector(`[data-field="${path}"]`);
    wrapper?.classList.remove('has-error');
    wrapper?.querySelector(':scope > .field-error')?.remove();
  }
  const phone = value(form, 'submitter.phone');
  if (!phone) {
    showFieldError(form, 'submitter.phone', '请先填写手机号码，再获取验证码')?.focus();
    return;
  }
  const button = document.getElementById('send-code');
  button.disabled = true;
  codeStatus('正在发送…');
  try {
    const { data } = await api(`/api/v1/towns/${encodeURIComponent(town)}/verification-codes`,
      { method: 'POST', body: { phone } });
    codeStatus(`验证码已发送到 ${phone.slice(0, 3)}****${phone.slice(-4)}，${Math.round(data.validSeconds / 60)} 分钟内有效。`);
    startCountdown(data.resendAfterSeconds);
    document.getElementById('verification-code').focus();
  } catch (error) {
    codeStatus('');
    if (error.code === 'RATE_LIMITED' && error.retryAfter) {
      showFieldError(form, 'verification', error.message);
      startCountdown(error.retryAfter);
    } else {
      button.disabled = false;
      const target = showFieldError(form, error.field === 'phone' ? 'submitter.phone' : 'verification', error.message);
      if (target) target.focus();
    }
  }
}

function notifyChoice() {
  const checked = form.querySelector('input[name="submitter.notify"]:checked');
  return checked ? checked.value : undefined;
}

// ------------------------------------------------------------------ other parties (disputes)

function partyValues() {
  return [...document.querySelectorAll('#parties .party')].map((row) => ({
    name: row.querySelector('[data-part="name"]').value,
    phone: row.querySelector('[data-part="phone"]').value,
    role: row.querySelector('[data-part="role"]').value,
  }));
}

function renderParties(values) {
  const container = document.getElementById('parties');
  replace(container, values.map((v, i) => {
    const field = (part, label, type, attrs = {}) => {
      const id = `party-${i}-${part}`;
      const input = h('input', { type, id, name: `parties[${i}].${part}`, 'data-part': part, maxlength: 50, ...attrs });
      input.value = v[part] || '';
      return h('div', { class: 'field', 'data-field': `parties[${i}].${part}` },
        h('label', { for: id }, label, part === 'name' ? h('span', { class: 'req' }, '必填') : h('span', { class: 'opt' }, '选填')),
        input);
    };
    return h('div', { class: 'party', 'data-field': `parties[${i}]` },
      h('h4', {}, `当事人 ${i + 1}`),
      h('div', { class: 'row three' },
        field('name', '姓名', 'text'),
        field('phone', '电话', 'tel', { inputmode: 'tel', maxlength: 20 }),
        field('role', '与您的关系', 'text', { placeholder: '如：邻居' })),
      values.length > 1 ? h('button', {
        type: 'button', class: 'link', 'aria-label': `删除当事人 ${i + 1}`,
        onclick: () => {
          const rest = partyValues();
          rest.splice(i, 1);
          renderParties(rest);
        },
      }, '删除') : null);
  }));
}

function addParty() {
  const values = partyValues();
  if (values.length >= 20) return;
  values.push({});
  renderParties(values);
  if (values.length > 1) document.getElementById(`party-${values.length - 1}-name`).focus();
}

// ------------------------------------------------------------------ submission

function requestBody() {
  const type = selectedType();
  const anonymous = document.getElementById('anonymous').checked;
  const description = form.elements.namedItem('description').value.trim();
  return compact({
    type: type || undefined,
    category: value(form, 'category'),
    village: value(form, 'village'),
    title: value(form, 'title'),
    description: description || undefined,
    location: { address: value(form, 'location.address') },
    submitter: anonymous
      ? { name: value(form, 'submitter.name'), phone: value(form, 'submitter.phone'), anonymous }
      : { name: value(form, 'submitter.name'), phone: value(form, 'submitter.phone'),
          email: value(form, 'submitter.email'), notify: notifyChoice(), anonymous },
    parties: type === 'dispute'
      ? partyValues().map((p) => compact({ name: p.name.trim() || undefined, phone: p.phone.trim() || undefined, role: p.role.trim() || undefined }))
      : undefined,
    verification: needsCode() ? { code: value(form, 'verification.code') } : undefined,
    attachments: picker && picker.readyIds().length ? picker.readyIds() : undefined,
  });
}

async function onSubmit(event) {
  event.preventDefault();
  if (inFlight || !catalog) return;
  inFlight = true;
  clearErrors(form);
  if (picker?.busy()) {
    showApiError(form, { message: '附件还在上传或检查中，请稍候再提交', field: null });
    inFlight = false;
    return;
  }
  busy(submitButton, true, '正在提交…');
  const body = requestBody();
  const key = attempts.keyFor(JSON.stringify(body));
  const payload = withBotCheck(form, body, attempts, openedAt);
  try {
    const { data } = await submitOnce(`/api/v1/towns/${encodeURIComponent(town)}/complaints`, payload, key,
      { 'X-Upload-Draft': picker.draftId });
    attempts.done();
    picker.reset();
    clearInterval(countdown);
    form.hidden = true;
    showReceipt(receipt, data, [['标题', body.title, 'receipt-title-text'], ['内容', body.description, 'receipt-description']], startOver);
  } catch (error) {
    if (error.code === 'ATTACHMENTS_NOT_ACCEPTED') picker.showProblems(error.body.files);
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
  codeStatus('');
  const send = document.getElementById('send-code');
  send.disabled = false;
  send.textContent = '获取验证码';
  renderParties([]);
  similar?.reset();
  onTypeChange();
  form.hidden = false;
  form.querySelector('input[name="type"]')?.focus();
}

async function init() {
  form.addEventListener('submit', onSubmit);
  form.addEventListener('change', (e) => {
    if (e.target.name === 'type') onTypeChange();
    else if (e.target.id === 'category') updateLimitHint();
    else if (e.target.id === 'anonymous') onAnonymousChange();
  });
  document.getElementById('add-party').addEventListener('click', addParty);
  document.getElementById('send-code').addEventListener('click', sendCode);
  picker = new AttachmentPicker(document.getElementById('attachments'), { town, purpose: 'photo-or-pdf' });
  submitButton.disabled = true;
  try {
    catalog = (await api(`/api/v1/towns/${encodeURIComponent(town)}/catalog`)).data;
  } catch (error) {
    const box = document.getElementById('load-error');
    box.textContent = `无法加载办事目录：${error.message}。请稍后刷新页面重试。`;
    box.hidden = false;
    return;
  }
  renderCatalog();
  similar = watchSimilar(form, document.getElementById('similar'), town, () => ({
    type: selectedType(),
    category: value(form, 'category'),
    village: value(form, 'village'),
    title: value(form, 'title'),
    description: form.elements.namedItem('description').value,
  }), () => openedAt);
  submitButton.disabled = false;
  form.dataset.ready = 'true';
}

init();
