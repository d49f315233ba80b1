/**
 * Activity per hour (or per bucket of hours) as SVG bars, built with createElementNS.
 */
import { el, formatNumber, svg } from '../dom.ts';
import type { ClusterFile } from '../types.ts';

const WIDTH = 300;
const HEIGHT = 70;

export function renderTimeline(timeline: ClusterFile['timeline']): HTMLElement {
  const { requests, bucket_hours: hours, start } = timeline;
  if (start === null || requests.length === 0) return el('p', { class: 'muted', text: 'no timed requests' });
  const max = Math.max(1, ...requests);
  const step = WIDTH / requests.length;
  const t0 = Date.parse(start);
  const bars = requests.map((count, i) => {
    const h = (count / max) * (HEIGHT - 4);
    const from = new Date(t0 + i * hours * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    return svg('rect', { x: (i * step).toFixed(2), y: (HEIGHT - h).toFixed(2), width: Math.max(0.5, step - 0.3).toFixed(2), height: h.toFixed(2), class: 'bar' }, [
      svg('title', {}, [`${from} UTC: ${formatNumber(count)} requests, ${formatNumber(timeline.keys[i] ?? 0)} keys`]),
    ]);
  });
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'timeline', role: 'img', 'aria-label': 'requests per hour' }, [
    svg('line', { x1: 0, y1: HEIGHT - 0.5, x2: WIDTH, y2: HEIGHT - 0.5, class: 'axis' }),
    ...bars,
  ]);
  const end = new Date(t0 + requests.length * hours * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return el('figure', { class: 'timeline-figure' }, [
    chart,
    el('figcaption', { class: 'muted' }, [
      el('span', { text: start.slice(0, 16).replace('T', ' ') }),
      el('span', { text: `${hours === 1 ? 'per hour' : `per ${hours} h`} · peak ${formatNumber(max)}` }),
      el('span', { text: end }),
    ]),
  ]);
}
