// The sign-in screen. Local (./banshi up): username and password, then a new password if the current one is
// temporary, then the authenticator's six-digit code (town admins enrol at their first sign-in). AWS: one button to
// the Cognito managed login (authorization code with PKCE), which asks for the password and the TOTP code itself.
import { api } from '/assets/js/api.js';
import { h, replace } from '/assets/js/dom.js';
import { clearErrors, showApiError } from '/assets/js/forms.js';
import { authConfig, signIn, startCognitoSignIn } from './session.js';

function field(id, label, attrs, hint) {
  return h('div', { class: 'field', 'data-field': attrs.name },
    h('label', { for: id }, label),
    h('input', { id, ...attrs, ...(hint ? { 'aria-describedby': `${id}-hint` } : {}) }),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

/**
 * Renders the sign-in into {@code main}; {@code done()} is called once signed in.
 * {@code message} is a notice to show first (a session that ended).
 */
export async function render(main, message, done) {
  const config = await authConfig();
  const card = h('section', { class: 'card signin', 'aria-labelledby': 'signin-title' });
  replace(main, card);
  const header = [
    h('h1', { id: 'signin-title' }, '工作人员登录'),
    message ? h('div', { class: 'alert warn', role: 'alert', id: 'signin-notice' }, message) : null,
  ];
  document.title = '登录 · 办事工作台';
  if (config.mode === 'cognito') {
    const button = h('button', { type: 'button', id: 'cognito-signin' }, '登录');
    button.addEventListener('click', () => startCognitoSignIn(config));
    replace(card, ...header,
      h('p', {}, '使用本系统的统一身份认证登录（用户名、密码和动态验证码）。'),
      button);
    button.focus();
    return;
  }
  passwordStep(card, header, done);
}

function passwordStep(card, header, done) {
  const form = h('form', { id: 'signin-form', novalidate: true },
    field('username', '用户名', { name: 'username', type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true }),
    field('password', '密码', { name: 'password', type: 'password', autocomplete: 'current-password', required: true }),
    h('p', { class: 'hint' }, '连续输错 5 次账号将锁定 15 分钟；30 分钟未操作或登录满 8 小时需重新登录。'),
    h('button', { type: 'submit', id: 'signin-submit' }, '登录'));
  replace(card, ...header, form);
  submit(form, '/api/v1/auth/sign-in', () => ({
    username: form.elements.namedItem('username').value.trim(),
    password: form.elements.namedItem('password').value,
  }), card, done);
  form.elements.namedItem('username').focus();
}

function changePasswordStep(card, challenge, done) {
  const form = h('form', { id: 'password-form', novalidate: true },
    h('p', {}, '这是临时密码，请设置您自己的新密码。'),
    field('new-password', '新密码', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true },
      '至少 10 个字符，包含大写字母、小写字母、数字、其他符号中的至少三类，且不含用户名。'),
    field('new-password-again', '再次输入新密码', { name: 'again', type: 'password', autocomplete: 'new-password', required: true }),
    h('button', { type: 'submit', id: 'password-submit' }, '设置新密码'));
  replace(card, h('h1', { id: 'signin-title' }, '设置新密码'), form);
  submit(form, '/api/v1/auth/password', () => {
    const value = form.elements.namedItem('newPassword').value;
    if (value !== form.elements.namedItem('again').value) return { mismatch: true };
    return { challenge, newPassword: value };
  }, card, done);
  form.elements.namedItem('newPassword').focus();
}

function codeStep(card, body, done) {
  const enrol = body.step === 'enrol-totp';
  const form = h('form', { id: 'totp-form', novalidate: true },
    enrol ? h('div', { class: 'alert info', id: 'totp-enrol' },
      h('p', {}, '镇管理员须使用动态验证码。请在手机的身份验证器应用（如 FreeOTP、Microsoft Authenticator）中添加账号，手动输入以下密钥：'),
      h('p', { class: 'user-text', id: 'totp-secret' }, body.secret),
      h('p', { class: 'hint' }, '或使用链接：'),
      h('p', { class: 'user-text small', id: 'totp-uri' }, body.otpauthUri)) : null,
    field('totp-code', '动态验证码（6 位数字）', { name: 'code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8', required: true }),
    h('button', { type: 'submit', id: 'totp-submit' }, enrol ? '绑定并登录' : '登录'));
  replace(card, h('h1', { id: 'signin-title' }, enrol ? '绑定动态验证码' : '输入动态验证码'), form);
  submit(form, '/api/v1/auth/code', () => ({ challenge: body.challenge, code: form.elements.namedItem('code').value.trim() }), card, done);
  form.elements.namedItem('code').focus();
}

function submit(form, path, bodyOf, card, done) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const body = bodyOf();
    if (body.mismatch) {
      showApiError(form, { field: 'again', message: '两次输入的新密码不一致' }, '未能设置');
      return;
    }
    let answer;
    try {
      answer = (await api(path, { method: 'POST', body })).data;
    } catch (error) {
      if (error.code === 'SIGN_IN_EXPIRED') {
        passwordStep(card, [h('h1', { id: 'signin-title' }, '工作人员登录'),
          h('div', { class: 'alert warn', role: 'alert', id: 'signin-notice' }, error.message)], done);
        return;
      }
      if (path.endsWith('/code') && error.field === 'password') error.field = 'code';
      showApiError(form, error, '登录未成功');
      return;
    }
    if (answer.step === 'change-password') changePasswordStep(card, answer.challenge, done);
    else if (answer.step === 'code' || answer.step === 'enrol-totp') codeStep(card, answer, done);
    else {
      signIn(answer.token, answer.idleTimeoutSeconds);
      done();
    }
  });
}
