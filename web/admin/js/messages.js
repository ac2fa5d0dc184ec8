// 消息记录: every SMS and e-mail of the town (citizens' notifications and the staff digest), with channel, state and
// the text as sent (recipients and access codes masked); and the messages of one case on its detail page.
import { formatDateTime, h, replace } from '/assets/js/dom.js';
import { staffApi } from './session.js';

const STATE_CLASS = { pending: '', sent: ' finished', failed: ' overdue' };

function table(items, id, withCase) {
  if (!items.length) return h('p', { class: 'muted', id: `${id}-empty` }, '暂无消息。');
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', {}, h('tr', {}, [withCase ? '案件' : null, '时间', '类别', '渠道', '收件人', '状态', '内容']
      .filter(Boolean).map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, items.map((m) => h('tr', { 'data-message': m.id, 'data-state': m.state },
      withCase ? h('td', { class: 'code small' }, m.trackingNo
        ? h('a', { href: `#/case/${encodeURIComponent(m.trackingNo)}` }, m.trackingNo) : '工作人员提醒') : null,
      h('td', { class: 'nowrap' }, formatDateTime(m.createdAt)),
      h('td', { class: 'nowrap' }, m.kindName),
      h('td', { class: 'nowrap' }, m.channelName),
      h('td', { class: 'nowrap' }, m.to || '—'),
      h('td', { class: 'nowrap' },
        h('span', { class: `badge${STATE_CLASS[m.state] || ''}` }, m.stateName),
        m.state === 'pending' && m.sendAfter ? h('div', { class: 'small muted' }, `${formatDateTime(m.sendAfter)} 后发送`) : null,
        m.error ? h('div', { class: 'small', 'data-error': '' }, m.error) : null),
      h('td', { class: 'title-cell' },
        m.subject ? h('div', {}, h('strong', {}, m.subject)) : null,
        h('div', { class: 'user-text small' }, m.text)))))));
}

/** The case detail's section: filled in once the case is shown. */
export function caseMessages(trackingNo) {
  const section = h('section', { class: 'card', id: 'case-messages', 'aria-labelledby': 'case-messages-title' },
    h('h2', { id: 'case-messages-title' }, '通知消息'),
    h('p', { class: 'muted' }, '正在加载…'));
  staffApi(`/api/v1/admin/cases/${encodeURIComponent(trackingNo)}/messages`)
    .then(({ data }) => {
      const failed = data.items.filter((m) => m.state === 'failed');
      replace(section, h('h2', { id: 'case-messages-title' }, '通知消息'),
        failed.length ? h('div', { class: 'alert warn small', id: 'case-messages-failed' },
          `有 ${failed.length} 条通知发送失败，请电话联系群众。`) : null,
        table(data.items, 'case-messages-table', false));
    })
    .catch((error) => replace(section, h('h2', { id: 'case-messages-title' }, '通知消息'),
      h('p', { class: 'muted' }, `加载失败：${error.message}`)));
  return section;
}

export async function render(container, { params }, ctx) {
  const cursor = params.get('cursor');
  replace(container, h('p', { class: 'muted' }, '正在加载…'));
  try {
    const { data } = await staffApi(`/api/v1/admin/messages?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!ctx.isCurrent()) return;
    replace(container,
      h('section', { class: 'card', 'aria-labelledby': 'messages-title' },
        h('h1', { id: 'messages-title' }, '消息记录'),
        h('p', { class: 'hint' }, '发给群众的办理进展通知和发给工作人员的每日提醒。短信 21:00 至次日 08:00 不发送，顺延到 08:00；收件人和查询码已隐去。'),
        table(data.items, 'messages-table', true),
        data.nextCursor ? h('p', {}, h('a', { href: `#/messages?cursor=${encodeURIComponent(data.nextCursor)}`, id: 'messages-next' }, '更早的消息 →')) : null));
  } catch (error) {
    if (!ctx.isCurrent()) return;
    replace(container, h('div', { class: 'alert error', role: 'alert', id: 'messages-error' },
      error.status === 403 ? '只有镇管理员和审计人员可以查看消息记录。' : `加载失败：${error.message}`));
  }
}
