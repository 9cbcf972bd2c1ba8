/** The two ends of a line or arrow. */
export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** Arrow head: two barbs at the end, sized with the line width. */
export function arrowHead(shape: Segment, width: number): [[number, number], [number, number]] {
  const angle = Math.atan2(shape.y2 - shape.y1, shape.x2 - shape.x1);
  const length = 10 + width * 3;
  const spread = Math.PI / 7;
  return [
    [shape.x2 - length * Math.cos(angle - spread), shape.y2 - length * Math.sin(angle - spread)],
    [shape.x2 - length * Math.cos(angle + spread), shape.y2 - length * Math.sin(angle + spread)],
  ];
}
