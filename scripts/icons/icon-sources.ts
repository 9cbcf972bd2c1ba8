/**
 * The SVG sources of the app and tray icons. Drawn in code so that the
 * twelve tray variants (six states, light and dark panels) share one glyph.
 * `npm run icons` renders them to PNG in build/.
 */

export const PRESENCE_STATES = ['available', 'in-call', 'presenting', 'muted', 'away', 'do-not-disturb'] as const;
export type PresenceState = (typeof PRESENCE_STATES)[number];
/** `dark` icons are for dark panels (light glyph), `light` ones for light panels. */
export type PanelTheme = 'light' | 'dark';

const ACCENT = '#4f8cff';

/** The app icon: a blue rounded square with a white speech bubble holding a camera lens. */
export function appIconSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#6aa0ff"/><stop offset="1" stop-color="#2f63d6"/>
    </linearGradient>
  </defs>
  <rect x="16" y="16" width="480" height="480" rx="108" fill="url(#bg)"/>
  <path d="M136 140h240a40 40 0 0 1 40 40v136a40 40 0 0 1-40 40H236l-76 56v-56h-24a40 40 0 0 1-40-40V180a40 40 0 0 1 40-40z" fill="#fff"/>
  <circle cx="256" cy="248" r="62" fill="${ACCENT}"/>
  <circle cx="256" cy="248" r="30" fill="#fff"/>
</svg>`;
}

/** Each state's badge, in the bottom-right quarter of a 32×32 canvas. */
function badge(state: PresenceState): string {
  const ring = (fill: string, inner = '') =>
    `<circle cx="24" cy="24" r="7.5" fill="${fill}" stroke="var(--panel)" stroke-width="2"/>${inner}`;
  switch (state) {
    case 'available':
      return ring('#2fbf71', '<path d="M20.5 24l2.5 2.5 4.5-5" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>');
    case 'in-call':
      return ring(ACCENT, '<path d="M20.5 22.5c1.5 3 3.5 5 6.5 6.5l1.5-1.7-2.2-1.3-1 1c-1.3-.7-2.2-1.6-2.9-2.9l1-1-1.3-2.2z" fill="#fff"/>');
    case 'presenting':
      return ring('#f0883e', '<rect x="19.5" y="20.5" width="9" height="6.5" rx="1" fill="none" stroke="#fff" stroke-width="1.6"/><path d="M24 28v1.5M21.5 29.5h5" stroke="#fff" stroke-width="1.6" stroke-linecap="round"/>');
    case 'muted':
      return ring('#e5484d', '<rect x="22.3" y="19.5" width="3.4" height="6.5" rx="1.7" fill="#fff"/><path d="M20 19.5l8 9" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/>');
    case 'away':
      return ring('#f5b400', '<path d="M24 20v4.3l2.8 1.7" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>');
    case 'do-not-disturb':
      return ring('#e5484d', '<path d="M20.3 24h7.4" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/>');
  }
}

/** A tray icon: the speech-bubble glyph in the panel's contrast colour, with the state's badge. */
export function trayIconSvg(state: PresenceState, theme: PanelTheme): string {
  const glyph = theme === 'dark' ? '#f2f4f8' : '#1b1e25';
  const panel = theme === 'dark' ? '#2b2f38' : '#f2f4f8';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32" style="--panel:${panel}">
  <mask id="cut"><rect width="32" height="32" fill="#fff"/><circle cx="24" cy="24" r="10" fill="#000"/></mask>
  <g mask="url(#cut)">
    <path d="M6 5h20a3 3 0 0 1 3 3v12a3 3 0 0 1-3 3H14l-6 5v-5H6a3 3 0 0 1-3-3V8a3 3 0 0 1 3-3z" fill="${glyph}"/>
    <circle cx="16" cy="14" r="5" fill="${theme === 'dark' ? '#1b1e25' : '#f2f4f8'}"/>
  </g>
  ${badge(state).replaceAll('var(--panel)', 'transparent')}
</svg>`;
}
