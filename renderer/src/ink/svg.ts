import { cornerBounds } from '../../../shared/board/geometry.js';
import type { ReadItem, ShapeItem, TextItem } from '../../../shared/board/schema.js';
import { arrowHead } from './arrowhead.js';
import { strokeOpacity, strokePathData } from './stroke-outline.js';
import { TEXT_FONT, TEXT_LINE_HEIGHT } from './text-layout.js';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function shapeToSvg(item: ShapeItem): string {
  const common = `fill="none" stroke="${item.style.color}" stroke-width="${item.style.width}" stroke-opacity="${item.style.opacity}" stroke-linecap="round" stroke-linejoin="round"`;
  const { minX, minY, maxX, maxY } = cornerBounds(item);
  const width = maxX - minX;
  const height = maxY - minY;
  switch (item.kind) {
    case 'rectangle':
      return `<rect x="${minX}" y="${minY}" width="${width}" height="${height}" ${common}/>`;
    case 'ellipse':
      return `<ellipse cx="${minX + width / 2}" cy="${minY + height / 2}" rx="${width / 2}" ry="${height / 2}" ${common}/>`;
    case 'line':
      return `<line x1="${item.x1}" y1="${item.y1}" x2="${item.x2}" y2="${item.y2}" ${common}/>`;
    case 'arrow': {
      const [left, right] = arrowHead(item, item.style.width);
      return `<path d="M${item.x1} ${item.y1}L${item.x2} ${item.y2}M${left[0]} ${left[1]}L${item.x2} ${item.y2}L${right[0]} ${right[1]}" ${common}/>`;
    }
  }
}

function textToSvg(item: TextItem): string {
  const lines = item.text
    .split('\n')
    .map((line, index) => `<tspan x="${item.x}" dy="${index === 0 ? 0 : item.style.width * TEXT_LINE_HEIGHT}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<text x="${item.x}" y="${item.y}" font-family="${TEXT_FONT}" font-size="${item.style.width}" dominant-baseline="text-before-edge" fill="${item.style.color}" fill-opacity="${item.style.opacity}">${lines}</text>`;
}

/** One item as an SVG element, for export. */
export function itemToSvg(read: ReadItem): string {
  const { item } = read;
  if (read.points && item.type === 'stroke') {
    const opacity = strokeOpacity(item.tool, item.style);
    return `<path d="${strokePathData(read.points, item.tool, item.style.width, read.hasPressure)}" fill="${item.style.color}" fill-opacity="${opacity}"/>`;
  }
  if (item.type === 'shape') return shapeToSvg(item);
  if (item.type === 'text') return textToSvg(item);
  return '';
}
