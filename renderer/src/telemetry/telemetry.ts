import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import type { CallStore } from '../call/call-store.js';
import { CallTelemetryRecorder } from './call-telemetry.js';
import { createTelemetryStore, recordEvents } from './telemetry-store.js';

/**
 * Records the call's telemetry from its store, and forwards it to an
 * OpenTelemetry collector when one is configured.
 */
export function startCallTelemetry(calls: CallStore, config: RuntimeConfig, host: 'electron' | 'web') {
  const store = createTelemetryStore();
  const recorder = new CallTelemetryRecorder();
  recordEvents(store, recorder.observe(calls.getState(), Date.now()));
  const unsubscribe = calls.subscribe((state) => recordEvents(store, recorder.observe(state, Date.now())));
  const url = config.otlpMetricsUrl;
  // OpenTelemetry's SDK is loaded only where a collector is configured: most pages never need it.
  const stopForwarding = url
    ? import('./otlp-forwarder.js').then(
        ({ startOtlpForwarding }) => startOtlpForwarding(store, { url, host }),
        (error: unknown) => {
          console.warn('Telemetry: the OpenTelemetry exporter could not be loaded', error);
          return null;
        },
      )
    : null;
  return {
    store,
    async stop(): Promise<void> {
      unsubscribe();
      await (await stopForwarding)?.();
    },
  };
}

export type CallTelemetry = ReturnType<typeof startCallTelemetry>;
