// 年度报告: the year's generated reports (GET /admin/reports), read in the page or downloaded (.docx, .html).
// Downloads go through the API with the bearer token, so the files are fetched here and saved as blobs.
import { h, replace, todayInChina } from '/assets/js/dom.js';
import { saveBlob, staffApi, staffFile } from './session.js';
import { yearPicker } from './dashboard.js';

const FORMAT_LABELS = { docx: 'Word 文档（.docx）', html: '网页（.html）', md: 'Markdown（.md）', json: '数据（.json）' };
const FORMAT_ORDER = ['docx', 'html', 'md', 'json'];
const SAFE_STYLES = new Set(['padding-left', 'text-align', 'text-indent', 'font-weight']);
const DROP = 'script, iframe, frame, object, embed, link, meta, base, title, form, input, button, textarea, select, template';

/** True when the server has no such route (the reports service is not deployed here). */
export function unavailable(error) {
  return error.status === 404 && error.code === 'ROUTE_NOT_FOUND';
}

function size(bytes) {
  if (bytes == null) return '';
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

/**
 * Shows a report's HTML inside the console: parsed without running anything, stripped of scripts, handlers
 * and links out, its own styles applied in a shadow root so they neither leak out nor need inline styles.
 */
async function showInPage(viewer, file, title) {
  replace(viewer, h('p', { class: 'muted' }, '正在打开…'));
  viewer.hidden = false;
  const { blob } = await staffFile(file.href);
  // Parsed into an inert <template>: nothing in it loads, runs or styles the page. Then only text, tables,
  // headings, inline SVG and data: images are kept; the report's own stylesheet is applied in a shadow root.
  // Handler and style attributes are renamed first only so that the page's CSP has nothing to refuse (and log).
  const text = (await blob.text()).replace(/<[a-zA-Z][^>]*>/g, (tag) => tag
    .replace(/\son([a-z]+)\s*=/gi, ' data-blocked-$1=').replace(/\sstyle\s*=/gi, ' data-inline-style='));
  const template = document.createElement('template');
  template.innerHTML = text;
  const content = template.content;
  const sheets = [];
  for (const style of content.querySelectorAll('style')) {
    const sheet = new CSSStyleSheet();
    try {
      // The report styles its <body>; inside the viewer that is the wrapper element.
      sheet.replaceSync(style.textContent.replace(/(^|[},\s])(?:html|body)(?=\s*[{,.:#[>+~\s])/g, '$1.report-body'));
      sheets.push(sheet);
    } catch {
      // a sheet the browser cannot parse is left out
    }
    style.remove();
  }
  content.querySelectorAll(DROP).forEach((el) => el.remove());
  for (const el of content.querySelectorAll('*')) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on') || name === 'style' || ((name === 'href' || name === 'src' || name === 'xlink:href')
        && !value.startsWith('#') && !value.startsWith('data:image/'))) {
        el.removeAttribute(attr.name);
      }
    }
  }
  const host = h('div', { class: 'report-host', id: 'report-content' });
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = sheets;
  const page = document.createElement('div');
  page.className = 'report-body';
  page.append(document.importNode(content, true));
  // A few layout properties of the report's inline styles (indentation, alignment) are kept, set through
  // the CSSOM, which the policy allows; anything else in them is dropped.
  for (const el of page.querySelectorAll('[data-inline-style]')) {
    for (const declaration of el.dataset.inlineStyle.split(';')) {
      const [property, value] = declaration.split(':').map((x) => x?.trim().toLowerCase());
      if (SAFE_STYLES.has(property) && /^[a-z0-9.%\s-]+$/.test(value || '')) el.style.setProperty(property, value);
    }
    el.removeAttribute('data-inline-style');
  }
  shadow.append(page);
  replace(viewer,
    h('div', { class: 'toolbar' }, h('h2', { id: 'viewer-title' }, title),
      h('button', { type: 'button', class: 'secondary', onclick: () => { viewer.hidden = true; viewer.replaceChildren(); } }, '关闭')),
    host);
  viewer.querySelector('h2').setAttribute('tabindex', '-1');
  viewer.querySelector('h2').focus();
}

function reportCard(report, viewer, status, year) {
  const files = [...(report.files || [])].sort((a, b) => FORMAT_ORDER.indexOf(a.format) - FORMAT_ORDER.indexOf(b.format));
  const html = files.find((f) => f.format === 'html');
  const modified = files.map((f) => f.modifiedAt).filter(Boolean).sort().pop();
  return h('article', { class: 'card', 'data-job': report.job },
    h('h2', {}, report.name || report.job),
    modified ? h('p', { class: 'muted small' }, `生成于 ${modified.replace('T', ' ').slice(0, 16)}`) : null,
    h('div', { class: 'actions-row' },
      h('a', { class: 'button', href: `#/draft?year=${year}&job=${encodeURIComponent(report.job)}`, 'data-draft': report.job }, '编辑报告稿'),
      html ? h('button', {
        type: 'button', 'data-open': report.job,
        onclick: () => showInPage(viewer, html, report.name || report.job).catch((e) => { status.textContent = `打开失败：${e.message}`; }),
      }, '在线查看') : null,
      files.map((f) => h('button', {
        type: 'button', class: 'secondary', 'data-download': `${report.job}.${f.format}`,
        onclick: async () => {
          try {
            const { blob, fileName } = await staffFile(f.href);
            saveBlob(blob, fileName || f.fileName);
            status.textContent = `已下载 ${fileName || f.fileName}`;
          } catch (e) {
            status.textContent = `下载失败：${e.message}`;
          }
        },
      }, `下载${FORMAT_LABELS[f.format] || f.format}`, f.size != null ? h('span', { class: 'small' }, ` ${size(f.size)}`) : null))));
}

export async function render(container, { params }, ctx) {
  const year = Number(params.get('year')) || Number(todayInChina().slice(0, 4)) - 1;
  const status = h('p', { class: 'small muted', role: 'status', id: 'reports-status' });
  const list = h('div', { id: 'reports' }, h('p', { class: 'muted' }, '正在加载…'));
  const viewer = h('section', { class: 'card', id: 'report-viewer', hidden: true, 'aria-labelledby': 'viewer-title' });
  replace(container, [...container.querySelectorAll('#flash')],
    h('div', { class: 'toolbar' }, h('h1', {}, `${year} 年度报告`), yearPicker(year, 'reports')),
    h('p', { class: 'lead' }, '法治政府建设年度报告、政府信息公开工作年度报告和下一年度工作计划，由系统根据全年数据起草，供审核后发布。'),
    status, list, viewer);
  let data;
  try {
    data = (await staffApi(`/api/v1/admin/reports?year=${year}`)).data;
  } catch (error) {
    if (!ctx.isCurrent()) return;
    replace(list, h('div', { class: 'alert warn', role: 'alert', id: 'reports-unavailable' },
      unavailable(error) ? '本系统尚未启用年度报告功能（服务器上没有报告接口）。'
        : error.status === 403 ? '您的角色无权查看年度报告。' : `加载失败：${error.message}`));
    return;
  }
  if (!ctx.isCurrent()) return;
  const reports = data.reports || [];
  replace(list, reports.length
    ? reports.map((r) => reportCard(r, viewer, status, year))
    : h('p', { class: 'card empty', id: 'no-reports' },
      `${year} 年度的报告尚未生成。报告由定时任务生成；本地可运行 ./banshi report --job rule-of-law-annual --town ${ctx.claims.town} --year ${year}。`));
}
