import { toElement, type NormalizedPoint, type Rect } from '../../../../shared/annotations/frame-mapping.js';
import type { Annotator } from '../annotation-awareness.js';

/** Every other annotator's pointer over the share, with their name. */
export function AnnotatorCursors({ rect, annotators }: { readonly rect: Rect; readonly annotators: readonly Annotator[] }) {
  return annotators
    .filter((annotator) => !annotator.self && annotator.cursor)
    .map((annotator) => {
      const at = toElement(rect, annotator.cursor as NormalizedPoint);
      return (
        <span key={annotator.clientId} className="annotation-cursor" data-testid="annotation-cursor" style={{ left: at.x, top: at.y, color: annotator.color }}>
          <span className="annotation-cursor-name" style={{ background: annotator.color }}>
            {annotator.name}
          </span>
        </span>
      );
    });
}
