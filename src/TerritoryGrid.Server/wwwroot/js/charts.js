import { svg } from './dom.js';

// Charts are drawn by the page as SVG: no chart library, nothing fetched from elsewhere.
// A territory's coverage by day: days without a ratio (no demand) are left out.
export function sparkline(coverageByDay) {
  const chart = svg('svg', { class: 'spark', viewBox: '0 0 120 24', preserveAspectRatio: 'none' });
  const values = coverageByDay.filter((v) => v !== null && Number.isFinite(v));
  if (values.length < 2) return chart;
  const min = Math.min(...values), max = Math.max(...values), span = max - min || 1;
  const step = 120 / (values.length - 1);
  chart.append(svg('polyline', { points: values.map((v, i) => `${i * step},${22 - ((v - min) / span) * 20}`).join(' ') }));
  return chart;
}

export function histogram(target, values, bins = 24) {
  target.replaceChildren();
  if (!values.length) return;
  const min = Math.min(...values), max = Math.max(...values), width = (max - min) / bins || 1;
  const counts = new Array(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
  const top = Math.max(...counts), barWidth = 300 / bins;
  counts.forEach((count, i) => {
    const height = (count / top) * 56;
    target.append(svg('rect', { x: i * barWidth + 1, y: 60 - height, width: barWidth - 2, height }));
  });
}

export function trendChart(target, points) {
  target.replaceChildren();
  if (points.length < 2) return;
  const maxCoverage = Math.max(1.5, ...points.map((p) => p.coverage ?? 0).filter(Number.isFinite));
  const x = (i) => 30 + (i / (points.length - 1)) * 380;
  const y = (v) => 140 - (Math.min(v, maxCoverage) / maxCoverage) * 130;
  for (const level of [0.9, 1.25]) {
    target.append(svg('line', { x1: 30, x2: 410, y1: y(level), y2: y(level), stroke: '#ddd' }));
    const label = svg('text', { x: 2, y: y(level) + 3 });
    label.textContent = level.toFixed(2);
    target.append(label);
  }
  target.append(svg('polyline', { class: 'coverage', points: points.map((p, i) => `${x(i)},${y(p.coverage ?? maxCoverage)}`).join(' ') }));
  target.append(svg('polyline', { class: 'adherence', points: points.map((p, i) => `${x(i)},${y(p.adherence)}`).join(' ') }));
  const first = svg('text', { x: 30, y: 156 }); first.textContent = points[0].day.slice(0, 10);
  const last = svg('text', { x: 350, y: 156 }); last.textContent = points[points.length - 1].day.slice(0, 10);
  target.append(first, last);
}
