// Charts as inline SVG built with DOM calls (no library, no innerHTML). Every chart comes with its numbers
// as a table for screen readers and for copying.
import { h, s } from '/assets/js/dom.js';

const BAR = '#0b5cad';
const BAR_ALT = '#1d6b35';
const INK = '#1b1f24';
const MUTED = '#4f5864';
const GRID = '#c9d0d8';

function niceMax(max) {
  if (max <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= max) return step * magnitude;
  }
  return 10 * magnitude;
}

function dataTable(caption, data, unit) {
  return h('details', {},
    h('summary', {}, '查看数据表'),
    h('table', {},
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '项目'), h('th', { scope: 'col' }, `数量（${unit}）`))),
      h('tbody', {}, data.map((d) => h('tr', {}, h('th', { scope: 'row' }, d.label), h('td', {}, String(d.value)))))));
}

/** Vertical bars (e.g. cases by month). data: [{label, value}] */
export function columnChart(title, data, { unit = '件', id } = {}) {
  const width = 720;
  const height = 260;
  const pad = { top: 24, right: 12, bottom: 34, left: 40 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const band = plotW / Math.max(1, data.length);
  const barW = Math.min(44, band * 0.62);
  const y = (v) => pad.top + plotH - (v / max) * plotH;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t` },
    s('title', { id: `${id}-t` }, `${title}：${data.map((d) => `${d.label} ${d.value}${unit}`).join('，')}`),
    [0, 0.2, 0.4, 0.6, 0.8, 1].map((f) => [
      s('line', { x1: pad.left, x2: width - pad.right, y1: y(max * f), y2: y(max * f), stroke: GRID, 'stroke-width': 1 }),
      s('text', { x: pad.left - 6, y: y(max * f) + 4, 'text-anchor': 'end', 'font-size': 12, fill: MUTED }, String(Math.round(max * f))),
    ]),
    data.map((d, i) => {
      const x = pad.left + i * band + (band - barW) / 2;
      const barH = (d.value / max) * plotH;
      return s('g', {},
        s('rect', { x, y: y(d.value), width: barW, height: Math.max(barH, d.value ? 1 : 0), fill: BAR, rx: 2 },
          s('title', {}, `${d.label}：${d.value}${unit}`)),
        d.value ? s('text', { x: x + barW / 2, y: y(d.value) - 5, 'text-anchor': 'middle', 'font-size': 12, fill: INK }, String(d.value)) : null,
        s('text', { x: x + barW / 2, y: height - pad.bottom + 18, 'text-anchor': 'middle', 'font-size': 12, fill: MUTED }, d.label));
    }));
  return h('figure', { class: 'card chart wide', id, 'data-chart': id },
    h('figcaption', {}, h('h2', {}, title)), svg, dataTable(title, data, unit));
}

/** Horizontal bars with labels (e.g. by category, by village). */
export function barChart(title, data, { unit = '件', id, alt = false } = {}) {
  const rows = data.length ? data : [{ label: '暂无数据', value: 0 }];
  const labelW = 130;
  const width = 420;
  const rowH = 32;
  const top = 8;
  const height = top * 2 + rows.length * rowH;
  const plotW = width - labelW - 44;
  const max = Math.max(1, ...rows.map((d) => d.value));
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${id}-t` },
    s('title', { id: `${id}-t` }, `${title}：${rows.map((d) => `${d.label} ${d.value}${unit}`).join('，')}`),
    rows.map((d, i) => {
      const yPos = top + i * rowH;
      const w = (d.value / max) * plotW;
      return s('g', {},
        s('text', { x: labelW - 8, y: yPos + rowH / 2 + 5, 'text-anchor': 'end', 'font-size': 14, fill: INK }, d.label),
        s('rect', { x: labelW, y: yPos + 5, width: Math.max(w, d.value ? 2 : 0), height: rowH - 10, fill: alt ? BAR_ALT : BAR, rx: 2 },
          s('title', {}, `${d.label}：${d.value}${unit}`)),
        s('text', { x: labelW + w + 6, y: yPos + rowH / 2 + 5, 'font-size': 14, fill: INK }, String(d.value)));
    }));
  return h('figure', { class: 'card chart', id, 'data-chart': id },
    h('figcaption', {}, h('h2', {}, title)), svg, dataTable(title, rows, unit));
}

/** A 0–1 rate as a short horizontal gauge. */
export function gauge(rate, label) {
  const width = 160;
  const filled = rate == null ? 0 : Math.max(0, Math.min(1, rate)) * width;
  return s('svg', { viewBox: `0 0 ${width} 10`, width: '100%', height: 10, role: 'img', 'aria-label': label },
    s('rect', { x: 0, y: 0, width, height: 10, rx: 5, fill: '#e6ebf0' }),
    s('rect', { x: 0, y: 0, width: filled, height: 10, rx: 5, fill: BAR_ALT }));
}
