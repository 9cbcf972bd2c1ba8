import type { Tool } from '../../../../shared/board/schema.js';
import type { ToolFactory } from './board-tool.js';
import { DrawTool } from './draw-tool.js';
import { EraserTool } from './eraser-tool.js';
import { SelectTool } from './select-tool.js';
import { ShapeTool } from './shape-tool.js';
import { TextTool } from './text-tool.js';

/** A tool's single-key shortcut and its maker; its name is the catalogue's (`board.tools`). */
export interface ToolEntry {
  /** Its single-key shortcut. */
  readonly key: string;
  readonly create: ToolFactory;
}

/** Every board tool: adding one adds its file and its entry here. */
export const TOOL_REGISTRY: Readonly<Record<Tool, ToolEntry>> = {
  select: { key: 'v', create: (context) => new SelectTool(context) },
  pen: { key: 'p', create: (context) => new DrawTool(context, 'pen') },
  highlighter: { key: 'h', create: (context) => new DrawTool(context, 'highlighter') },
  line: { key: 'l', create: (context) => new ShapeTool(context, 'line') },
  arrow: { key: 'a', create: (context) => new ShapeTool(context, 'arrow') },
  rectangle: { key: 'r', create: (context) => new ShapeTool(context, 'rectangle') },
  ellipse: { key: 'o', create: (context) => new ShapeTool(context, 'ellipse') },
  text: { key: 't', create: (context) => new TextTool(context) },
  eraser: { key: 'e', create: (context) => new EraserTool(context) },
};
