// The staff console: the sign-in (signin.js), then a small hash router over the views.
import { h, replace } from '/assets/js/dom.js';
import { ROLE_NAMES } from '/assets/js/names.js';
import {
  authConfig, catalog, claims, finishCognitoSignIn, idleExpired, onUnauthorized, resetCatalog, signOutEverywhere, token, touch,
} from './session.js';
import * as signin from './signin.js';
import * as staff from './staff.js';
import * as cases from './cases.js';
import * as caseDetail from './case.js';
import * as dashboard from './dashboard.js';
import * as reports from './reports.js';
import * as draft from './draft.js';
import * as inputs from './inputs.js';
import * as calendar from './calendar.js';
import * as messages from './messages.js';
import * as intake from './intake.js';
import * as audit from './audit.js';
import * as alerts from './alerts.js';
import * as personalData from './personal-data.js';

const main = document.getElementById('main');
let renderCount = 0;
let afterSignIn = '#/cases';
let notice = null;

const ROUTES = [
  { pattern: /^\/cases$/, view: cases, nav: 'cases', title: '案件' },
  { pattern: /^\/case\/([^/]+)$/, view: caseDetail, nav: 'cases', title: '案件详情' },
  { pattern: /^\/dashboard$/, view: dashboard, nav: 'dashboard', title: '统计' },
  { pattern: /^\/reports$/, view: reports, nav: 'reports', title: '年度报告' },
  { pattern: /^\/draft$/, view: draft, nav: 'reports', title: '报告稿' },
  { pattern: /^\/inputs$/, view: inputs, nav: 'inputs', title: '年度资料' },
  { pattern: /^\/calendar$/, view: calendar, nav: 'calendar', title: '节假日安排' },
  { pattern: /^\/messages$/, view: messages, nav: 'messages', title: '消息记录' },
  { pattern: /^\/staff$/, view: staff, nav: 'staff', title: '工作人员账号' },
  { pattern: /^\/intake$/, view: intake, nav: 'intake', title: '代录事项' },
  { pattern: /^\/audit$/, view: audit, nav: 'audit', title: '审计日志' },
  { pattern: /^\/alerts$/, view: alerts, nav: 'alerts', title: '逾期提醒' },
  { pattern: /^\/personal-data$/, view: personalData, nav: 'personal-data', title: '个人信息请求' },
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
  for (const link of nav.querySelectorAll('[data-nav="reports"], [data-nav="inputs"], [data-nav="messages"]')) link.hidden = villageStaff;
  for (const link of nav.querySelectorAll('[data-nav="staff"]')) link.hidden = c.role !== 'town-admin';
  nav.querySelector('[data-nav="audit"]').hidden = c.role !== 'town-admin';
  nav.querySelector('[data-nav="personal-data"]').hidden = c.role === 'village-staff';
  nav.querySelector('[data-nav="intake"]').hidden = c.role === 'auditor';
  replace(who,
    h('span', { id: 'who-role' }, ROLE_NAMES[c.role] || c.role),
    h('span', { id: 'who-name' }, c.name || c.sub ? `· ${c.name || c.sub}` : ''),
    h('span', { id: 'who-village' }),
    h('button', { type: 'button', id: 'sign-out', onclick: async () => { await signOutEverywhere(); resetCatalog(); location.hash = '#/signin'; route(); } }, '退出'));
  catalog().then((cat) => {
    for (const el of document.querySelectorAll('[data-town-name]')) el.textContent = cat.town.name;
    if (c.village) {
      const v = cat.villages.find((x) => x.id === c.village);
      document.getElementById('who-village').textContent = `· ${v ? v.name : c.village}`;
    }
  }).catch(() => {});
}

function renderSignIn(message) {
  signin.render(main, message, () => {
    resetCatalog();
    const target = afterSignIn;
    afterSignIn = '#/cases';
    if (location.hash === target) route();
    else location.hash = target;
  });
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

/** 30 minutes without using the console: signed out (the server ends the session too). */
function checkIdle() {
  if (!idleExpired()) return;
  signOutEverywhere().finally(() => {
    flash('warn', '因长时间未操作，已自动退出，请重新登录。');
    resetCatalog();
    route();
  });
}
for (const type of ['click', 'keydown']) document.addEventListener(type, () => { if (token()) { checkIdle(); touch(); } }, true);
setInterval(checkIdle, 30_000);

window.addEventListener('hashchange', route);
authConfig()
  .then((config) => (config.mode === 'cognito' ? finishCognitoSignIn(config) : false))
  .catch((error) => flash('warn', error.message))
  .finally(route);
