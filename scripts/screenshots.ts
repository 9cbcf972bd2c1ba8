// `npm run screenshots [folder]`: builds the app, then, inside the same
// private network namespace as the end-to-end tests, starts the real stack and
// the web build and writes screenshots of the lobby and a call (default
// folder: docs/screenshots/).
import { fileURLToPath } from 'node:url';
import { exitWith, runInPrivateNamespace } from '../e2e/harness/private-namespace.js';

exitWith(runInPrivateNamespace(fileURLToPath(new URL('./screenshots-in-namespace.ts', import.meta.url)), process.argv.slice(2)));
