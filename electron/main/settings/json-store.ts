import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

export type StoreLoadOutcome =
  | { readonly kind: 'loaded' }
  | { readonly kind: 'created' }
  /** The file was unreadable as settings: it was moved to `keptAt` and defaults were written. */
  | { readonly kind: 'recovered'; readonly keptAt: string; readonly problem: string };

export interface JsonStore<T> {
  get(): T;
  /** Applies a change, validates the result and writes it (atomically, writes in order). */
  update(change: (current: T) => T): Promise<T>;
  readonly path: string;
}

/** Moves a bad file aside under a name that sorts by time and never overwrites an earlier one. */
function corruptCopyPath(filePath: string, now: Date): string {
  const { dir, name, ext } = path.parse(filePath);
  return path.join(dir, `${name}.corrupt-${now.toISOString().replaceAll(':', '-')}${ext}`);
}

async function writeAtomically(filePath: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, filePath);
}

/**
 * A JSON file validated by a schema. A missing file starts from defaults;
 * a corrupt one (not JSON, or failing the schema) is kept beside it for the
 * user or support to inspect, and replaced with defaults: never lost, never
 * half-applied.
 */
export async function openJsonStore<S extends z.ZodType>(
  filePath: string,
  schema: S,
  options: { readonly now?: () => Date } = {},
): Promise<{ store: JsonStore<z.output<S>>; outcome: StoreLoadOutcome }> {
  const defaults = schema.parse({}) as z.output<S>;
  let value = defaults;
  let outcome: StoreLoadOutcome;
  let text: string | null = null;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text === null) {
    outcome = { kind: 'created' };
    await writeAtomically(filePath, defaults);
  } else {
    let problem: string | null = null;
    try {
      const parsed = schema.safeParse(JSON.parse(text));
      if (parsed.success) value = parsed.data as z.output<S>;
      else problem = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`).join('; ');
    } catch (error) {
      problem = `not JSON: ${(error as Error).message}`;
    }
    if (problem === null) {
      outcome = { kind: 'loaded' };
    } else {
      const keptAt = corruptCopyPath(filePath, options.now?.() ?? new Date());
      await rename(filePath, keptAt);
      await writeAtomically(filePath, defaults);
      outcome = { kind: 'recovered', keptAt, problem };
    }
  }

  let writes = Promise.resolve();
  const store: JsonStore<z.output<S>> = {
    path: filePath,
    get: () => value,
    update(change) {
      const next = schema.parse(change(value)) as z.output<S>;
      value = next;
      const write = writes.then(() => writeAtomically(filePath, next));
      writes = write.catch(() => undefined);
      return write.then(() => next);
    },
  };
  return { store, outcome };
}
