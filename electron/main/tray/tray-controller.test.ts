import type { Menu, MenuItemConstructorOptions, Tray } from 'electron';
import { describe, expect, test } from 'vitest';
import { SHELL_MESSAGES } from '../../../shared/desktop/shell-messages.js';
import type { CallCommand } from '../../../shared/desktop/call-report.js';
import { initialPresence, reducePresence } from './presence-state.js';
import { createTrayController, type TrayActions } from './tray-controller.js';

function setup(theme: 'light' | 'dark' = 'dark') {
  const log: string[] = [];
  const commands: CallCommand[] = [];
  let template: MenuItemConstructorOptions[] = [];
  let click: (() => void) | undefined;
  const tray = {
    setImage: (image: string) => void log.push(`image ${image}`),
    setToolTip: (text: string) => void log.push(`tooltip ${text}`),
    setContextMenu: () => undefined,
    on: (_event: string, listener: () => void) => void (click = listener),
  } as unknown as Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'on'>;
  const actions: TrayActions = {
    showWindow: () => log.push('show'),
    command: (command) => commands.push(command),
    setStatus: (status) => log.push(`status ${status}`),
    setMiniWindowEnabled: (enabled) => log.push(`mini ${enabled}`),
    quit: () => log.push('quit'),
  };
  const controller = createTrayController({
    tray,
    buildMenu: (items) => {
      template = items;
      return {} as Menu;
    },
    iconPath: (icon, variant) => `tray/${icon}-${variant}.png`,
    theme: () => theme,
    miniWindowEnabled: () => true,
    messages: () => SHELL_MESSAGES.en,
    actions,
  });
  const item = (label: string) =>
    template.flatMap((entry) => [entry, ...((entry.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]).find((entry) => entry.label === label);
  return { controller, log, commands, item, click: () => click?.() };
}

describe('tray controller', () => {
  test('shows the state’s icon in the theme’s variant and names the room', () => {
    const { controller, log } = setup('light');
    controller.render(reducePresence(initialPresence, { type: 'call-reported', report: { inCall: true, reconnecting: false, room: 'standup', audioMuted: true, screenSharing: false } }));
    expect(log).toEqual(['image tray/muted-light.png', 'tooltip Confer: In a call, muted in standup']);
  });

  test('menu items send call commands, statuses and quit', () => {
    const { controller, log, commands, item, click } = setup();
    controller.render(reducePresence(initialPresence, { type: 'call-reported', report: { inCall: true, reconnecting: false, room: 'r', audioMuted: false, screenSharing: true } }));
    item('Mute')?.click?.({} as never, undefined, {} as never);
    item('Stop sharing')?.click?.({} as never, undefined, {} as never);
    item('Leave call')?.click?.({} as never, undefined, {} as never);
    item('Do not disturb')?.click?.({} as never, undefined, {} as never);
    item('Mini call window on top')?.click?.({} as never, undefined, {} as never);
    item('Quit Confer')?.click?.({} as never, undefined, {} as never);
    click();
    expect(commands).toEqual([{ kind: 'toggle-audio' }, { kind: 'stop-screen-share' }, { kind: 'leave-call' }]);
    expect(log.slice(2)).toEqual(['status do-not-disturb', 'mini false', 'quit', 'show']);
    expect(item('Available')).toMatchObject({ type: 'radio', checked: true });
  });
});
