// The receipt after a successful submission: tracking number and access code, shown once, clearly.
import { formatDate, formatDateTime, h, replace } from './dom.js';
import { typeName } from './names.js';

/**
 * Fills the receipt section. summary: [[label, text, id]] of what the citizen submitted (their own text,
 * rendered as text). onAgain: called by "再提交一件".
 */
export function showReceipt(section, data, summary, onAgain) {
  const codes = `查询编号：${data.trackingNo}\n查询码：${data.accessCode}`;
  const copied = h('span', { class: 'small muted', 'aria-live': 'polite' });
  replace(section,
    h('h2', { id: 'receipt-title' }, '提交成功'),
    h('p', {}, `我们已收到您的${typeName(data.type)}。请记下下面的查询编号和查询码，查询办理进度时两者都要输入。`),
    h('dl', { class: 'codes' },
      h('dt', {}, '查询编号'), h('dd', { class: 'code', id: 'receipt-tracking-no' }, data.trackingNo),
      h('dt', {}, '查询码'), h('dd', { class: 'code', id: 'receipt-access-code' }, data.accessCode)),
    h('div', { class: 'alert warn', role: 'note' },
      h('p', {}, h('strong', {}, '查询码只显示这一次。'),
        '为保护您的隐私，我们不保存查询码的原文，遗失后无法找回。请现在抄写、截图或复制保存。')),
    h('div', { class: 'actions-row' },
      h('button', {
        type: 'button', class: 'secondary', id: 'copy-codes',
        onclick: async () => {
          try {
            await navigator.clipboard.writeText(codes);
            copied.textContent = '已复制';
          } catch {
            copied.textContent = '无法自动复制，请手动抄写';
          }
        },
      }, '复制编号和查询码'), copied),
    h('dl', { class: 'facts' },
      h('dt', {}, '当前状态'), h('dd', {}, data.statusName || '已提交'),
      h('dt', {}, '收到时间'), h('dd', {}, formatDateTime(data.receivedAt)),
      h('dt', {}, '答复期限'), h('dd', { id: 'receipt-due' }, data.dueDate ? `${formatDate(data.dueDate)}前${data.dueDateNote || ''}` : '待定（工作人员确认后可查询）')),
    h('h3', {}, '您提交的内容'),
    h('dl', { class: 'facts' }, summary.flatMap(([label, text, id]) => [
      h('dt', {}, label), h('dd', {}, h('div', { class: 'user-text', id }, text ?? '')),
    ])),
    h('div', { class: 'actions-row' },
      h('a', { class: 'button', href: `/track.html#no=${encodeURIComponent(data.trackingNo)}` }, '查询办理进度'),
      h('button', {
        type: 'button', class: 'secondary',
        onclick: () => {
          // The codes leave the page for good: the receipt is shown once.
          section.replaceChildren();
          section.hidden = true;
          onAgain();
        },
      }, '再提交一件')));
  section.hidden = false;
  section.focus();
  window.scrollTo(0, 0);
}
