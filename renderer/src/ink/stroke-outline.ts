import { getStroke, type StrokeOptions } from 'perfect-freehand';
import type { StrokePoint } from '../../../shared/board/points.js';
import type { Style } from '../../../shared/board/schema.js';

/** Highlighter ink is translucent whatever the chosen opacity: what is beneath must show through. */
export const HIGHLIGHTER_OPACITY = 0.35;

export type InkTool = 'pen' | 'highlighter';

export function strokeOptions(tool: InkTool, width: number, hasPressure: boolean, complete: boolean): StrokeOptions {
  if (tool === 'highlighter') return { size: width, thinning: 0, smoothing: 0.5, streamline: 0.5, simulatePressure: false, last: complete };
  return { size: width, thinning: 0.6, smoothing: 0.5, streamline: 0.5, simulatePressure: !hasPressure, last: complete };
}

/** perfect-freehand's outline polygon as an SVG path with quadratic smoothing between midpoints. */
export function outlinePath(outline: number[][]): string {
  if (outline.length < 2) return '';
  const first = outline[0] as number[];
  let path = `M${first[0]!.toFixed(2)} ${first[1]!.toFixed(2)}Q`;
  for (let index = 0; index < outline.length; index += 1) {
    const [x0, y0] = outline[index] as number[];
    const [x1, y1] = outline[(index + 1) % outline.length] as number[];
    path += `${x0!.toFixed(2)} ${y0!.toFixed(2)} ${((x0! + x1!) / 2).toFixed(2)} ${((y0! + y1!) / 2).toFixed(2)} `;
  }
  return `${path}Z`;
}

/** The filled outline of a stroke as SVG path data; `complete` is false while the stroke is still being drawn. */
export function strokePathData(points: readonly StrokePoint[], tool: InkTool, width: number, hasPressure: boolean, complete = true): string {
  return outlinePath(getStroke(points as unknown as number[][], strokeOptions(tool, width, hasPressure, complete)));
}

export function strokeOpacity(tool: InkTool, style: Style): number {
  return tool === 'highlighter' ? Math.min(style.opacity, HIGHLIGHTER_OPACITY) : style.opacity;
}
