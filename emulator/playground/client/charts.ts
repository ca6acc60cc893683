/// <reference lib="dom" />
/**
 * Embedded charts drawn from their data, close enough to Sheets' to read
 * the numbers: column, bar (stacked or not), line and area charts. Other
 * types show as a labelled card. All text goes in through textContent.
 */
import type {ChartView} from '../protocol';
import {el} from './dom';

const SVG = 'http://www.w3.org/2000/svg';
/** Google Charts' default series colours. */
const COLORS = [
  '#4285f4',
  '#db4437',
  '#f4b400',
  '#0f9d58',
  '#ab47bc',
  '#00acc1',
];
const MARGIN = {top: 44, right: 20, bottom: 58, left: 56};

type Attrs = Record<string, string | number>;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Axis ticks at 1, 2 or 5 × a power of ten, covering `max`. */
function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t < max + step / 2; t += step) out.push(t);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

function short(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${+(n / 1e6).toFixed(1)}M`;
  if (abs >= 1e4) return `${+(n / 1e3).toFixed(1)}K`;
  return String(+n.toFixed(2));
}

const DRAWN = new Set(['COLUMN', 'BAR', 'LINE', 'AREA']);

export function drawChart(chart: ChartView): HTMLElement {
  const figure = el('figure', {
    className: 'chart',
    attrs: {
      'aria-label': `${chart.title || 'Chart'} (${chart.type.toLowerCase()} chart of ${chart.ranges.join(', ')})`,
    },
    style: {width: `${chart.width}px`, height: `${chart.height}px`},
  });
  if (!DRAWN.has(chart.type) || !chart.series.length) {
    figure.classList.add('chart-card');
    figure.append(
      el('div', {className: 'chart-icon', attrs: {'aria-hidden': 'true'}}),
      el(
        'figcaption',
        {},
        el('strong', {text: chart.title || 'Untitled chart'}),
        el('span', {
          text: `${chart.type.toLowerCase()} chart of ${chart.ranges.join(', ')}`,
        }),
      ),
    );
    return figure;
  }
  const {width, height} = chart;
  const root = svg('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
  });
  root.append(svg('text', {x: 16, y: 26, class: 'chart-title'}, chart.title));
  const horizontal = chart.type === 'BAR';
  // A bar chart's labels sit left of the plot: make room for the longest.
  const longest = Math.max(0, ...chart.labels.map(l => l.length));
  const left = horizontal
    ? Math.min(width / 3, Math.max(MARGIN.left, 16 + longest * 6.5))
    : MARGIN.left;
  const plot = {
    x: left,
    y: MARGIN.top,
    w: width - left - MARGIN.right,
    h: height - MARGIN.top - MARGIN.bottom,
  };
  const stacked = chart.stacked && chart.type !== 'LINE';
  const n = chart.labels.length;
  const totals = chart.labels.map((_, i) =>
    stacked
      ? chart.series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0)
      : Math.max(0, ...chart.series.map(s => s.values[i] ?? 0)),
  );
  const scale = ticks(Math.max(0, ...totals));
  const top = scale[scale.length - 1] || 1;
  const valueLength = horizontal ? plot.w : plot.h;
  const along = (v: number) => (v / top) * valueLength;
  const band = (horizontal ? plot.h : plot.w) / Math.max(1, n);

  // Grid lines and value labels.
  for (const t of scale) {
    const at = along(t);
    const line = horizontal
      ? {x1: plot.x + at, x2: plot.x + at, y1: plot.y, y2: plot.y + plot.h}
      : {
          x1: plot.x,
          x2: plot.x + plot.w,
          y1: plot.y + plot.h - at,
          y2: plot.y + plot.h - at,
        };
    root.append(
      svg('line', {...line, class: t === 0 ? 'chart-axis' : 'chart-grid'}),
    );
    root.append(
      horizontal
        ? svg(
            'text',
            {
              x: plot.x + at,
              y: plot.y + plot.h + 16,
              class: 'chart-tick',
              'text-anchor': 'middle',
            },
            short(t),
          )
        : svg(
            'text',
            {
              x: plot.x - 8,
              y: plot.y + plot.h - at + 4,
              class: 'chart-tick',
              'text-anchor': 'end',
            },
            short(t),
          ),
    );
  }
  // Category labels, thinned out when they would overlap.
  const every = Math.max(
    1,
    Math.ceil(
      n /
        Math.max(
          1,
          Math.floor((horizontal ? plot.h : plot.w) / (horizontal ? 18 : 48)),
        ),
    ),
  );
  chart.labels.forEach((label, i) => {
    if (i % every) return;
    const mid = band * (i + 0.5);
    root.append(
      horizontal
        ? svg(
            'text',
            {
              x: plot.x - 8,
              y: plot.y + mid + 4,
              class: 'chart-tick',
              'text-anchor': 'end',
            },
            label,
          )
        : svg(
            'text',
            {
              x: plot.x + mid,
              y: plot.y + plot.h + 16,
              class: 'chart-tick',
              'text-anchor': 'middle',
            },
            label,
          ),
    );
  });

  if (chart.type === 'LINE' || chart.type === 'AREA') {
    chart.series.forEach((series, k) => {
      const points = series.values
        .map((v, i) =>
          v === null
            ? null
            : [plot.x + band * (i + 0.5), plot.y + plot.h - along(v)],
        )
        .filter((p): p is number[] => p !== null);
      if (!points.length) return;
      const path = points
        .map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`)
        .join('');
      if (chart.type === 'AREA') {
        const last = points[points.length - 1];
        root.append(
          svg('path', {
            d: `${path}L${last[0]},${plot.y + plot.h}L${points[0][0]},${plot.y + plot.h}Z`,
            fill: COLORS[k % COLORS.length],
            'fill-opacity': 0.25,
          }),
        );
      }
      root.append(
        svg('path', {
          d: path,
          fill: 'none',
          stroke: COLORS[k % COLORS.length],
          'stroke-width': 2,
        }),
      );
    });
  } else {
    const groups = stacked ? 1 : chart.series.length;
    const thick = (band * 0.7) / groups;
    chart.labels.forEach((_, i) => {
      let base = 0;
      chart.series.forEach((series, k) => {
        const v = Math.max(0, series.values[i] ?? 0);
        const offset = band * (i + 0.15) + (stacked ? 0 : thick * k);
        const length = along(v);
        const start = along(base);
        root.append(
          svg('rect', {
            ...(horizontal
              ? {
                  x: plot.x + start,
                  y: plot.y + offset,
                  width: length,
                  height: thick,
                }
              : {
                  x: plot.x + offset,
                  y: plot.y + plot.h - start - length,
                  width: thick,
                  height: length,
                }),
            fill: COLORS[k % COLORS.length],
          }),
        );
        if (stacked) base += v;
      });
    });
  }

  // The legend, centred under the plot.
  const legend = svg('g', {class: 'chart-legend'});
  let x = 0;
  chart.series.forEach((series, k) => {
    legend.append(
      svg('rect', {
        x,
        y: -9,
        width: 10,
        height: 10,
        rx: 2,
        fill: COLORS[k % COLORS.length],
      }),
    );
    legend.append(svg('text', {x: x + 14, y: 0}, series.name));
    x += 24 + series.name.length * 6.5;
  });
  legend.setAttribute(
    'transform',
    `translate(${Math.max(8, (width - x) / 2)},${height - 14})`,
  );
  root.append(legend);
  figure.append(root);
  return figure;
}
