import type { Tool } from '../../../../shared/board/schema.js';
import type { BoardEditor } from '../board-editor.js';
import type { BoardNavigation } from '../board-navigation.js';
import { PALETTE, WIDTHS, type BoardViewStore } from '../board-view-store.js';
import { TOOL_REGISTRY } from '../tools/tool-registry.js';
import { listen } from './listen.js';

const TOOL_BY_KEY = new Map(Object.entries(TOOL_REGISTRY).map(([tool, entry]) => [entry.key, tool as Tool]));

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** The next width in the list, up or down from the current one. */
export function steppedWidth(width: number, direction: 1 | -1): number {
  const index = WIDTHS.findIndex((candidate) => candidate >= width);
  return WIDTHS[Math.max(0, Math.min(WIDTHS.length - 1, (index < 0 ? WIDTHS.length - 1 : index) + direction))] ?? width;
}

export interface KeyboardTargets {
  readonly editor: BoardEditor;
  readonly navigation: BoardNavigation;
  readonly view: BoardViewStore;
  /** Ends the gesture in progress without writing it. */
  cancelGesture(): void;
}

/**
 * The board's shortcuts. Beside a call, whose own keys (V, H, L…) overlap,
 * the board takes the keyboard only after a click inside it and gives it
 * back on a click elsewhere, like focus.
 */
export class BoardKeyboard {
  /** Held space turns a drag into a pan, whatever the tool. */
  spaceHeld = false;
  private readonly cleanup: Array<() => void>;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly targets: KeyboardTargets,
    private ownsKeyboard: boolean,
  ) {
    this.cleanup = [
      listen(window, 'pointerdown', (event) => {
        const board = canvas.closest('[data-testid="board"]') ?? canvas;
        this.ownsKeyboard = event.target instanceof Node && board.contains(event.target);
      }, { capture: true }),
      // Capture phase: the board sees its keys before window-level shortcuts and marks the ones it handled.
      listen(window, 'keydown', (event) => this.onKeyDown(event), { capture: true }),
      listen(window, 'keyup', (event) => {
        if (event.key === ' ') this.spaceHeld = false;
      }),
    ];
  }

  destroy(): void {
    for (const dispose of this.cleanup.splice(0)) dispose();
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!this.ownsKeyboard || isEditable(event.target)) return;
    const key = event.key.toLowerCase();
    const handled = event.ctrlKey || event.metaKey ? this.command(key, event.shiftKey) : !event.altKey && this.singleKey(key);
    if (handled) event.preventDefault();
  }

  /** Ctrl or Cmd with a key: undo, redo, select all. */
  private command(key: string, shift: boolean): boolean {
    const { editor } = this.targets;
    if (key === 'z') editor[shift ? 'redo' : 'undo']();
    else if (key === 'y') editor.redo();
    else if (key === 'a') editor.selectAll();
    else return false;
    return true;
  }

  private singleKey(key: string): boolean {
    const { editor, navigation, view } = this.targets;
    const tool = TOOL_BY_KEY.get(key);
    if (tool) view.setState({ tool });
    else if (key === 'delete' || key === 'backspace') editor.deleteSelection();
    else if (key === 'escape') {
      this.targets.cancelGesture();
      view.setState({ selection: [], textDraft: null });
    } else if (key === 'arrowleft') navigation.step(-1, 0);
    else if (key === 'arrowright') navigation.step(1, 0);
    else if (key === 'arrowup') navigation.step(0, -1);
    else if (key === 'arrowdown') navigation.step(0, 1);
    else if (key === '+' || key === '=') navigation.zoomIn();
    else if (key === '-' || key === '_') navigation.zoomOut();
    else if (key === '0') navigation.zoomToActualSize();
    else if (key === 'f') navigation.zoomToFit();
    else if (key === '[' || key === ']') view.setState({ width: steppedWidth(view.getState().width, key === ']' ? 1 : -1) });
    else if (/^[1-9]$/.test(key)) view.setState({ color: PALETTE[Number(key) - 1] ?? PALETTE[0] });
    else if (key === ' ') this.spaceHeld = true;
    else return false;
    return true;
  }
}
