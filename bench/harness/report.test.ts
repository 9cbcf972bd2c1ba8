import { describe, expect, test } from 'vitest';
import { median, percentile } from './bench-result.js';
import { figureChart, renderReport } from './report.js';

describe('benchmark statistics', () => {
  test('nearest-rank percentiles', () => {
    const values = [5, 1, 4, 2, 3];
    expect(median(values)).toBe(3);
    expect(percentile(values, 95)).toBe(5);
    expect(percentile(values, 0)).toBe(1);
    expect(median([])).toBeNaN();
  });
});

describe('benchmark report', () => {
  const result = {
    suite: 'join time',
    measuredAt: '2026-11-23T00:00:00.000Z',
    machine: { cpus: 2, memoryGiB: 24, node: 'v20' },
    figures: [
      { name: 'app join', value: 300, unit: 'ms', better: 'lower' as const, reference: { name: 'bare page', value: 200 }, target: { description: 'at most 1.5 × floor', met: true } },
      { name: 'decode rate', value: 19.5, unit: 'fps', better: 'higher' as const },
    ],
    notes: ['median of 5 runs'],
  };

  test('shows each figure beside its same-run reference and target', () => {
    const { markdown, charts } = renderReport([result]);
    expect(markdown).toContain('| app join | 300 ms | bare page: 200 ms | met: at most 1.5 × floor |');
    expect(markdown).toContain('| decode rate | 19.5 fps |  |  |');
    expect([...charts.keys()]).toEqual(['join-time-app-join.svg']);
    expect(markdown).toContain('![app join](join-time-app-join.svg)');
  });

  test('charts the figure and its reference on one scale', () => {
    const svg = figureChart(result.figures[0]!);
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]! / widths[0]!).toBeCloseTo(200 / 300, 2);
  });
});
