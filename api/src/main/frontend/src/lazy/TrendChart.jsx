// A scorecard's trend drawn with uPlot on a canvas: the pass rate (percent, left axis) and the
// entities at each level (right axis), one point a day. Loaded by dynamic import() from the
// scorecard page, so the first page does not carry the library.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { addStylesheet } from './stylesheet.js';

addStylesheet('uplot');

/** The pass rate's colour; the browser test looks for it on the canvas. */
export const PASS_RATE_COLOUR = '#1a7f37';
const LEVEL_COLOURS = ['#b8860b', '#6b7b8c', '#a0522d', '#7b61a8', '#2f6f9f'];
const NONE_COLOUR = '#9aa0a6';
const HEIGHT = 260;
const DAY = 86400;
const DAY_STEPS = [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY, 182 * DAY, 364 * DAY];
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];

function options(series, width) {
  return {
    width,
    height: HEIGHT,
    scales: { x: { time: true }, pct: { range: [0, 100] }, n: { range: (u, min, max) => [0, Math.max(1, max)] } },
    series: [
      { label: 'Day' },
      {
        label: 'Pass rate',
        scale: 'pct',
        stroke: PASS_RATE_COLOUR,
        width: 2,
        points: { show: true, size: 7, fill: PASS_RATE_COLOUR },
        value: (u, v) => (v == null ? '' : `${v} %`),
      },
      ...series.levels.map((l, i) => ({
        label: l.level === 'none' ? 'No level' : l.level,
        scale: 'n',
        stroke: l.level === 'none' ? NONE_COLOUR : LEVEL_COLOURS[i % LEVEL_COLOURS.length],
        width: 1.5,
        dash: [6, 4],
        points: { show: true, size: 5 },
      })),
    ],
    axes: [
      // a point a day: ticks on days (at least a day apart), written as the UTC date
      { incrs: DAY_STEPS, values: (u, ticks) => ticks.map((t) => new Date(t * 1000).toISOString().slice(5, 10)) },
      { scale: 'pct', values: (u, ticks) => ticks.map((t) => `${t} %`) },
      // counts of entities: whole numbers only
      { scale: 'n', side: 1, grid: { show: false }, incrs: COUNT_STEPS, values: (u, ticks) => ticks.map((t) => (Number.isInteger(t) ? t : '')) },
    ],
  };
}

export default function TrendChart({ series, label }) {
  const frame = useRef(null);
  useEffect(() => {
    const element = frame.current;
    const width = () => Math.max(280, element.clientWidth || 640);
    const data = [series.x, series.passRate, ...series.levels.map((l) => l.values)];
    const chart = new uPlot(options(series, width()), data, element);
    const resized = new ResizeObserver(() => chart.setSize({ width: width(), height: HEIGHT }));
    resized.observe(element);
    return () => {
      resized.disconnect();
      chart.destroy();
    };
  }, [series]);
  return <div ref={frame} className="trend-chart" role="img" aria-label={label} />;
}
