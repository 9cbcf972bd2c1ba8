import type { TileRole } from '../media/simulcast.js';

/** What fills the stage: everyone the same size, one person or share large, or the room's whiteboard large. */
export type CallLayout = 'grid' | 'speaker' | 'whiteboard';

/** One thing the stage shows. Remote tiles carry the role that picks their simulcast layer. */
export type StageItem =
  | { readonly kind: 'remote'; readonly feedId: string; readonly role: TileRole }
  | { readonly kind: 'self' }
  | { readonly kind: 'local-screen' }
  | { readonly kind: 'board' };

export interface StageInput {
  readonly layout: CallLayout;
  /** Remote people (camera feeds), in display order. */
  readonly people: readonly string[];
  /** Remote screen shares that publish, in display order. */
  readonly screens: readonly string[];
  readonly activeSpeakerId: string | null;
  /** We share a screen ourselves. */
  readonly sharingLocally: boolean;
  /** The stage is wide enough to show a share and the whiteboard side by side. */
  readonly wide: boolean;
}

/** A grid of equal tiles, or a focus: one or two large items on the stage and the rest as a strip. */
export type StagePlan =
  | { readonly kind: 'grid'; readonly tiles: readonly StageItem[] }
  | { readonly kind: 'focus'; readonly main: readonly StageItem[]; readonly strip: readonly StageItem[] };

/** Below this stage width a share and the whiteboard side by side would each be too small to read. */
export const WIDE_STAGE_PX = 1200;

const remote = (feedId: string, role: TileRole): StageItem => ({ kind: 'remote', feedId, role });

/** The speaker view's main feed: a share first, then the one talking, then the first person. */
function speakerFeed(input: StageInput): string | undefined {
  const { screens, people, activeSpeakerId } = input;
  return screens[0] ?? (activeSpeakerId !== null && people.includes(activeSpeakerId) ? activeSpeakerId : people[0]);
}

/** Everyone but what is already on the stage, as thumbnails: ourselves first, then shares, then people. */
function strip(input: StageInput, shown: ReadonlySet<string>, selfShown: boolean, localScreenShown: boolean): StageItem[] {
  const items: StageItem[] = selfShown ? [] : [{ kind: 'self' }];
  for (const id of [...input.screens, ...input.people]) if (!shown.has(id)) items.push(remote(id, 'thumbnail'));
  if (input.sharingLocally && !localScreenShown) items.push({ kind: 'local-screen' });
  return items;
}

function whiteboardPlan(input: StageInput): StagePlan {
  const share = input.screens[0];
  // On a wide stage the share sits beside the board, so people can draw while they look at it.
  if (input.wide && share !== undefined) return { kind: 'focus', main: [remote(share, 'screen'), { kind: 'board' }], strip: strip(input, new Set([share]), false, false) };
  if (input.wide && input.sharingLocally) return { kind: 'focus', main: [{ kind: 'local-screen' }, { kind: 'board' }], strip: strip(input, new Set(), false, true) };
  return { kind: 'focus', main: [{ kind: 'board' }], strip: strip(input, new Set(), false, false) };
}

/**
 * Which tiles go where. Grid: shares first, then ourselves, then people.
 * Speaker: a share, else the active speaker, fills the stage. Whiteboard:
 * the board fills the stage, with a share beside it on a wide stage.
 */
export function planStage(input: StageInput): StagePlan {
  if (input.layout === 'whiteboard') return whiteboardPlan(input);
  if (input.layout === 'grid') {
    const tiles: StageItem[] = [...input.screens.map((id) => remote(id, 'screen')), { kind: 'self' }, ...input.people.map((id) => remote(id, 'grid'))];
    if (input.sharingLocally) tiles.push({ kind: 'local-screen' });
    return { kind: 'grid', tiles };
  }
  const main = speakerFeed(input);
  if (main === undefined) return { kind: 'focus', main: [{ kind: 'self' }], strip: strip(input, new Set(), true, false) };
  const role: TileRole = input.screens.includes(main) ? 'screen' : 'speaker';
  return { kind: 'focus', main: [remote(main, role)], strip: strip(input, new Set([main]), false, false) };
}

/** The layout the layout button (and L) switches to: grid and speaker view take turns; the whiteboard gives way to the grid. */
export function nextLayout(current: CallLayout): CallLayout {
  return current === 'grid' ? 'speaker' : 'grid';
}

export interface Box {
  readonly width: number;
  readonly height: number;
}

export interface GridFit {
  readonly columns: number;
  readonly rows: number;
  /** Each tile's size in CSS pixels, at the aspect ratio asked for. */
  readonly tileWidth: number;
  readonly tileHeight: number;
}

/**
 * Columns and rows for `count` tiles of one aspect ratio (width / height) in
 * a box, with `gap` pixels between tiles: the arrangement whose tiles are
 * largest. Ties go to fewer columns, which keeps rows full.
 */
export function fitGrid(count: number, aspect: number, box: Box, gap: number): GridFit {
  if (count <= 0 || box.width <= 0 || box.height <= 0 || !(aspect > 0)) return { columns: 0, rows: 0, tileWidth: 0, tileHeight: 0 };
  let best: GridFit = { columns: 1, rows: count, tileWidth: 0, tileHeight: 0 };
  for (let columns = 1; columns <= count; columns += 1) {
    const rows = Math.ceil(count / columns);
    const cellWidth = (box.width - gap * (columns - 1)) / columns;
    const cellHeight = (box.height - gap * (rows - 1)) / rows;
    if (cellWidth <= 0 || cellHeight <= 0) continue;
    const tileWidth = Math.min(cellWidth, cellHeight * aspect);
    if (tileWidth > best.tileWidth + 1e-9) best = { columns, rows, tileWidth, tileHeight: tileWidth / aspect };
  }
  return { ...best, tileWidth: Math.floor(best.tileWidth), tileHeight: Math.floor(best.tileHeight) };
}

/** The whiteboard button (and W): the board onto the stage, or back to the grid. */
export function toggleWhiteboard(current: CallLayout): CallLayout {
  return current === 'whiteboard' ? 'grid' : 'whiteboard';
}
