export const TEXT_FONT = 'system-ui, sans-serif';
/** Line spacing as a multiple of the font size. */
export const TEXT_LINE_HEIGHT = 1.25;
