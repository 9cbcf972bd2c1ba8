/** How near (screen pixels) the pointer must come to an item to touch it. */
export const HIT_PIXELS = 6;
/** The size (screen pixels) of a selection's corner handles, and how near a press must come to grab one. */
export const HANDLE_PIXELS = 10;
