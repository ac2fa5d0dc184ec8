// 代录事项: a case that came as a letter, a visit, a phone call or a 12345 transfer, entered by staff. The public
// form's fields plus the real date of receipt (deadlines count from it) and the channel. The API validates; its
// field errors appear next to the field and nothing typed is lost. Village staff enter for their own village.
import { formatDate, h, replace, todayInChina } from '/assets/js/dom.js';
import { Attempts, busy, clearErrors, compact, showApiError, sleep, value } from '/assets/js/forms.js';
import { APPLICANT_KINDS, ID_TYPES, TYPE_NAMES } from '/assets/js/names.js';
import { catalog, staffApi } from './session.js';

const CHANNEL_NAMES = {
  post: '来信（邮寄）',
  'in-person': '来访（当面）',
  phone: '来电',
  'hotline-12345': '12345 热线转办',
  email: '电子邮件',
  fax: '传真',
};
const CASE_TYPES = ['complaint', 'help', 'enquiry', 'suggestion', 'dispute', 'petition'];
const MUST_IDENTIFY = new Set(['dispute', 'petition']);
const FORMS = { paper: '纸质文本', electronic: '电子文本' };
const DELIVERIES = { post: '邮寄', pickup: '当面领取', email: '电子邮件', online: '网上查询答复' };

const attempts = new Attempts();

function label(forId, text, required) {
  return h('label', { for: forId }, text,
    required === undefined ? null : h('span', { class: required ? 'req' : 'opt' }, required ? '必填' : '选填'));
}

function field(path, id, text, required, control, hint) {
  return h('div', { class: 'field', 'data-field': path }, label(id, text, required), control,
    hint ? h('p', { class: 'hint' }, hint) : null);
}

function input(id, name, attrs = {}) {
  return h('input', { type: 'text', id, name, ...attrs });
}

function select(id, name, entries, placeholder) {
  return h('select', { id, name },
    placeholder === undefined ? null : h('option', { value: '' }, placeholder),
    entries.map(([code, text]) => h('option', { value: code }, text)));
}

function radios(path, legend, name, entries) {
  return h('fieldset', { class: 'field', 'data-field': path },
    h('legend', {}, legend, h('span', { class: 'req' }, '必填')),
    h('div', { class: 'choices' }, entries.map(([code, text]) =>
      h('label', { class: 'choice' }, h('input', { type: 'radio', name, value: code, id: `intake-${name}-${code}` }), h('span', {}, text)))));
}

function receiptSection(today) {
  return h('fieldset', { class: 'card', id: 'intake-receipt' },
    h('legend', {}, '收到方式'),
    h('div', { class: 'row' },
      field('channel', 'intake-channel', '渠道', true, select('intake-channel', 'channel', Object.entries(CHANNEL_NAMES), '请选择')),
      field('receivedOn', 'intake-received-on', '收到日期', true,
        input('intake-received-on', 'receivedOn', { type: 'date', max: today, value: today }),
        '办理期限从这一天起算（来信以签收日为准）。')));
}

