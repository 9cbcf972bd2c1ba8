import type { Bounds } from '../../../../shared/board/geometry.js';
import type { PeerAwareness } from '../board-view-store.js';
import type { Scene } from '../scene.js';
import { HANDLE_PIXELS } from '../tools/grab-distances.js';
import { SELECTION_COLOR } from '../tools/select-tool.js';

/** Outlining more of a peer's selection than this costs frames without telling more. */
const MAX_PEER_OUTLINES = 200;

/** This user's selection: its box and the four corner handles that resize it. */
export function paintSelectionBox(context: CanvasRenderingContext2D, bounds: Bounds, zoom: number): void {
  context.strokeStyle = SELECTION_COLOR;
  context.lineWidth = 1 / zoom;
  context.strokeRect(bounds.minX, bounds.minY, bounds.maxX - bounds.minX, bounds.maxY - bounds.minY);
  const handle = HANDLE_PIXELS / zoom;
  context.fillStyle = '#ffffff';
  for (const [x, y] of [
    [bounds.minX, bounds.minY],
    [bounds.maxX, bounds.minY],
    [bounds.minX, bounds.maxY],
    [bounds.maxX, bounds.maxY],
  ] as const) {
    context.fillRect(x - handle / 2, y - handle / 2, handle, handle);
    context.strokeRect(x - handle / 2, y - handle / 2, handle, handle);
  }
}

/** What others have selected, outlined in their colour. */
export function paintPeerSelections(context: CanvasRenderingContext2D, peers: readonly PeerAwareness[], scene: Scene, zoom: number): void {
  for (const peer of peers) {
    context.strokeStyle = peer.color;
    context.lineWidth = 2 / zoom;
    for (const id of peer.selection.slice(0, MAX_PEER_OUTLINES)) {
      const bounds = scene.boundsOf(id);
      if (bounds) context.strokeRect(bounds.minX, bounds.minY, bounds.maxX - bounds.minX, bounds.maxY - bounds.minY);
    }
  }
}
