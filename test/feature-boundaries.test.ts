import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkFeatureBoundaries, describeImport, type BoundaryReport } from './feature-boundaries.js';

const RENDERER_SOURCE = fileURLToPath(new URL('../renderer/src', import.meta.url));
const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/feature-boundaries/${name}`, import.meta.url));

/** The report as readable lines, so that a failure names the imports to change. */
function cycleLines(report: BoundaryReport): string[] {
  return report.cycles.map(({ features, imports }) => `${features.join(' ⇄ ')}: ${imports.map(describeImport).join('; ')}`);
}

describe("the renderer's feature folders", () => {
  const report = checkFeatureBoundaries(RENDERER_SOURCE);

  test('import each other in no cycle', () => {
    expect(cycleLines(report)).toEqual([]);
  });

  test("import no other feature's components: those meet in app/", () => {
    expect(report.componentImports.map(describeImport)).toEqual([]);
  });
});

describe('the feature-boundary check', () => {
  test('finds two features that import each other, type-only imports included', () => {
    const { cycles } = checkFeatureBoundaries(fixture('two-feature-cycle'));
    expect(cycles.map((cycle) => cycle.features)).toEqual([['alpha', 'beta']]);
    expect(cycles[0]?.imports.map(describeImport)).toEqual(['alpha/alpha-model.ts:1 imports ../beta/beta-model.js', 'beta/beta-model.ts:1 imports ../alpha/alpha-model.js']);
  });

  test('finds a cycle through three features, closed by a re-export and a dynamic import', () => {
    const { cycles } = checkFeatureBoundaries(fixture('three-feature-cycle'));
    expect(cycles.map((cycle) => cycle.features)).toEqual([['alpha', 'beta', 'gamma']]);
  });

  test('finds a cycle through app/: a meeting point may import features, not be imported back', () => {
    const { cycles } = checkFeatureBoundaries(fixture('meeting-point-cycle'));
    expect(cycles.map((cycle) => cycle.features)).toEqual([['alpha', 'app']]);
  });

  test("finds a feature importing another feature's components", () => {
    const { componentImports, cycles } = checkFeatureBoundaries(fixture('components-import'));
    expect(componentImports.map(describeImport)).toEqual(['alpha/alpha-logic.ts:1 imports ../beta/components/BetaView.js']);
    expect(cycles).toEqual([]);
  });

  test("accepts one-way imports, a feature's own components, and app/ and main.tsx composing any components", () => {
    expect(checkFeatureBoundaries(fixture('clean'))).toEqual({ cycles: [], componentImports: [] });
  });
});
