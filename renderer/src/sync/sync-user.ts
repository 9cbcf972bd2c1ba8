/** Who a peer is to the others: published in awareness beside each document's own fields. */
export interface SyncUser {
  readonly name: string;
  readonly color: string;
}

/** A colour per person, stable across sessions: derived from the name. */
export function colorForName(name: string): string {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + (character.codePointAt(0) ?? 0)) >>> 0;
  const palette = ['#d20f39', '#fe640b', '#df8e1d', '#40a02b', '#179299', '#1e66f5', '#7287fd', '#8839ef', '#ea76cb'];
  return palette[hash % palette.length] as string;
}

export function userNamed(name: string): SyncUser {
  return { name, color: colorForName(name) };
}
