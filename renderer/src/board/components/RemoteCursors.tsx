import { useStore } from 'zustand';
import type { BoardViewStore } from '../board-view-store.js';

/** Other people's pointers, placed from their board coordinates; a few DOM nodes, not part of the canvas. */
export function RemoteCursors({ view }: { view: BoardViewStore }) {
  const peers = useStore(view, (state) => state.peers);
  const camera = useStore(view, (state) => state.camera);
  return (
    <div className="board-cursors" aria-hidden="true">
      {peers.map((peer) =>
        peer.cursor ? (
          <div
            key={peer.clientId}
            className="board-cursor"
            data-testid="board-cursor"
            data-name={peer.name}
            style={{ transform: `translate(${(peer.cursor.x - camera.x) * camera.zoom}px, ${(peer.cursor.y - camera.y) * camera.zoom}px)`, color: peer.color }}
          >
            <svg width="16" height="16" viewBox="0 0 16 16">
              <path d="M1 1 L1 13 L4.5 9.5 L7 15 L9 14 L6.5 8.5 L11 8.5 Z" fill="currentColor" stroke="#ffffff" strokeWidth="1" />
            </svg>
            <span style={{ background: peer.color }}>{peer.name}</span>
          </div>
        ) : null,
      )}
    </div>
  );
}
