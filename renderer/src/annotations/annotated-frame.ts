import type { ReadItem } from '../../../shared/board/schema.js';
import { drawAnnotation, paintOrder } from './annotation-render.js';
import type { FrameKeeper } from './frame-keeper.js';

/** The last frame with every mark drawn on it, at the shared resolution, as an object URL of a PNG; null without a frame. */
export async function renderAnnotatedFrame(frames: FrameKeeper, items: Iterable<ReadItem>): Promise<string | null> {
  const frame = frames.lastFrame();
  if (!frame) return null;
  const canvas = document.createElement('canvas');
  canvas.width = frame.width;
  canvas.height = frame.height;
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.drawImage(frame, 0, 0);
  const rect = { x: 0, y: 0, width: frame.width, height: frame.height };
  for (const read of paintOrder(items)) drawAnnotation(context, rect, read);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? URL.createObjectURL(blob) : null;
}
