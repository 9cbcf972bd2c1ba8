import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';
import type { CallCommand } from '../../../shared/desktop/call-report.js';
import type { ShellMessages } from '../../../shared/desktop/shell-messages.js';
import {
  presenceIcon,
  presenceTooltip,
  trayMenu,
  type ChosenStatus,
  type PresenceIcon,
  type PresenceState,
  type TrayAction,
  type TrayMenuEntry,
} from './presence-state.js';

/** `dark` icons are drawn for dark panels (light glyphs), `light` ones for light panels. */
export type TrayTheme = 'light' | 'dark';

export interface TrayActions {
  readonly showWindow: () => void;
  readonly command: (command: CallCommand) => void;
  readonly setStatus: (status: ChosenStatus) => void;
  readonly setMiniWindowEnabled: (enabled: boolean) => void;
  readonly quit: () => void;
}

function actionHandler(id: TrayAction, actions: TrayActions): () => void {
  switch (id) {
    case 'show-window':
      return actions.showWindow;
    case 'toggle-audio':
      return () => actions.command({ kind: 'toggle-audio' });
    case 'stop-screen-share':
      return () => actions.command({ kind: 'stop-screen-share' });
    case 'leave-call':
      return () => actions.command({ kind: 'leave-call' });
    case 'quit':
      return actions.quit;
  }
}

/** Electron's menu template for the pure menu model. */
export function menuTemplate(entries: readonly TrayMenuEntry[], actions: TrayActions): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    switch (entry.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'action':
        return { label: entry.label, enabled: entry.enabled, click: actionHandler(entry.id, actions) };
      case 'status-menu':
        return {
          label: entry.label,
          submenu: entry.statuses.map(({ status, label, checked }) => ({
            label,
            type: 'radio' as const,
            checked,
            click: () => actions.setStatus(status),
          })),
        };
      case 'toggle':
        return { label: entry.label, type: 'checkbox', checked: entry.checked, click: () => actions.setMiniWindowEnabled(!entry.checked) };
    }
  });
}

export interface TrayControllerOptions {
  readonly tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'on'>;
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  readonly iconPath: (icon: PresenceIcon, theme: TrayTheme) => string;
  readonly theme: () => TrayTheme;
  readonly miniWindowEnabled: () => boolean;
  /** The shell's words in the user's language now. */
  readonly messages: () => ShellMessages;
  readonly actions: TrayActions;
}

/** Shows a presence state in the tray: icon, tooltip and menu. A click on the icon shows the window. */
export function createTrayController(options: TrayControllerOptions) {
  options.tray.on('click', options.actions.showWindow);
  return {
    render(state: PresenceState): void {
      options.tray.setImage(options.iconPath(presenceIcon(state), options.theme()));
      const words = options.messages();
      options.tray.setToolTip(presenceTooltip(state, words));
      options.tray.setContextMenu(options.buildMenu(menuTemplate(trayMenu(state, { miniWindowEnabled: options.miniWindowEnabled(), words }), options.actions)));
    },
  };
}
