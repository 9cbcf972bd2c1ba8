import { createContext } from 'react';
import type { HostBridge } from '../../../shared/bridge.js';
import type { AnnotationHost } from './annotation-host.js';

export interface AnnotationContextValue {
  readonly annotations: AnnotationHost;
  readonly bridge: Pick<HostBridge, 'kind' | 'onOverlayContent' | 'announceReady'>;
}

/** Lets a screen tile find the annotations of its share without the call components knowing about them. */
export const AnnotationContext = createContext<AnnotationContextValue | null>(null);
