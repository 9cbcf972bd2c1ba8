import type { HostBridge } from '../../../shared/bridge.js';
import { RuntimeConfigSchema } from '../../../shared/config/runtime-config.js';

/** Where the web server publishes the runtime configuration, beside the page. */
export const WEB_CONFIG_PATH = 'config.json';

/** The same bridge for a plain browser tab: configuration from the serving host. */
export function createWebHost(baseUrl: string): HostBridge {
  return {
    kind: 'web',
    async getRuntimeConfig() {
      const response = await fetch(new URL(WEB_CONFIG_PATH, baseUrl), { cache: 'no-store' });
      if (!response.ok) throw new Error(`The server has no configuration for Confer (${response.status})`);
      const parsed = RuntimeConfigSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error('The server’s configuration for Confer is invalid');
      return parsed.data;
    },
  };
}
