import type { RuntimeConfig } from '../../../shared/config/runtime-config.js';
import { redactSecrets } from '../../../shared/diagnostics/redact.js';
import type { DiagnosticsBundle, TelemetryEvent } from '../../../shared/diagnostics/telemetry-events.js';

export interface BundleInput {
  readonly host: 'electron' | 'web';
  readonly userAgent: string;
  readonly room: string | null;
  readonly config: RuntimeConfig;
  readonly events: readonly TelemetryEvent[];
  readonly now: Date;
}

/** The bundle a user attaches to a bug report: configuration and events, with every secret redacted. */
export function buildDiagnosticsBundle(input: BundleInput): DiagnosticsBundle {
  return redactSecrets({
    format: 'confer-diagnostics/1',
    exportedAt: input.now.toISOString(),
    app: { host: input.host, userAgent: input.userAgent },
    room: input.room,
    configuration: input.config,
    events: input.events,
  }) as DiagnosticsBundle; // redaction keeps the shape; only secret values change
}

export function diagnosticsFileName(now: Date): string {
  return `confer-diagnostics-${now.toISOString().replace(/[:.]/g, '-')}.json`;
}
