// The staff console: sign-in with a bearer token, then a small hash router over the views.
import { api, ApiError } from '/assets/js/api.js';
import { h, replace } from '/assets/js/dom.js';
import { clearErrors, showApiError } from '/assets/js/forms.js';
import { ROLE_NAMES } from '/assets/js/names.js';
import { catalog, claims, onUnauthorized, resetCatalog, signIn, signOut, token } from './session.js';
import * as cases from './cases.js';
import * as caseDetail from './case.js';
import * as dashboard from './dashboard.js';
import * as reports from './reports.js';
import * as inputs from './inputs.js';
import * as calendar from './calendar.js';
import * as intake from './intake.js';
import * as audit from './audit.js';
import * as alerts from './alerts.js';

const main = document.getElementById('main');
let renderCount = 0;
let afterSignIn = '#/cases';
let notice = null;

const ROUTES = [
  { pattern: /^\/cases$/, view: cases, nav: 'cases', title: '案件' },
  { pattern: /^\/case\/([^/]+)$/, view: caseDetail, nav: 'cases', title: '案件详情' },
  { pattern: /^\/dashboard$/, view: dashboard, nav: 'dashboard', title: '统计' },
  { pattern: /^\/reports$/, view: reports, nav: 'reports', title: '年度报告' },
  { pattern: /^\/inputs$/, view: inputs, nav: 'inputs', title: '年度资料' },
  { pattern: /^\/calendar$/, view: calendar, nav: 'calendar', title: '节假日安排' },
  { pattern: /^\/intake$/, view: intake, nav: 'intake', title: '代录事项' },
  { pattern: /^\/audit$/, view: audit, nav: 'audit', title: '审计日志' },
  { pattern: /^\/alerts$/, view: alerts, nav: 'alerts', title: '逾期提醒' },
];

function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/cases';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  return { path, params };
}

function renderHeader() {
  const c = claims();
  const nav = document.getElementById('console-nav');
  const who = document.getElementById('who');
  nav.hidden = !c;
  who.hidden = !c;
  if (!c) return;
  const villageStaff = c.role === 'village-staff';
  for (const link of nav.querySelectorAll('[data-nav="reports"], [data-nav="inputs"]')) link.hidden = villageStaff;
  nav.querySelector('[data-nav="audit"]').hidden = c.role !== 'town-admin';
  nav.querySelector('[data-nav="intake"]').hidden = c.role === 'auditor';
  replace(who,
    h('span', { id: 'who-role' }, ROLE_NAMES[c.role] || c.role),
    h('span', {}, c.sub ? `· ${c.sub}` : ''),
    h('span', { id: 'who-village' }),
    h('button', { type: 'button', id: 'sign-out', onclick: () => { signOut(); resetCatalog(); location.hash = '#/signin'; route(); } }, '退出'));
  catalog().then((cat) => {
    for (const el of document.querySelectorAll('[data-town-name]')) el.textContent = cat.town.name;
    if (c.village) {
      const v = cat.villages.find((x) => x.id === c.village);
      document.getElementById('who-village').textContent = `· ${v ? v.name : c.village}`;
    }
  }).catch(() => {});
}

function renderSignIn(message) {
  const form = h('form', { id: 'signin-form', novalidate: true },
    h('div', { class: 'field', 'data-field': 'authorization' },
      h('label', { for: 'token' }, '登录令牌'),
      h('textarea', { id: 'token', name: 'token', autocomplete: 'off', spellcheck: 'false', rows: 5, 'aria-describedby': 'token-hint' }),
      h('p', { class: 'hint', id: 'token-hint' }, '令牌只保存在本标签页中，关闭标签页即退出登录；系统不保存任何密码。')),
    h('button', { type: 'submit', id: 'signin-submit' }, '登录'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const value = form.elements.namedItem('token').value.trim().replace(/^Bearer\s+/i, '');
    if (!claims(value)) {
      showApiError(form, new ApiError(400, { message: '令牌格式不正确，请粘贴完整的令牌', field: 'authorization' }), '登录未成功');
      return;
    }
    try {
      await api('/api/v1/admin/cases?limit=1', { token: value });
    } catch (error) {
      if (error.status === 401) error.field = 'authorization';
      showApiError(form, error, '登录未成功');
      return;
    }
    signIn(value);
    resetCatalog();
    const target = afterSignIn;
    afterSignIn = '#/cases';
    if (location.hash === target) route();
    else location.hash = target;
  });
  replace(main,
    h('section', { class: 'card signin', 'aria-labelledby': 'signin-title' },
      h('h1', { id: 'signin-title' }, '工作人员登录'),
      message ? h('div', { class: 'alert warn', role: 'alert', id: 'signin-notice' }, message) : null,
      h('p', {}, '请粘贴登录令牌。本地运行时用命令生成：'),
      h('pre', { class: 'user-text small' }, './banshi token --town gaocheng --role town-admin'),
      form));
  document.title = '登录 · 办事工作台';
  form.elements.namedItem('token').focus();
}

/** Shows a one-off message at the top of the next view (e.g. after a redirect). */
function flash(kind, text) {
  notice = { kind, text };
}

async function route() {
  const count = ++renderCount;
  const { path, params } = parseHash();
  renderHeader();
  if (!token() || !claims()) {
    if (path !== '/signin') afterSignIn = location.hash || '#/cases';
    renderSignIn(notice?.text);
    notice = null;
    return;
  }
  if (path === '/signin' || path === '/') {
    location.hash = '#/cases';
    return;
  }
  const match = ROUTES.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  for (const link of document.querySelectorAll('#console-nav a')) {
    if (match && link.dataset.nav === match.r.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (!match) {
    replace(main, h('div', { class: 'alert error', role: 'alert' }, '页面不存在。'), h('a', { href: '#/cases' }, '返回案件列表'));
    return;
  }
  document.title = `${match.r.title} · 办事工作台`;
  const container = h('div', { class: 'view', 'data-view': match.r.nav });
  if (notice) {
    container.append(h('div', { class: `alert ${notice.kind}`, role: 'alert', id: 'flash' }, notice.text));
    notice = null;
  }
  replace(main, container);
  const ctx = { claims: claims(), isCurrent: () => count === renderCount, route, flash };
  try {
    await match.r.view.render(container, { params, match: match.m }, ctx);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    container.append(h('div', { class: 'alert error', role: 'alert' }, `加载失败：${error.message}`));
  }
  if (ctx.isCurrent()) main.dataset.rendered = String(count);
}

onUnauthorized(() => {
  flash('warn', '登录已失效，请重新登录。');
  afterSignIn = location.hash || '#/cases';
  route();
});

window.addEventListener('hashchange', route);
route();
