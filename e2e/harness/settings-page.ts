import type { Page } from 'playwright-core';

export const SETTINGS_SECTIONS = ['audio', 'video', 'keyboard', 'servers', 'language'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** Opens the settings (from the lobby or the call's toolbar) at one section, as a user does. */
export async function openSettings(page: Page, section: SettingsSection): Promise<void> {
  if ((await page.getByTestId('settings-dialog').count()) === 0) await page.getByTestId('open-settings').click();
  await page.getByTestId(`settings-tab-${section}`).click();
  await page.getByTestId(`settings-panel-${section}`).waitFor();
}

/** Closes the settings with Escape, as a keyboard user does, and says which control has the focus then. */
export async function closeSettings(page: Page): Promise<string | null> {
  await page.keyboard.press('Escape');
  await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
  return page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null);
}
