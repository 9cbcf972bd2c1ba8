// `npm test`: typecheck, lint, unit tests, end-to-end suites. Every step runs
// even when an earlier one fails, so one CI run shows every problem; the last
// line totals the tests of both Vitest projects.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BUILD_DIRECTORY, PROJECT_ROOT } from './launch-environment.js';

const RESULTS = path.join(BUILD_DIRECTORY, 'test-results');
const bin = (name: string): string => path.join(PROJECT_ROOT, 'node_modules/.bin', name);

const steps: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['typecheck', bin('tsc'), ['-b']],
  ['lint', bin('eslint'), ['.']],
  ['unit', bin('vitest'), ['run', '--project', 'unit', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(RESULTS, 'unit.json')}`]],
  ['e2e', process.execPath, ['--import', 'tsx', 'e2e/harness/run.ts']],
];

/** The totals Vitest's JSON reporter writes. */
const VitestReportSchema = z.object({ numPassedTests: z.number(), numFailedTests: z.number(), numPendingTests: z.number() });

function readReport(name: string): z.infer<typeof VitestReportSchema> | null {
  try {
    return VitestReportSchema.parse(JSON.parse(readFileSync(path.join(RESULTS, `${name}.json`), 'utf8')));
  } catch {
    return null;
  }
}

rmSync(RESULTS, { recursive: true, force: true });
const failedSteps: string[] = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: 'inherit' });
  if (result.status !== 0) failedSteps.push(name);
}

const reports = ['unit', 'e2e'].map(readReport);
const passed = reports.reduce((sum, report) => sum + (report?.numPassedTests ?? 0), 0);
// A suite that produced no report counts as a failure, never as zero tests passed.
const failed = reports.reduce((sum, report) => sum + (report ? report.numFailedTests : 1), 0);
const skipped = reports.reduce((sum, report) => sum + (report?.numPendingTests ?? 0), 0);
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || passed === 0 ? 1 : 0);
