import type { BenchFigure, BenchSuiteResult } from './bench-result.js';

const BAR_WIDTH = 360;
const ROW_HEIGHT = 22;

function format(value: number, unit: string): string {
  const rounded = Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(2);
  return `${rounded} ${unit}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A horizontal bar chart of one figure beside its reference: the two bars share a scale. */
export function figureChart(figure: BenchFigure): string {
  const rows: Array<[string, number, string]> = [[figure.name, figure.value, '#4f8cff']];
  if (figure.reference) rows.push([figure.reference.name, figure.reference.value, '#9aa1b2']);
  const max = Math.max(...rows.map(([, value]) => value), Number.EPSILON);
  const height = rows.length * ROW_HEIGHT + 8;
  const bars = rows
    .map(([label, value, colour], index) => {
      const y = 4 + index * ROW_HEIGHT;
      const width = Math.max(1, (value / max) * BAR_WIDTH);
      return [
        `<text x="0" y="${y + 15}" font-size="12">${escapeXml(label)}</text>`,
        `<rect x="220" y="${y + 3}" width="${width.toFixed(1)}" height="14" fill="${colour}"/>`,
        `<text x="${(226 + width).toFixed(1)}" y="${y + 15}" font-size="12">${escapeXml(format(value, figure.unit))}</text>`,
      ].join('');
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${220 + BAR_WIDTH + 120}" height="${height}" font-family="sans-serif">${bars}</svg>`;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The Markdown report and its SVG files (name → content), for every suite of a run. */
export function renderReport(results: readonly BenchSuiteResult[]): { markdown: string; charts: Map<string, string> } {
  const charts = new Map<string, string>();
  const lines = ['# Benchmark report', ''];
  const first = results[0];
  if (first) {
    lines.push(`Measured ${first.measuredAt} on ${first.machine.cpus} cores, ${first.machine.memoryGiB} GiB, Node ${first.machine.node}.`, '');
  }
  for (const result of results) {
    lines.push(`## ${result.suite}`, '', '| figure | value | reference (same run) | target |', '| --- | --- | --- | --- |');
    for (const figure of result.figures) {
      const reference = figure.reference ? `${figure.reference.name}: ${format(figure.reference.value, figure.unit)}` : '';
      const target = figure.target ? `${figure.target.met ? 'met' : 'NOT met'}: ${figure.target.description}` : '';
      lines.push(`| ${figure.name} | ${format(figure.value, figure.unit)} | ${reference} | ${target} |`);
    }
    lines.push('');
    for (const figure of result.figures.filter((candidate) => candidate.reference)) {
      const file = `${slug(result.suite)}-${slug(figure.name)}.svg`;
      charts.set(file, figureChart(figure));
      lines.push(`![${figure.name}](${file})`);
    }
    if (result.notes.length > 0) lines.push('', ...result.notes.map((note) => `- ${note}`));
    lines.push('');
  }
  return { markdown: lines.join('\n'), charts };
}
