// 年度报告 (public): the town's published reports, every version, read online (HTML) or downloaded (Word).
import { api } from './api.js';
import { currentTown, formatDate, h, replace } from './dom.js';

const FILE_LABELS = { html: '在线阅读', docx: '下载 Word 文档' };

function entry(report) {
  const links = ['html', 'docx'].map((format) => {
    const file = report.files.find((f) => f.format === format);
    return file ? h('a', { href: file.href, 'data-format': format, ...(format === 'html' ? {} : { download: '' }) }, FILE_LABELS[format]) : null;
  });
  return h('li', { 'data-report': `${report.year}/${report.job}/${report.version}` },
    h('p', {}, h('strong', {}, report.title), report.version > 1 ? `（第 ${report.version} 版）` : ''),
    h('p', { class: 'small muted' }, `落款日期 ${formatDate(report.signingDate)}`),
    report.correction ? h('p', { class: 'small', 'data-correction': '' }, `更正说明：${report.correction}`) : null,
    h('p', { class: 'actions-row' }, links));
}

async function load() {
  const list = document.getElementById('published');
  const town = encodeURIComponent(currentTown());
  try {
    const [{ data: catalog }, { data }] = await Promise.all([
      api(`/api/v1/towns/${town}/catalog`),
      api(`/api/v1/towns/${town}/reports`),
    ]);
    for (const el of document.querySelectorAll('[data-town-name]')) el.textContent = catalog.town.name;
    if (!data.reports.length) {
      replace(list, h('p', { class: 'card empty', id: 'no-published' }, '暂无已发布的年度报告。'));
      return;
    }
    const years = [...new Set(data.reports.map((r) => r.year))];
    replace(list, years.map((year) => h('section', { class: 'card' },
      h('h2', {}, `${year} 年度`),
      h('ul', { class: 'report-list' }, data.reports.filter((r) => r.year === year).map(entry)))));
  } catch (error) {
    replace(list, h('div', { class: 'alert warn', role: 'alert' }, `加载失败：${error.message}`));
  }
}

load();
