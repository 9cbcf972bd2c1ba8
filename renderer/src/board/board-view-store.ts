import { createStore } from 'zustand/vanilla';
import type { Tool } from '../../../shared/board/schema.js';
import type { LiveStroke } from './live-strokes.js';

export interface Camera {
  /** Board coordinate at the canvas's top-left corner. */
  readonly x: number;
  readonly y: number;
  /** Screen pixels per board unit. */
  readonly zoom: number;
}

export interface PeerAwareness {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
  readonly cursor: { readonly x: number; readonly y: number } | null;
  readonly viewport: { readonly x: number; readonly y: number; readonly width: number; readonly height: number } | null;
  readonly selection: readonly string[];
  /** The stroke they are drawing now, before it is in the document. */
  readonly drawing: LiveStroke | null;
}

export interface BoardViewState {
  readonly tool: Tool;
  readonly color: string;
  readonly width: number;
  readonly camera: Camera;
  /** Canvas size in CSS pixels. */
  readonly size: { readonly width: number; readonly height: number };
  readonly selection: readonly string[];
  readonly peers: readonly PeerAwareness[];
  /** The peer whose viewport this view follows. */
  readonly following: number | null;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly itemCount: number;
  /** Where a text being typed will go, in board coordinates. */
  readonly textDraft: { readonly x: number; readonly y: number } | null;
  readonly notice: string | null;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 32;
export const PALETTE = ['#1f1f1f', '#d20f39', '#fe640b', '#df8e1d', '#40a02b', '#1e66f5', '#8839ef', '#ea76cb', '#ffffff'] as const;
export const WIDTHS = [1, 2, 4, 8, 16, 32] as const;

export function createBoardViewStore() {
  return createStore<BoardViewState>()(() => ({
    tool: 'pen',
    color: PALETTE[0],
    width: 4,
    camera: { x: 0, y: 0, zoom: 1 },
    size: { width: 0, height: 0 },
    selection: [],
    peers: [],
    following: null,
    canUndo: false,
    canRedo: false,
    itemCount: 0,
    textDraft: null,
    notice: null,
  }));
}
export type BoardViewStore = ReturnType<typeof createBoardViewStore>;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}
