import type { HostBridge, PreloadBridge } from '../../../shared/bridge.js';
import { RuntimeConfigSchema } from '../../../shared/config/runtime-config.js';
import { IpcError, IpcErrorReason, type IpcResult } from '../../../shared/ipc/result.js';
import type { z } from 'zod';

/** Unwraps a bridge result and checks the value again: the page trusts nothing it did not validate. */
async function unwrap<S extends z.ZodType>(call: Promise<IpcResult<unknown>>, schema: S): Promise<z.output<S>> {
  const result = await call;
  if (!result.ok) throw new IpcError(result.error);
  const parsed = schema.safeParse(result.value);
  if (!parsed.success) throw new IpcError({ reason: IpcErrorReason.invalidResponse, message: 'bridge returned an invalid value' });
  return parsed.data;
}

export function createElectronHost(preload: PreloadBridge): HostBridge {
  return {
    kind: 'electron',
    getRuntimeConfig: () => unwrap(preload.getRuntimeConfig({}), RuntimeConfigSchema),
  };
}
