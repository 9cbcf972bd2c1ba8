import type { Tool } from '../../../../shared/board/schema.js';
import type { ToolFactory } from './board-tool.js';
import { DrawTool } from './draw-tool.js';
import { EraserTool } from './eraser-tool.js';
import { SelectTool } from './select-tool.js';
import { ShapeTool } from './shape-tool.js';
import { TextTool } from './text-tool.js';

export interface ToolEntry {
  readonly label: string;
  /** Its single-key shortcut. */
  readonly key: string;
  readonly create: ToolFactory;
}

/** Every board tool: adding one adds its file and its entry here. */
export const TOOL_REGISTRY: Readonly<Record<Tool, ToolEntry>> = {
  select: { label: 'Select', key: 'v', create: (context) => new SelectTool(context) },
  pen: { label: 'Pen', key: 'p', create: (context) => new DrawTool(context, 'pen') },
  highlighter: { label: 'Highlighter', key: 'h', create: (context) => new DrawTool(context, 'highlighter') },
  line: { label: 'Line', key: 'l', create: (context) => new ShapeTool(context, 'line') },
  arrow: { label: 'Arrow', key: 'a', create: (context) => new ShapeTool(context, 'arrow') },
  rectangle: { label: 'Rectangle', key: 'r', create: (context) => new ShapeTool(context, 'rectangle') },
  ellipse: { label: 'Ellipse', key: 'o', create: (context) => new ShapeTool(context, 'ellipse') },
  text: { label: 'Text', key: 't', create: (context) => new TextTool(context) },
  eraser: { label: 'Eraser', key: 'e', create: (context) => new EraserTool(context) },
};
