// 查询进度: tracking number + access code → status, due date and the public timeline; after resolution,
// the citizen rates the handling once. The access code stays in memory (never in the URL or storage).
import { api } from './api.js';
import { currentTown, formatDate, formatDateTime, h, replace } from './dom.js';
import { busy, clearErrors, showApiError } from './forms.js';
import { FINISHED } from './names.js';
import { personalDataSection } from './personal-data.js';

const SCORES = [[5, '非常满意'], [4, '满意'], [3, '基本满意'], [2, '不满意'], [1, '非常不满意']];

const form = document.getElementById('track-form');
const result = document.getElementById('result');
const button = document.getElementById('track-submit');
let current = null; // {trackingNo, accessCode}

async function lookup(trackingNo, accessCode) {
  const { data } = await api(`/api/v1/track/${encodeURIComponent(trackingNo)}`, { headers: { 'X-Access-Code': accessCode } });
  return data;
}

async function onSubmit(event) {
  event.preventDefault();
  if (button.disabled) return;
  clearErrors(form);
  const trackingNo = form.elements.namedItem('trackingNo').value.trim();
  const accessCode = form.elements.namedItem('accessCode').value.trim();
  result.hidden = true;
  busy(button, true, '正在查询…');
  try {
    const data = await lookup(trackingNo || '-', accessCode);
    current = { trackingNo: data.trackingNo, accessCode };
    render(data);
  } catch (error) {
    current = null;
    if (!trackingNo && error.field === 'trackingNo') error.message = '请输入查询编号';
    showApiError(form, error, '查询未成功');
  } finally {
    busy(button, false);
  }
}

/** Files staff published on the case (a reply letter, a decision): each opened through a short-lived link. */
function publicFiles(data) {
  const files = data.attachments || [];
  if (!files.length) return null;
  const open = async (file) => {
    const { data: link } = await api(`/api/v1/track/${encodeURIComponent(current.trackingNo)}/attachments/${file.uploadId}`,
      { headers: { 'X-Access-Code': current.accessCode } });
    window.open(link.url, '_blank', 'noopener');
  };
  return [h('h3', {}, '办理文书'),
    h('ul', { class: 'public-files', id: 'public-files' }, files.map((file, i) => h('li', {},
      h('button', { type: 'button', class: 'secondary small', dataset: { uploadId: file.uploadId }, onclick: () => open(file) },
        `${file.image ? '查看图片' : '下载 PDF'} ${i + 1}（${formatDateTime(file.addedAt)}）`))))];
}

function render(data) {
  const finished = FINISHED.has(data.status);
  const timeline = (data.timeline || []).slice().reverse();
  replace(result,
    h('div', { class: 'card', id: 'case-status' },
      h('h2', {}, data.typeName || '办理进度'),
      h('dl', { class: 'facts' },
        h('dt', {}, '查询编号'), h('dd', { class: 'code small' }, data.trackingNo),
        h('dt', {}, '当前状态'), h('dd', {}, h('span', { class: `badge${finished ? ' finished' : ''}`, id: 'status-name' }, data.statusName)),
        h('dt', {}, '收到时间'), h('dd', {}, formatDateTime(data.receivedAt)),
        h('dt', {}, finished ? '答复期限' : '办理期限'), h('dd', { id: 'due-date' }, data.dueDate ? `${formatDate(data.dueDate)}前${data.dueDateNote || ''}` : '暂停计时'),
        // merged as a duplicate: the original's tracking number (its access code is its own filer's)
        data.mergedInto ? [h('dt', {}, '合并办理'), h('dd', { id: 'merged-into' }, `已合并至 ${data.mergedInto}`)] : null),
      h('h3', {}, '办理记录'),
      timeline.length
        ? h('ol', { class: 'timeline', id: 'timeline' }, timeline.map((step) => h('li', {},
          h('time', { datetime: step.at }, formatDateTime(step.at)),
          h('span', { class: 'step-status' }, step.statusName),
          step.note ? h('p', { class: 'step-note' }, step.note) : null)))
        : h('p', { class: 'muted' }, '暂无记录'),
      publicFiles(data)),
    ratingSection(data),
    personalDataSection(current));
  result.hidden = false;
  result.querySelector('h2').setAttribute('tabindex', '-1');
  result.querySelector('h2').focus();
}

function ratingSection(data) {
  if (data.rating != null) {
    return h('div', { class: 'card', id: 'rating-done' },
      h('h2', {}, '您的评价'),
      h('p', {}, `满意度：${data.rating} 分。感谢您的评价！`));
  }
  // The API says whether this case can be rated now (once, after resolution; not when rejected or withdrawn).
  if (!data.canRate) return null;
  const ratingForm = h('form', { class: 'card', id: 'rating-form', novalidate: true },
    h('h2', {}, '请对办理结果评价'),
    h('fieldset', { 'data-field': 'score' },
      h('legend', {}, '满意度', h('span', { class: 'req' }, '必填')),
      h('div', { class: 'stars' }, SCORES.map(([score, label]) => h('label', { class: 'choice' },
        h('input', { type: 'radio', name: 'score', value: score, id: `score-${score}` }),
        h('span', {}, `${score} 分 · ${label}`))))),
    h('div', { class: 'field', 'data-field': 'comment' },
      h('label', { for: 'rating-comment' }, '意见和建议', h('span', { class: 'opt' }, '选填')),
      h('textarea', { id: 'rating-comment', name: 'comment', maxlength: 500, rows: 3 })),
    h('div', { class: 'submit-row' }, h('button', { type: 'submit', id: 'rating-submit' }, '提交评价')));
  ratingForm.addEventListener('submit', (event) => onRate(event, ratingForm));
  return ratingForm;
}

async function onRate(event, ratingForm) {
  event.preventDefault();
  const submit = ratingForm.querySelector('button[type="submit"]');
  if (submit.disabled || !current) return;
  clearErrors(ratingForm);
  const checked = ratingForm.querySelector('input[name="score"]:checked');
  const comment = ratingForm.elements.namedItem('comment').value.trim();
  const body = { score: checked ? Number(checked.value) : undefined };
  if (comment) body.comment = comment;
  busy(submit, true, '正在提交…');
  try {
    await api(`/api/v1/track/${encodeURIComponent(current.trackingNo)}/rating`, {
      method: 'POST', body, headers: { 'X-Access-Code': current.accessCode },
    });
    const done = h('div', { class: 'card alert ok', id: 'rating-done', role: 'status', tabindex: '-1' },
      h('p', {}, `已收到您的评价（${body.score} 分）。感谢您的评价，您的意见将帮助我们改进工作。`));
    ratingForm.replaceWith(done);
    done.focus();
  } catch (error) {
    busy(submit, false);
    showApiError(ratingForm, error, '评价未成功');
  }
}

async function init() {
  form.addEventListener('submit', onSubmit);
  const no = new URLSearchParams(location.hash.slice(1)).get('no');
  if (no) {
    form.elements.namedItem('trackingNo').value = no;
    form.elements.namedItem('accessCode').focus();
  }
  form.dataset.ready = 'true';
  try {
    const { data } = await api(`/api/v1/towns/${encodeURIComponent(currentTown())}/catalog`);
    for (const el of document.querySelectorAll('[data-town-name]')) el.textContent = data.town.name;
  } catch {
    // the page works without the town's name
  }
}

init();
