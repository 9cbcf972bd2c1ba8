import { createContext } from 'react';
import type { ShellBridge } from '../../../shared/bridge.js';
import type { AnnotationHost } from './annotation-host.js';

export interface AnnotationContextValue {
  readonly annotations: AnnotationHost;
  readonly bridge: Pick<ShellBridge, 'kind' | 'onOverlayContent' | 'announceReady'>;
}

/** Lets a screen tile find the annotations of its share without the call components knowing about them. */
export const AnnotationContext = createContext<AnnotationContextValue | null>(null);
