import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The renderer's feature folders and how they import each other, read from
 * the source itself (type-only imports included: they couple as much).
 * Top-level folders of the source root are features; files directly in it
 * (main.tsx) and the meeting points (app/) compose features and may import
 * any feature's components.
 */

export interface FeatureImport {
  /** The importing file, relative to the source root. */
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly from: string;
  readonly to: string;
  /** The imported module lies in a `components/` folder of its feature. */
  readonly components: boolean;
}

export interface BoundaryReport {
  /** Groups of features that reach each other through imports, each with the imports that close the loop. */
  readonly cycles: ReadonlyArray<{ readonly features: readonly string[]; readonly imports: readonly FeatureImport[] }>;
  /** Imports of another feature's components from outside the meeting points. */
  readonly componentImports: readonly FeatureImport[];
}

const SOURCE_FILE = /\.(ts|tsx)$/;

function sourceFiles(root: string, folder = ''): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, relative);
    return SOURCE_FILE.test(entry.name) ? [relative] : [];
  });
}

/** Every relative import that leaves its feature for another one under the same root. */
export function readFeatureImports(root: string): FeatureImport[] {
  const imports: FeatureImport[] = [];
  for (const file of sourceFiles(root)) {
    const [from, ...rest] = file.split('/');
    if (!from || rest.length === 0) continue;
    const text = readFileSync(path.join(root, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
    for (const { fileName: specifier, pos } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!specifier.startsWith('.')) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      const [to, ...inside] = target.split('/');
      if (!to || to === '..' || inside.length === 0 || to === from) continue;
      const line = source.getLineAndCharacterOfPosition(pos).line + 1;
      imports.push({ file, line, specifier, from, to, components: inside.slice(0, -1).includes('components') });
    }
  }
  return imports;
}

/** Strongly connected groups of more than one feature (Tarjan's algorithm). */
function stronglyConnected(edges: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      group.push(member);
    } while (member !== node);
    if (group.length > 1) groups.push(group.sort());
  };
  for (const node of [...edges.keys()].sort()) if (!index.has(node)) visit(node);
  return groups;
}

/**
 * Cycles between features, meeting points included (a loop through app/ is
 * still a loop), and imports of another feature's components anywhere but
 * in the meeting points and the root's own files.
 */
export function checkFeatureBoundaries(root: string, meetingPoints: readonly string[] = ['app']): BoundaryReport {
  const imports = readFeatureImports(root);
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)?.add(to);
  }
  const cycles = stronglyConnected(edges).map((features) => ({
    features,
    imports: imports.filter(({ from, to }) => features.includes(from) && features.includes(to)),
  }));
  const componentImports = imports.filter(({ from, components }) => components && !meetingPoints.includes(from));
  return { cycles, componentImports };
}

/** One line per import, for a failure message that says where to look. */
export function describeImport({ file, line, specifier }: FeatureImport): string {
  return `${file}:${line} imports ${specifier}`;
}