function caseSection(cat, claims) {
  const villageStaff = claims.role === 'village-staff';
  const villages = cat.villages.map((v) => [v.id, v.name]);
  const own = villageStaff ? cat.villages.find((v) => v.id === claims.village) : null;
  return h('div', { id: 'intake-case-fields' },
    h('div', { class: 'row' },
      field('type', 'intake-type', '事项类型', true,
        select('intake-type', 'type', CASE_TYPES.map((t) => [t, TYPE_NAMES[t]]), '请选择')),
      field('category', 'intake-category', '分类', true, select('intake-category', 'category', [], '请先选择事项类型'))),
    villageStaff
      ? h('p', { class: 'small', id: 'intake-own-village' }, `村（社区）：${own ? own.name : claims.village}`)
      : field('village', 'intake-village', '村（社区）', false, select('intake-village', 'village', villages, '不涉及具体村（社区）')),
    field('title', 'intake-title', '标题', true, input('intake-title', 'title', { maxlength: 100 })),
    field('description', 'intake-description', '内容', true,
      h('textarea', { id: 'intake-description', name: 'description', rows: 5, maxlength: 5000 }),
      '按来信、来访或来电内容如实记录。'),
    field('location.address', 'intake-address', '地点', false, input('intake-address', 'location.address', { maxlength: 200 })),
    h('fieldset', { class: 'field', 'data-field': 'submitter' },
      h('legend', {}, '反映人'),
      h('div', { class: 'row' },
        field('submitter.name', 'intake-name', '姓名', undefined, input('intake-name', 'submitter.name', { maxlength: 50, autocomplete: 'off' })),
        field('submitter.phone', 'intake-phone', '联系电话', undefined,
          input('intake-phone', 'submitter.phone', { type: 'tel', inputmode: 'tel', maxlength: 20, autocomplete: 'off' }))),
      h('div', { class: 'check', 'data-field': 'submitter.anonymous' },
        h('input', { type: 'checkbox', id: 'intake-anonymous', name: 'submitter.anonymous' }),
        h('label', { for: 'intake-anonymous' }, '匿名反映（不留姓名和电话）'))),
    h('fieldset', { class: 'field', 'data-field': 'parties', id: 'intake-parties-group', hidden: true },
      h('legend', {}, '其他当事人'),
      h('div', { id: 'intake-parties' }),
      h('button', { type: 'button', class: 'secondary', id: 'intake-add-party' }, '添加当事人')));
}

function infoSection() {
  const kinds = Object.entries(APPLICANT_KINDS);
  return h('div', { id: 'intake-info-fields', hidden: true },
    field('applicant.kind', 'intake-applicant-kind', '申请人类型', true, select('intake-applicant-kind', 'applicant.kind', kinds)),
    h('div', { class: 'row', id: 'intake-person' },
      field('applicant.idType', 'intake-id-type', '证件类型', true, select('intake-id-type', 'applicant.idType', Object.entries(ID_TYPES))),
      field('applicant.idNumber', 'intake-id-number', '证件号码', true,
        input('intake-id-number', 'applicant.idNumber', { maxlength: 32, autocomplete: 'off' }))),
    h('div', { class: 'row', id: 'intake-org', hidden: true },
      field('applicant.organization', 'intake-organization', '机构名称', true, input('intake-organization', 'applicant.organization', { maxlength: 100 })),
      field('applicant.creditCode', 'intake-credit-code', '统一社会信用代码', true,
        input('intake-credit-code', 'applicant.creditCode', { maxlength: 18, autocomplete: 'off' }))),
    h('div', { class: 'row' },
      field('applicant.name', 'intake-applicant-name', '姓名（机构为联系人）', undefined,
        input('intake-applicant-name', 'applicant.name', { maxlength: 50, autocomplete: 'off' })),
      field('applicant.phone', 'intake-applicant-phone', '联系电话', true,
        input('intake-applicant-phone', 'applicant.phone', { type: 'tel', inputmode: 'tel', maxlength: 20, autocomplete: 'off' }))),
    h('div', { class: 'row' },
      field('applicant.email', 'intake-applicant-email', '电子邮箱', false,
        input('intake-applicant-email', 'applicant.email', { type: 'email', maxlength: 254, autocomplete: 'off' })),
      field('applicant.address', 'intake-applicant-address', '通信地址', false,
        input('intake-applicant-address', 'applicant.address', { maxlength: 200, autocomplete: 'off' }))),
    field('infoDescription', 'intake-info-description', '所需信息的内容描述', true,
      h('textarea', { id: 'intake-info-description', name: 'infoDescription', rows: 5, maxlength: 5000 })),
    radios('form', '获取信息的载体形式', 'form', Object.entries(FORMS)),
    radios('delivery', '获取信息的方式', 'delivery', Object.entries(DELIVERIES)));
}

function parties(form) {
  return [...form.querySelectorAll('#intake-parties .party')].map((row) => compact({
    name: row.querySelector('[data-part="name"]').value.trim() || undefined,
    phone: row.querySelector('[data-part="phone"]').value.trim() || undefined,
    role: row.querySelector('[data-part="role"]').value.trim() || undefined,
  }));
}

