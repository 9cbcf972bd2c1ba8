import { useEffect, useState } from 'react';
import type { HostBridge } from '../../../shared/bridge.js';
import { EMPTY_OVERLAY, type OverlayContent } from '../../../shared/desktop/overlay.js';
import './overlay.css';

/**
 * The presenter overlay's page: a transparent sheet over the shared display
 * that draws what the call window sends. Points are normalised to the
 * display, so the drawing fits whatever size the window has.
 */
export function OverlayView({ host }: { readonly host: Pick<HostBridge, 'onOverlayContent' | 'announceReady'> }) {
  const [content, setContent] = useState<OverlayContent>(EMPTY_OVERLAY);
  useEffect(() => {
    const stop = host.onOverlayContent(setContent);
    void host.announceReady();
    return stop;
  }, [host]);
  return (
    <svg className="overlay" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
      {content.strokes.map((stroke, index) => (
        <polyline
          key={index}
          points={stroke.points.map(([x, y]) => `${x},${y}`).join(' ')}
          fill="none"
          stroke={stroke.color}
          strokeWidth={stroke.width}
          strokeLinecap="round"
          strokeLinejoin="round"
          vectorEffect="non-scaling-stroke"
        />
      ))}
    </svg>
  );
}
