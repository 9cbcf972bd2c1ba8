import type { App, Protocol } from 'electron';
import { APP_SCHEME_PRIVILEGES } from './app-protocol.js';

/**
 * What must happen before `ready`: every renderer sandboxed (including any
 * a future edit forgets to configure), and the app:// scheme registered as
 * a secure, standard origin so the page is never served from file://.
 */
export function hardenBeforeReady(app: Pick<App, 'enableSandbox'>, protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}