function addParty(form) {
  const box = form.querySelector('#intake-parties');
  const i = box.children.length;
  if (i >= 20) return;
  const part = (name, text, attrs = {}) => {
    const id = `intake-party-${i}-${name}`;
    return h('div', { class: 'field', 'data-field': `parties[${i}].${name}` },
      label(id, text, name === 'name'), input(id, `parties[${i}].${name}`, { 'data-part': name, maxlength: 50, ...attrs }));
  };
  box.append(h('div', { class: 'party', 'data-field': `parties[${i}]` },
    h('h4', {}, `当事人 ${i + 1}`),
    h('div', { class: 'row three' }, part('name', '姓名'), part('phone', '电话', { type: 'tel', maxlength: 20 }), part('role', '与反映人的关系'))));
}

function requestBody(form, kind, claims) {
  const receipt = { receivedOn: value(form, 'receivedOn'), channel: value(form, 'channel') };
  if (kind === 'info-requests') {
    const applicantKind = value(form, 'applicant.kind');
    const person = applicantKind === 'natural-person';
    return compact({
      ...receipt,
      applicant: {
        kind: applicantKind,
        name: value(form, 'applicant.name'),
        idType: person ? value(form, 'applicant.idType') : undefined,
        idNumber: person ? value(form, 'applicant.idNumber') : undefined,
        organization: person ? undefined : value(form, 'applicant.organization'),
        creditCode: person ? undefined : value(form, 'applicant.creditCode'),
        phone: value(form, 'applicant.phone'),
        email: value(form, 'applicant.email'),
        address: value(form, 'applicant.address'),
      },
      description: value(form, 'infoDescription'),
      form: form.querySelector('input[name="form"]:checked')?.value,
      delivery: form.querySelector('input[name="delivery"]:checked')?.value,
    });
  }
  const type = value(form, 'type');
  const anonymous = form.elements.namedItem('submitter.anonymous').checked;
  return compact({
    ...receipt,
    type,
    category: value(form, 'category'),
    village: claims.role === 'village-staff' ? claims.village : value(form, 'village'),
    title: value(form, 'title'),
    description: value(form, 'description'),
    location: { address: value(form, 'location.address') },
    submitter: { name: value(form, 'submitter.name'), phone: value(form, 'submitter.phone'), anonymous },
    parties: type === 'dispute' ? parties(form) : undefined,
  });
}

function showReceipt(section, data, kind, onAgain) {
  replace(section,
    h('h2', { id: 'intake-done-title' }, '已登记'),
    h('p', {}, `${TYPE_NAMES[data.type] || (kind === 'info-requests' ? TYPE_NAMES['info-request'] : '事项')}已登记。请把查询编号和查询码告知反映人（回信或电话），查询码只显示这一次。`),
    h('dl', { class: 'codes' },
      h('dt', {}, '查询编号'), h('dd', { class: 'code', id: 'intake-tracking-no' }, data.trackingNo),
      h('dt', {}, '查询码'), h('dd', { class: 'code', id: 'intake-access-code' }, data.accessCode)),
    h('dl', { class: 'facts' },
      h('dt', {}, '状态'), h('dd', {}, data.statusName || data.status),
      h('dt', {}, '办理期限'), h('dd', { id: 'intake-due' }, data.dueDate ? `${formatDate(data.dueDate)}${data.dueDateNote || ''}` : '待定')),
    h('div', { class: 'button-row' },
      h('a', { class: 'button', id: 'intake-open-case', href: `#/case/${encodeURIComponent(data.trackingNo)}` }, '查看案件'),
      h('button', { type: 'button', class: 'secondary', id: 'intake-again', onclick: onAgain }, '再登记一件')));
  section.hidden = false;
  section.focus();
}

