import { createContext, type ComponentType } from 'react';
import type { ShareAnnotations } from './share-annotations.js';

export interface AnnotationContextValue {
  readonly annotations: ShareAnnotations;
  /**
   * Where there is no overlay window (the web build), the presenter sees the
   * overlay's content over their own preview. It is the overlay's own view,
   * handed in where features meet (main.tsx) so that annotations neither copy
   * nor import it; null where the overlay window shows it.
   */
  readonly OverlayPreview: ComponentType<{ readonly className: string }> | null;
}

/** Lets a screen tile find the annotations of its share without the call components knowing about them. */
export const AnnotationContext = createContext<AnnotationContextValue | null>(null);
