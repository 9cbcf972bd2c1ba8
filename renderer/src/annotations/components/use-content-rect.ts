import { useEffect, useState, type RefObject } from 'react';
import type { Rect } from '../../../../shared/annotations/frame-mapping.js';
import { videoContentRect } from '../annotation-input.js';
import type { FrameKeeper } from '../frame-keeper.js';

/**
 * Where the shared content sits in the layer: from the <video> found beside
 * it in the tile, measured every frame (tiles resize, resolutions change).
 * The video is also handed to the frame keeper while it is there.
 */
export function useContentRect(layerRef: RefObject<HTMLDivElement | null>, frames: FrameKeeper): Rect | null {
  const [rect, setRect] = useState<Rect | null>(null);
  useEffect(() => {
    const layer = layerRef.current;
    let video: HTMLVideoElement | null = null;
    let frame = 0;
    let last = '';
    // A video reports no size for a moment when its source is set again (a new track after a renegotiation):
    // the marks keep the last size instead of blinking out, since the shared content has not moved.
    let frameSize: { width: number; height: number } | null = null;
    const measure = (): void => {
      const found = layer?.parentElement?.querySelector('video') ?? null;
      if (found !== video) {
        if (video) frames.detach(video);
        video = found;
        if (video) frames.attach(video);
      }
      if (video && video.videoWidth > 0 && video.videoHeight > 0) frameSize = { width: video.videoWidth, height: video.videoHeight };
      const next = layer && video && frameSize ? videoContentRect(layer, video, frameSize) : null;
      const key = next ? `${next.x},${next.y},${next.width},${next.height}` : '';
      if (key !== last) {
        last = key;
        setRect(next);
      }
      frame = requestAnimationFrame(measure);
    };
    measure();
    return () => {
      cancelAnimationFrame(frame);
      if (video) frames.detach(video);
    };
  }, [frames, layerRef]);
  return rect;
}
