import { readFile, writeFile } from 'node:fs/promises';

/** Replaces every `@NAME@` in a config template; a placeholder left without a value is an error, not a silent blank. */
export async function renderTemplate(source: string, target: string, values: Readonly<Record<string, string>>): Promise<void> {
  const text = (await readFile(source, 'utf8')).replace(/@([A-Z_]+)@/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`${source}: no value for ${match}`);
    return value;
  });
  await writeFile(target, text, { mode: 0o600 });
}
