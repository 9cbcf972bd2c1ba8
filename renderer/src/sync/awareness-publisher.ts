import type { Awareness } from 'y-protocols/awareness';

/** Sets one field of this peer's awareness state. */
export type AwarenessField<T> = (value: T) => void;

export interface AwarenessPublisher {
  /**
   * A field sent at most once per `intervalMs`, with the latest value, and
   * never dropping the last one; with 0 every value is sent at once.
   */
  field<T>(name: string, intervalMs: number): AwarenessField<T>;
  /** Drops what still waits; nothing is sent afterwards. */
  destroy(): void;
}

/**
 * The one throttle for what a peer publishes about itself (cursors,
 * viewports, laser trails): awareness updates are relayed by every peer of
 * the mesh, so each field is rate-limited on its own.
 */
export function createAwarenessPublisher(awareness: Awareness): AwarenessPublisher {
  const cancels = new Set<() => void>();
  let destroyed = false;
  return {
    field<T>(name: string, intervalMs: number): AwarenessField<T> {
      let last = 0;
      let timer: ReturnType<typeof setTimeout> | null = null;
      let pending: { value: T } | null = null;
      const fire = (): void => {
        timer = null;
        if (!pending || destroyed) return;
        last = Date.now();
        const { value } = pending;
        pending = null;
        awareness.setLocalStateField(name, value);
      };
      cancels.add(() => {
        if (timer) clearTimeout(timer);
        timer = null;
        pending = null;
      });
      return (value) => {
        if (destroyed) return;
        pending = { value };
        if (timer) return;
        const wait = intervalMs - (Date.now() - last);
        if (wait <= 0) fire();
        else timer = setTimeout(fire, wait);
      };
    },
    destroy() {
      destroyed = true;
      for (const cancel of cancels) cancel();
      cancels.clear();
    },
  };
}