export async function render(container, _route, ctx) {
  const { claims } = ctx;
  if (claims.role === 'auditor') {
    replace(container, h('h1', {}, '代录事项'), h('div', { class: 'alert warn', role: 'alert' }, '审计查阅角色不能登记事项。'));
    return;
  }
  const cat = await catalog();
  if (!ctx.isCurrent()) return;
  const today = todayInChina();
  const form = h('form', { id: 'intake-form', class: 'intake', novalidate: true },
    receiptSection(today),
    h('section', { class: 'card' },
      h('fieldset', { class: 'field', id: 'intake-kind' },
        h('legend', {}, '登记什么'),
        h('div', { class: 'choices' },
          h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'kind', value: 'complaints', id: 'intake-kind-case', checked: true }),
            h('span', {}, '诉求、纠纷调解、信访')),
          h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'kind', value: 'info-requests', id: 'intake-kind-info' }),
            h('span', {}, '政府信息公开申请')))),
      caseSection(cat, claims),
      infoSection()),
    h('button', { type: 'submit', id: 'intake-submit' }, '登记'));
  const done = h('section', { class: 'card receipt', id: 'intake-done', tabindex: '-1', hidden: true, 'aria-labelledby': 'intake-done-title' });
  replace(container, h('h1', {}, '代录事项'),
    h('p', { class: 'lead' }, '登记来信、来访、来电和 12345 热线转办的事项。'), form, done);

  const kind = () => form.querySelector('input[name="kind"]:checked').value;
  const onKind = () => {
    form.querySelector('#intake-case-fields').hidden = kind() !== 'complaints';
    form.querySelector('#intake-info-fields').hidden = kind() !== 'info-requests';
  };
  const onType = () => {
    const type = value(form, 'type');
    const category = form.querySelector('#intake-category');
    const previous = category.value;
    const fitting = type ? cat.categories.filter((c) => c.types.includes(type)) : [];
    replace(category, h('option', { value: '' }, type ? '请选择分类' : '请先选择事项类型'), fitting.map((c) => h('option', { value: c.id }, c.name)));
    if (fitting.some((c) => c.id === previous)) category.value = previous;
    const anonymous = form.querySelector('#intake-anonymous');
    if (MUST_IDENTIFY.has(type)) anonymous.checked = false;
    anonymous.disabled = MUST_IDENTIFY.has(type);
    form.querySelector('#intake-parties-group').hidden = type !== 'dispute';
    if (type === 'dispute' && !form.querySelector('#intake-parties .party')) addParty(form);
  };
  const onApplicantKind = () => {
    const person = value(form, 'applicant.kind') === 'natural-person';
    form.querySelector('#intake-person').hidden = !person;
    form.querySelector('#intake-org').hidden = person;
  };
  form.addEventListener('change', (event) => {
    const name = event.target.name;
    if (name === 'kind') onKind();
    else if (name === 'type') onType();
    else if (name === 'applicant.kind') onApplicantKind();
  });
  form.querySelector('#intake-add-party').addEventListener('click', () => addParty(form));
  onApplicantKind();

  let inFlight = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (inFlight) return;
    inFlight = true;
    clearErrors(form);
    const button = form.querySelector('#intake-submit');
    busy(button, true, '正在登记…');
    const route = kind();
    const payload = JSON.stringify(requestBody(form, route, claims));
    try {
      const url = `/api/v1/admin/towns/${encodeURIComponent(claims.town)}/${route}`;
      let data;
      for (let attempt = 0; ; attempt++) {
        try {
          ({ data } = await staffApi(url, { method: 'POST', body: payload, headers: { 'Idempotency-Key': attempts.keyFor(payload) } }));
          break;
        } catch (error) {
          if (error.code !== 'IDEMPOTENCY_IN_PROGRESS' || attempt >= 5) throw error;
          await sleep(1000 * (error.retryAfter || 1));
        }
      }
      attempts.done();
      form.hidden = true;
      showReceipt(done, data, route, () => {
        done.hidden = true;
        done.replaceChildren();
        form.reset();
        form.querySelector('#intake-received-on').value = today;
        replace(form.querySelector('#intake-parties'));
        onKind();
        onType();
        onApplicantKind();
        form.hidden = false;
        form.querySelector('#intake-channel').focus();
      });
    } catch (error) {
      // the info form's description has its own control; route the API's "description" there when it is shown
      if (error.field === 'description' && route === 'info-requests') error.field = 'infoDescription';
      showApiError(form, error, '登记未成功');
    } finally {
      inFlight = false;
      busy(button, false);
    }
  });
}
