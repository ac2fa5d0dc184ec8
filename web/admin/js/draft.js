// 报告稿: one report's draft (GET /admin/report-drafts/{year}/{job}), edited paragraph by paragraph, approved and
// published by a town admin. Every change names the version it was made on; a stale one reloads the draft.
import { h, replace } from '/assets/js/dom.js';
import { staffApi } from './session.js';

const KIND_LABELS = { heading: '标题', para: '段落', table: '表格', chart: '图表', signature: '落款' };
const ROLE_EDIT = 'town-admin';

function time(iso) {
  return iso ? iso.replace('T', ' ').slice(0, 16) : '';
}

export async function render(container, { params }, ctx) {
  const year = Number(params.get('year'));
  const job = params.get('job') || '';
  const status = h('p', { class: 'small muted', role: 'status', id: 'draft-status' });
  const body = h('div', { id: 'draft' }, h('p', { class: 'muted' }, '正在加载…'));
  replace(container, [...container.querySelectorAll('#flash')],
    h('p', {}, h('a', { href: `#/reports?year=${year}` }, '← 返回年度报告')), status, body);
  const canEdit = ctx.claims.role === ROLE_EDIT;
  const base = `/api/v1/admin/report-drafts/${year}/${encodeURIComponent(job)}`;

  async function load(message) {
    let draft;
    try {
      draft = (await staffApi(base)).data;
    } catch (error) {
      if (!ctx.isCurrent()) return;
      replace(body, h('div', { class: 'alert warn', role: 'alert', id: 'draft-unavailable' },
        error.status === 404 ? '该报告尚未生成报告稿，请先生成报告。' : `加载失败：${error.message}`));
      return;
    }
    if (!ctx.isCurrent()) return;
    show(draft);
    if (message) status.textContent = message;
  }

  /** Sends one change; a stale version reloads the draft with a notice, other refusals are shown. */
  async function send(path, payload, done) {
    status.textContent = '正在保存…';
    try {
      const { data } = await staffApi(base + path, { method: 'POST', body: payload });
      if (path === '/publications') {
        await load(`已发布第 ${data.version} 版（落款日期 ${data.signingDate}）。`);
      } else {
        show(data);
        status.textContent = done;
      }
    } catch (error) {
      if (error.code === 'DRAFT_CHANGED') {
        await load('该报告稿已被他人修改，已刷新为最新内容，请核对后重试。');
      } else {
        status.textContent = `未成功：${error.message}`;
        const field = document.querySelector(`#draft [data-field="${error.field}"] .field-error`);
        if (field) field.textContent = error.message;
      }
    }
  }

  function editor(block, version) {
    const area = h('textarea', { rows: 4, 'aria-label': '段落文字', 'data-editor': block.id });
    area.value = block.text;
    const form = h('form', { class: 'draft-editor' }, area,
      h('div', { class: 'actions-row' },
        h('button', { type: 'submit', 'data-save': block.id }, '保存'),
        h('button', { type: 'button', class: 'secondary', onclick: () => form.replaceWith(h('span')) }, '取消')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send('/changes', { version, action: 'edit', id: block.id, text: area.value }, '已保存修改。');
    });
    return form;
  }

  function adder(after, version) {
    const area = h('textarea', { rows: 3, 'aria-label': '新段落文字', 'data-new-after': after });
    const form = h('form', { class: 'draft-editor' }, area,
      h('div', { class: 'actions-row' },
        h('button', { type: 'submit' }, '插入'),
        h('button', { type: 'button', class: 'secondary', onclick: () => form.replaceWith(h('span')) }, '取消')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      send('/changes', { version, action: 'add', after, text: area.value }, '已插入段落。');
    });
    return form;
  }

  function blockView(block, index, blocks, version) {
    const slot = h('div', { class: 'draft-slot' });
    const tools = [];
    if (canEdit) {
      if (block.editable) {
        tools.push(h('button', { type: 'button', class: 'secondary small', 'data-edit': block.id,
          onclick: () => replace(slot, editor(block, version)) }, block.changed ? '核对并保存' : '修改'));
      }
      if (block.edited && !block.added && !block.orphan) {
        tools.push(h('button', { type: 'button', class: 'secondary small', 'data-restore': block.id,
          onclick: () => send('/changes', { version, action: 'restore', id: block.id }, '已恢复为生成的文字。') }, '恢复原文'));
      }
      if (block.kind !== 'signature') {
        if (index > 0) {
          const after = index > 1 ? blocks[index - 2].id : undefined;
          tools.push(h('button', { type: 'button', class: 'secondary small', 'data-up': block.id,
            onclick: () => send('/changes', { version, action: 'move', id: block.id, ...(after ? { after } : {}) }, '已上移。') }, '上移'));
        }
        if (index < blocks.length - 1) {
          tools.push(h('button', { type: 'button', class: 'secondary small', 'data-down': block.id,
            onclick: () => send('/changes', { version, action: 'move', id: block.id, after: blocks[index + 1].id }, '已下移。') }, '下移'));
        }
        tools.push(h('button', { type: 'button', class: 'secondary small', 'data-remove': block.id,
          onclick: () => { if (confirm('删除这一段？')) send('/changes', { version, action: 'remove', id: block.id }, '已删除。'); } }, '删除'));
      }
      tools.push(h('button', { type: 'button', class: 'secondary small', 'data-add-after': block.id,
        onclick: () => replace(slot, adder(block.id, version)) }, '在此后插入段落'));
    }
    const text = block.kind === 'heading' ? h('h3', { class: 'draft-heading' }, block.text)
      : block.kind === 'para' ? h('p', { class: 'draft-text' }, block.text)
        : h('p', { class: 'draft-text muted' }, `［${KIND_LABELS[block.kind]}］${block.text}`);
    return h('article', { class: `draft-block${block.changed || block.orphan ? ' flagged' : ''}`, 'data-block': block.id },
      h('p', { class: 'small muted' }, `${KIND_LABELS[block.kind] || block.kind} · ${block.id}`,
        block.edited ? ` · ${block.added ? '新增' : '已修改'}（${block.editedBy}，${time(block.editedAt)}）` : ''),
      text,
      block.changed ? h('div', { class: 'alert warn', 'data-flag': block.id },
        h('p', {}, '数据已变化：重新生成后，这一段的原文已不同，请核对修改稿。'),
        h('p', { class: 'small' }, `现在生成的原文：${block.generated}`),
        block.generatedBefore ? h('p', { class: 'small' }, `修改时的原文：${block.generatedBefore}`) : null) : null,
      block.orphan ? h('div', { class: 'alert warn', 'data-flag': block.id },
        '重新生成的报告中已没有这一段；保存即保留为新增段落，或删除。') : null,
      tools.length ? h('div', { class: 'actions-row' }, tools) : null,
      slot);
  }

  function approvalPanel(draft) {
    if (!canEdit) return null;
    const children = [h('h2', {}, '审核与发布')];
    if (draft.flagged > 0) {
      children.push(h('p', { class: 'alert warn', id: 'draft-flagged' }, `有 ${draft.flagged} 个段落的数据已变化，核对后才能审核。`));
    }
    if (!draft.approved) {
      children.push(h('button', { type: 'button', id: 'draft-approve', disabled: draft.flagged > 0,
        onclick: () => send('/approval', { version: draft.version }, '已审核通过，可以发布。') }, '审核通过'));
    } else {
      const date = h('input', { type: 'date', id: 'signing-date', name: 'signingDate' });
      const correction = h('textarea', { id: 'correction', name: 'correction', rows: 2 });
      const form = h('form', { id: 'publish-form', novalidate: true },
        h('p', {}, `已由 ${draft.approval?.by} 于 ${time(draft.approval?.at)} 审核通过。`),
        h('div', { class: 'field', 'data-field': 'signingDate' },
          h('label', { for: 'signing-date' }, '落款日期'), date,
          h('p', { class: 'hint' }, `不填写则为发布当日（须在 ${draft.signingWindow.opening} 至 ${draft.signingWindow.deadline} 之间）；期限外发布须填写。`),
          h('p', { class: 'field-error', role: 'alert' })),
        draft.published > 0 ? h('div', { class: 'field', 'data-field': 'correction' },
          h('label', { for: 'correction' }, `更正说明（第 ${draft.published + 1} 版，已发布的版本保留）`), correction,
          h('p', { class: 'field-error', role: 'alert' })) : null,
        h('button', { type: 'submit', id: 'draft-publish' }, draft.published > 0 ? `发布第 ${draft.published + 1} 版` : '发布'));
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const payload = { version: draft.version };
        if (date.value) payload.signingDate = date.value;
        if (draft.published > 0) payload.correction = correction.value;
        send('/publications', payload, '');
      });
      children.push(form);
    }
    return h('section', { class: 'card', id: 'draft-approval' }, children);
  }

  function publications(draft) {
    if (!draft.publications.length) return h('p', { class: 'muted', id: 'no-publications' }, '尚未发布。');
    return h('ul', { id: 'publications' }, draft.publications.map((p) => {
      const html = p.files.find((f) => f.format === 'html');
      return h('li', { 'data-version': p.version },
        `第 ${p.version} 版 · 落款 ${p.signingDate} · 发布于 ${time(p.publishedAt)}`, p.correction ? ` · 更正：${p.correction}` : '', ' ',
        html ? h('a', { href: html.href, target: '_blank', rel: 'noopener' }, '公开页面') : null);
    }));
  }

  function regenerate() {
    return h('button', { type: 'button', class: 'secondary', id: 'draft-regenerate', onclick: async () => {
      status.textContent = '正在重新生成…';
      try {
        await staffApi(`/api/v1/admin/reports/${encodeURIComponent(job)}?year=${year}`, { method: 'POST' });
        for (;;) {
          await new Promise((resolve) => { setTimeout(resolve, 1000); });
          if (!ctx.isCurrent()) return;
          const list = (await staffApi(`/api/v1/admin/reports?year=${year}`)).data;
          const run = (list.reports || []).find((r) => r.job === job)?.run;
          if (run && run.status === 'completed') { await load('已按最新数据重新生成，修改稿保留。'); return; }
          if (run && run.status === 'failed') { status.textContent = `生成失败：${run.message || ''}`; return; }
        }
      } catch (error) {
        status.textContent = `未能生成：${error.message}`;
      }
    } }, '按最新数据重新生成');
  }

  function show(draft) {
    document.title = `${draft.name} · 报告稿 · 办事工作台`;
    replace(body,
      h('div', { class: 'toolbar' }, h('h1', { id: 'draft-title' }, `${draft.name}（报告稿）`), canEdit ? regenerate() : null),
      h('p', { class: 'lead', id: 'draft-summary', 'data-version': draft.version },
        `第 ${draft.version} 次修改 · 数据生成于 ${draft.drafted} · `,
        draft.approved ? '已审核' : '未审核', ` · 已发布 ${draft.published} 版`),
      h('h2', {}, draft.title),
      h('div', { id: 'draft-blocks' }, draft.blocks.map((b, i) => blockView(b, i, draft.blocks, draft.version))),
      approvalPanel(draft),
      h('section', { class: 'card' }, h('h2', {}, '已发布版本'), publications(draft)));
  }

  await load();
}
