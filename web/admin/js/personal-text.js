// 隐去个人信息 on the case detail (issue 18; docs/personal-data.md): staff replace the personal parts of a citizen's
// text (a phone in the description, a name in the title); the case shows the new text everywhere, and the citizen's
// words move into the sealed personal data. Offered for the parts the API lists in markableTexts.
import { h, replace } from '/assets/js/dom.js';
import { busy, clearErrors, showApiError } from '/assets/js/forms.js';
import { staffApi } from './session.js';

export const PART_NAMES = { title: '标题', description: '诉求内容', ratingComment: '评价意见' };
export const MASK = '＊＊＊';

// The log scanner's patterns (testkit cn.banshi.testkit.logscan.PersonalData): mobile and landline numbers,
// e-mail addresses, resident ID numbers with a right check character.
const MOBILE = /(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])/g;
const LANDLINE = /(?<![0-9A-Za-z-])0[1-9][0-9]{1,2}-[2-9][0-9]{6,7}(?![0-9])/g;
const EMAIL = /(?<![A-Za-z0-9._%+*-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}(?![A-Za-z0-9])/g;
const RESIDENT_ID = /(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])/g;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

function idCheckChar(first17) {
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11];
}

/** The text with every phone, e-mail address and resident ID number replaced by ＊＊＊, and how many were. */
export function redact(text) {
  let count = 0;
  const mask = () => { count++; return MASK; };
  let out = text.replace(RESIDENT_ID, (id) => (idCheckChar(id.slice(0, 17)) === id[17].toUpperCase() ? mask() : id));
  out = out.replace(MOBILE, mask).replace(LANDLINE, mask).replace(EMAIL, mask);
  return { text: out, count };
}

function current(c, part) {
  if (part === 'title') return c.title || '';
  if (part === 'description') return c.description || '';
  return c.rating?.comment || '';
}

function form(c, state, close) {
  const parts = c.markableTexts;
  const select = h('select', { id: 'pt-field', name: 'field' },
    parts.map((p) => h('option', { value: p }, PART_NAMES[p] || p)));
  const text = h('textarea', { id: 'pt-text', name: 'text', rows: 6 });
  text.value = current(c, parts[0]);
  select.addEventListener('change', () => { text.value = current(c, select.value); });
  const status = h('p', { class: 'hint', id: 'pt-status', role: 'status', 'aria-live': 'polite' });
  const f = h('form', { class: 'action-form', id: 'personal-text-form', novalidate: true },
    h('h3', {}, '隐去个人信息'),
    h('p', { class: 'hint' }, `把内容中的姓名、电话、证件号码、地址替换为“${MASK}”后提交。替换后的内容用于列表、导出、查询页和报告；`
      + '原文作为个人信息加密保存，只有可查看个人信息的工作人员和本人能看到，到期随个人信息一并删除。'),
    h('div', { class: 'field', 'data-field': 'field' },
      h('label', { for: 'pt-field' }, '内容'), select),
    h('div', { class: 'field', 'data-field': 'text' },
      h('label', { for: 'pt-text' }, '替换后的内容', h('span', { class: 'req' }, '必填')), text,
      h('button', {
        type: 'button', class: 'secondary small', id: 'pt-detect',
        onclick: () => {
          const { text: redacted, count } = redact(text.value);
          text.value = redacted;
          status.textContent = count ? `已将 ${count} 处电话、证件号码或邮箱替换为“${MASK}”，请再检查姓名和地址。` : '没有找到电话、证件号码或邮箱，请手动替换姓名和地址。';
        },
      }, '自动隐去电话、证件号码和邮箱'),
      status),
    h('div', { class: 'actions-row' },
      h('button', { type: 'submit', id: 'pt-submit' }, '确认隐去'),
      h('button', { type: 'button', class: 'link', onclick: close }, '取消')));
  f.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = f.querySelector('#pt-submit');
    if (submit.disabled) return;
    clearErrors(f);
    busy(submit, true, '正在提交…');
    const part = select.value;
    try {
      const { data } = await staffApi(`/api/v1/admin/cases/${encodeURIComponent(c.trackingNo)}/personal-text`, {
        method: 'POST', body: { field: part, text: text.value, expectedVersion: c.version },
      });
      state.show(data, { kind: 'ok', text: `已隐去${PART_NAMES[part] || part}中的个人信息，原文已作为个人信息保存。` });
    } catch (error) {
      busy(submit, false);
      if (error.code === 'VERSION_CONFLICT') {
        await state.reload({ kind: 'warn', text: '此案件已被他人修改，已为您重新加载最新内容，请确认后再操作。' });
      } else {
        showApiError(f, error, '未能隐去个人信息');
      }
    }
  });
  return f;
}

/** The button that opens the form, for staff who may mark the case's texts; nothing otherwise. */
export function personalTextControl(c, state) {
  if (!c.markableTexts?.length) return null;
  const slot = h('div', { id: 'personal-text-slot' });
  const open = h('button', {
    type: 'button', class: 'secondary small', id: 'personal-text-open', 'aria-expanded': 'false',
    'aria-controls': 'personal-text-slot',
    onclick: () => {
      open.setAttribute('aria-expanded', 'true');
      replace(slot, form(c, state, () => { replace(slot); open.setAttribute('aria-expanded', 'false'); open.focus(); }));
      slot.querySelector('textarea')?.focus();
    },
  }, '隐去个人信息');
  return h('div', { id: 'personal-text' }, open, slot);
}
