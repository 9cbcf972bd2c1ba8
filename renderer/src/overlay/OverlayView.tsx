import { useEffect, useState } from 'react';
import type { ShellBridge } from '../../../shared/bridge.js';
import { EMPTY_OVERLAY, type OverlayContent } from '../../../shared/desktop/overlay.js';
import './overlay.css';

/**
 * The presenter overlay's page: a transparent sheet over the shared display
 * that draws what the call window sends. Points are normalised to the
 * display, so the drawing fits whatever size the window has.
 */
export function OverlayView({ bridge, className = 'overlay' }: { readonly bridge: Pick<ShellBridge, 'onOverlayContent' | 'announceReady'>; readonly className?: string }) {
  const [content, setContent] = useState<OverlayContent>(EMPTY_OVERLAY);
  useEffect(() => {
    const stop = bridge.onOverlayContent(setContent);
    void bridge.announceReady();
    return stop;
  }, [bridge]);
  return (
    <div className={className} data-testid="overlay-content" data-content={JSON.stringify(content)} aria-hidden="true">
      <svg className="overlay-sheet" viewBox="0 0 1 1" preserveAspectRatio="none">
        {content.strokes.map((stroke, index) => (
          <polyline
            key={index}
            points={stroke.points.map(([x, y]) => `${x},${y}`).join(' ')}
            fill="none"
            stroke={stroke.color}
            strokeWidth={stroke.width}
            strokeOpacity={stroke.opacity ?? 1}
            strokeLinecap="round"
            strokeLinejoin="round"
            vectorEffect="non-scaling-stroke"
          />
        ))}
      </svg>
      {/* Text outside the stretched SVG, so that glyphs keep their shape. */}
      {content.texts?.map((mark, index) => (
        <span key={index} className="overlay-text" style={{ left: `${mark.at[0] * 100}%`, top: `${mark.at[1] * 100}%`, color: mark.color, fontSize: mark.size }}>
          {mark.text}
        </span>
      ))}
    </div>
  );
}
