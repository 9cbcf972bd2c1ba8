import type { Display, Rectangle } from 'electron';

export type DisplayInfo = Pick<Display, 'id' | 'bounds'>;

/**
 * The display a shared screen shows: the source's `display_id` names it.
 * Some Linux setups leave the id empty; with a single display there is no
 * doubt, with several we would rather show no overlay than the wrong one.
 */
export function displayForSource(displayId: string, displays: readonly DisplayInfo[]): DisplayInfo | null {
  const named = displays.find((display) => String(display.id) === displayId);
  if (named) return named;
  return displayId === '' && displays.length === 1 ? (displays[0] ?? null) : null;
}

/** The overlay covers the whole display, taskbar and menu bar included: that is what viewers see. */
export function overlayBounds(displayId: string, displays: readonly DisplayInfo[]): Rectangle | null {
  const display = displayForSource(displayId, displays);
  return display ? { ...display.bounds } : null;
}
