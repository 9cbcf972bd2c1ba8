import type { WebContents, WebFrameMain } from 'electron';

/** The windows Confer opens, each with its own job and its own IPC rights. */
export type WindowRole = 'main' | 'mini' | 'overlay';

/** How a refusal names each window to the page that was refused. */
const ROLE_NAMES: Readonly<Record<WindowRole, string>> = {
  main: 'call window',
  mini: 'mini call window',
  overlay: 'presenter overlay',
};

/** What the registry reads of a window: the id of its contents, which every frame of it reports. */
export interface RegisteredWindow {
  readonly webContents: Pick<WebContents, 'id'>;
}

export interface WindowRegistryOptions {
  /** The id of the WebContents a frame belongs to (Electron's `webContents.fromFrame`). */
  readonly contentsIdOf: (frame: WebFrameMain) => number | undefined;
}

export interface WindowRegistry<W extends RegisteredWindow> {
  /** Records the window that holds a role; the returned function forgets it, unless another window took the role since. */
  register(role: WindowRole, window: W): () => void;
  get(role: WindowRole): W | null;
  /** Which of our windows a frame belongs to, or null for a frame of none of them. */
  roleOf(frame: WebFrameMain): WindowRole | null;
  /** The window of that role when the frame belongs to it; throws otherwise, naming the window allowed. */
  require(frame: WebFrameMain, role: WindowRole): W;
}

/**
 * Every window by role, with its contents id taken when it opens: a closed
 * window's contents can no longer be asked, and IPC senders and capture
 * requests arrive as frames that must be matched to a window.
 */
export function createWindowRegistry<W extends RegisteredWindow>(options: WindowRegistryOptions): WindowRegistry<W> {
  const entries = new Map<WindowRole, { readonly window: W; readonly contentsId: number }>();

  function roleOf(frame: WebFrameMain): WindowRole | null {
    const contentsId = options.contentsIdOf(frame);
    if (contentsId === undefined) return null;
    for (const [role, entry] of entries) if (entry.contentsId === contentsId) return role;
    return null;
  }

  return {
    register(role, window) {
      const entry = { window, contentsId: window.webContents.id };
      entries.set(role, entry);
      return () => {
        if (entries.get(role) === entry) entries.delete(role);
      };
    },
    get: (role) => entries.get(role)?.window ?? null,
    roleOf,
    require(frame, role) {
      const entry = entries.get(role);
      if (!entry || options.contentsIdOf(frame) !== entry.contentsId) throw new Error(`only the ${ROLE_NAMES[role]} may use this channel`);
      return entry.window;
    },
  };
}
