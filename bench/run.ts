// `npm run bench`: builds the app, then runs every bench/*.bench.ts inside a
// private network namespace, prints the figures, and writes JSON and a
// Markdown report with SVG charts to bench/results/. Arguments filter suites
// by name.
import { fileURLToPath } from 'node:url';
import { exitWith, runInPrivateNamespace } from '../e2e/harness/private-namespace.js';

exitWith(runInPrivateNamespace(fileURLToPath(new URL('./harness/in-namespace.ts', import.meta.url)), process.argv.slice(2)));
