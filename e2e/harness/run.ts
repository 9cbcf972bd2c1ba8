// `npm run test:e2e`: builds the app, then runs the end-to-end suites inside
// a private network namespace that has only loopback. Arguments are passed
// to Vitest (a file filter, for example).
import { fileURLToPath } from 'node:url';
import { exitWith, runInPrivateNamespace } from './private-namespace.js';

exitWith(runInPrivateNamespace(fileURLToPath(new URL('./in-namespace.ts', import.meta.url)), process.argv.slice(2)));
