// Similar open cases while a citizen fills the form (issue 19; docs/duplicates.md): once a hotline type, a
// category, a village and at least 10 characters of description are known, the page asks the API (debounced) for
// at most 5 similar open cases of the town and shows their public parts. The citizen may follow one (a phone or an
// e-mail address; they then get its progress messages and its tracking number) or file anyway.
import { api } from './api.js';
import { h, replace } from './dom.js';

const HOTLINE = new Set(['complaint', 'help', 'enquiry', 'suggestion']);
const MIN_TEXT = 10;
const DELAY_MS = 600;

/**
 * panel: the (hidden) section to fill; draft(): {type, category, village, title, description} as typed so far;
 * openedAt: when the form opened (the follow request carries the bot check's fill time).
 */
export function watchSimilar(form, panel, town, draft, openedAt) {
  let timer = null;
  let asked = '';
  let dismissed = false;
  let generation = 0;

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(ask, DELAY_MS);
  };

  async function ask() {
    const d = draft();
    const description = (d.description || '').trim();
    if (!HOTLINE.has(d.type) || !d.category || !d.village || [...description].length < MIN_TEXT) {
      hide();
      return;
    }
    // the API takes at most 2,000 characters: the start of a long description is enough to compare
    const text = [...`${(d.title || '').trim()} ${description}`.trim()].slice(0, 2000).join('');
    const key = JSON.stringify([d.category, d.village, text]);
    if (key === asked) return;
    asked = key;
    const mine = ++generation;
    try {
      const { data } = await api(`/api/v1/towns/${encodeURIComponent(town)}/similar-cases`,
        { method: 'POST', body: { category: d.category, village: d.village, text } });
      if (mine !== generation) return; // an answer to older text
      if (!data.items.length || dismissed) hide();
      else show(data.items);
    } catch {
      // suggestions are a help, never an obstacle: on any error (limit, network) the form goes on as before
      if (mine === generation) hide();
    }
  }

  function hide() {
    panel.hidden = true;
    replace(panel);
  }

  function show(items) {
    replace(panel,
      h('h2', { id: 'similar-title' }, '这些事项可能和您要反映的相同'),
      h('p', { class: 'hint' }, '以下是本村近 90 天内同类、仍在办理中的事项。如果是同一件事，您可以关注它，办理进展会通知您，不必重复提交。'),
      h('ul', { class: 'similar-list' }, items.map(item)),
      h('div', { class: 'submit-row' },
        h('button', { type: 'button', class: 'secondary', id: 'file-anyway', onclick: fileAnyway }, '不是同一件事，继续提交')));
    panel.hidden = false;
  }

  function fileAnyway() {
    dismissed = true;
    hide();
    form.querySelector('#submit')?.focus();
  }

  function item(s) {
    const slot = h('div', { class: 'follow-slot' });
    return h('li', { class: 'similar-item', 'data-tracking-no': s.trackingNo },
      h('details', {},
        h('summary', {}, h('strong', {}, s.title), ` · ${s.statusName} · ${s.receivedOn} · ${s.villageName}`),
        h('p', {}, '查询编号：', h('span', { class: 'mono' }, s.trackingNo)),
        h('p', {}, `状态：${s.statusName}；收到日期：${s.receivedOn}；村（社区）：${s.villageName}`)),
      h('button', { type: 'button', class: 'secondary follow-open', onclick: () => followForm(s, slot) }, '关注此事项'),
      slot);
  }

  function followForm(s, slot) {
    const id = (part) => `follow-${s.trackingNo}-${part}`;
    const status = h('p', { class: 'hint', 'aria-live': 'polite' });
    const phone = h('input', { type: 'tel', id: id('phone'), maxlength: 20, inputmode: 'tel', autocomplete: 'tel' });
    const email = h('input', { type: 'email', id: id('email'), maxlength: 254, autocomplete: 'email' });
    const send = async () => {
      status.textContent = '正在提交…';
      const body = { fillMs: Math.round(performance.now() - openedAt()) };
      if (phone.value.trim()) body.phone = phone.value.trim();
      if (email.value.trim()) body.email = email.value.trim();
      try {
        const { data } = await api(
          `/api/v1/towns/${encodeURIComponent(town)}/cases/${encodeURIComponent(s.trackingNo)}/followers`,
          { method: 'POST', body });
        replace(slot, h('div', { class: 'alert ok', role: 'status', id: 'follow-done' },
          h('p', {}, `您已关注“${data.title}”，查询编号 `, h('strong', { class: 'mono' }, data.trackingNo), '。'),
          h('p', {}, '此后的办理进展将通知您，您不必再提交同一件事。')));
      } catch (error) {
        status.textContent = error.message;
      }
    };
    // Enter in these fields follows; it must not submit the case form around them
    for (const input of [phone, email]) {
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          send();
        }
      });
    }
    replace(slot,
      h('div', { class: 'follow-form' },
        h('p', { class: 'hint' }, '留下手机号码或电子邮箱（至少一项），用于接收该事项的办理进展；只有办理人员能看到。'),
        h('div', { class: 'row two' },
          h('div', { class: 'field' }, h('label', { for: id('phone') }, '手机号码'), phone),
          h('div', { class: 'field' }, h('label', { for: id('email') }, '电子邮箱'), email)),
        h('button', { type: 'button', class: 'follow-send', onclick: send }, '确认关注'),
        status));
    phone.focus();
  }

  form.addEventListener('input', (e) => {
    if (e.target.id === 'description' || e.target.id === 'title') schedule();
  });
  form.addEventListener('change', (e) => {
    if (['type', 'category', 'village'].includes(e.target.name)) {
      dismissed = false;
      schedule();
    }
  });
  return { reset: () => { dismissed = false; asked = ''; hide(); } };
}
