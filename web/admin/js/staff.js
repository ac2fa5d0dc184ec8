// 人员: a town admin's staff accounts (list, create, edit role/village/contact details, disable and enable again,
// reset a password). Village staff and auditors never see this page (the API answers them 403 anyway).
import { h, replace } from '/assets/js/dom.js';
import { clearErrors, formAlert, showApiError } from '/assets/js/forms.js';
import { ROLE_NAMES } from '/assets/js/names.js';
import { catalog, staffApi } from './session.js';

function roleSelect(value) {
  return h('select', { id: 'staff-role', name: 'role' },
    ...Object.entries(ROLE_NAMES).map(([code, name]) => h('option', { value: code, ...(code === value ? { selected: true } : {}) }, name)));
}

function passwordNotice(container, username, answer) {
  const notice = h('div', { class: 'alert success', role: 'status', id: 'staff-password-notice' });
  if (answer.temporaryPassword) {
    replace(notice,
      h('p', {}, `${username} 的临时密码（只显示这一次，请当面或电话告知本人；首次登录须修改）：`),
      h('p', { class: 'user-text', id: 'staff-temp-password' }, answer.temporaryPassword));
  } else {
    replace(notice, h('p', {}, `已向 ${username} 的电子邮箱发送临时密码或验证码。`));
  }
  container.prepend(notice);
}

export async function render(container, _route, ctx) {
  if (ctx.claims.role !== 'town-admin') {
    replace(container, h('div', { class: 'alert error', role: 'alert' }, '只有镇管理员可以管理工作人员账号。'));
    return;
  }
  const [list, cat] = await Promise.all([staffApi('/api/v1/admin/staff'), catalog()]);
  if (!ctx.isCurrent()) return;
  const villages = cat.villages || [];
  const villageName = (id) => villages.find((v) => v.id === id)?.name || id || '';

  const form = h('form', { id: 'staff-form', novalidate: true });
  let editing = null;
  function fillForm(account) {
    editing = account;
    replace(form,
      h('h2', {}, account ? `修改 ${account.username}` : '新建账号'),
      h('div', { class: 'field', 'data-field': 'username' },
        h('label', { for: 'staff-username' }, '用户名'),
        h('input', { id: 'staff-username', type: 'text', name: 'username', autocapitalize: 'none', spellcheck: 'false', value: account?.username || '', ...(account ? { disabled: true } : {}) }),
        h('p', { class: 'hint' }, '小写字母开头，只含小写字母、数字和 . _ -，如 wang.li')),
      h('div', { class: 'field', 'data-field': 'displayName' },
        h('label', { for: 'staff-name' }, '姓名'),
        h('input', { id: 'staff-name', type: 'text', name: 'displayName', value: account?.displayName || '' })),
      h('div', { class: 'field', 'data-field': 'role' }, h('label', { for: 'staff-role' }, '角色'), roleSelect(account?.role || 'village-staff')),
      h('div', { class: 'field', 'data-field': 'village', id: 'staff-village-field' },
        h('label', { for: 'staff-village' }, '村（社区）'),
        h('select', { id: 'staff-village', name: 'village' },
          ...villages.map((v) => h('option', { value: v.id, ...(v.id === account?.village ? { selected: true } : {}) }, v.name)))),
      h('div', { class: 'field', 'data-field': 'phone' },
        h('label', { for: 'staff-phone' }, '手机（用于提醒，可不填）'),
        h('input', { id: 'staff-phone', name: 'phone', type: 'tel', value: account?.phone || '' })),
      h('div', { class: 'field', 'data-field': 'email' },
        h('label', { for: 'staff-email' }, '电子邮箱（用于每日摘要，可不填）'),
        h('input', { id: 'staff-email', name: 'email', type: 'email', value: account?.email || '' })),
      h('button', { type: 'submit', id: 'staff-submit' }, account ? '保存' : '新建'),
      account ? h('button', { type: 'button', class: 'secondary', id: 'staff-cancel', onclick: () => fillForm(null) }, '取消') : null);
    const role = form.elements.namedItem('role');
    const villageField = form.querySelector('#staff-village-field');
    const sync = () => { villageField.hidden = role.value !== 'village-staff'; };
    role.addEventListener('change', sync);
    sync();
  }
  fillForm(null);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const value = (name) => form.elements.namedItem(name).value.trim();
    const body = { role: value('role'), displayName: value('displayName') };
    if (body.role === 'village-staff') body.village = value('village');
    if (value('phone')) body.phone = value('phone');
    if (value('email')) body.email = value('email');
    try {
      if (editing) {
        await staffApi(`/api/v1/admin/staff/${encodeURIComponent(editing.username)}`, { method: 'PUT', body });
        ctx.flash('success', `已保存 ${editing.username}。`);
        ctx.route();
      } else {
        const answer = (await staffApi('/api/v1/admin/staff', { method: 'POST', body: { username: value('username'), ...body } })).data;
        await render(container, _route, ctx);
        passwordNotice(container, answer.account.username, answer);
      }
    } catch (error) {
      showApiError(form, error, '未能保存');
    }
  });

  const rows = list.data.items.map((a) => {
    const actions = h('td', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', 'data-edit': a.username, onclick: () => { fillForm(a); form.scrollIntoView(); } }, '修改'),
      h('button', { type: 'button', class: 'secondary', [a.enabled ? 'data-disable' : 'data-enable']: a.username, onclick: () => act(a, a.enabled ? 'disable' : 'enable') }, a.enabled ? '停用' : '启用'),
      h('button', { type: 'button', class: 'secondary', 'data-reset': a.username, onclick: () => act(a, 'reset-password') }, '重置密码'));
    return h('tr', { 'data-username': a.username, class: a.enabled ? '' : 'muted' },
      h('td', {}, a.username), h('td', {}, a.displayName), h('td', {}, ROLE_NAMES[a.role] || a.role),
      h('td', {}, villageName(a.village)), h('td', {}, a.phone || ''), h('td', {}, a.email || ''),
      h('td', { 'data-status': a.enabled ? 'enabled' : 'disabled' }, a.enabled ? '启用' : '已停用'), actions);
  });

  async function act(account, op) {
    try {
      const answer = (await staffApi(`/api/v1/admin/staff/${encodeURIComponent(account.username)}/${op}`, { method: 'POST' })).data;
      await render(container, _route, ctx);
      if (op === 'reset-password') passwordNotice(container, account.username, answer);
    } catch (error) {
      const alert = formAlert(form, 'error', h('p', {}, `${account.username}：${error.message}`));
      alert.id = 'staff-action-error';
      alert.focus();
    }
  }

  replace(container,
    h('h1', {}, '工作人员账号'),
    h('div', { class: 'table-wrap' },
      h('table', { id: 'staff-table' },
        h('thead', {}, h('tr', {}, ...['用户名', '姓名', '角色', '村（社区）', '手机', '电子邮箱', '状态', '操作'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...rows))),
    h('section', { class: 'card' }, form));
}
