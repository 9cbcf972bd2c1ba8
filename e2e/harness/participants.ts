import { afterAll, beforeAll } from 'vitest';
import { launchParticipant, type Participant } from './browser.js';

/**
 * One Chromium per name for the whole file, launched before its tests and
 * closed after them; their console errors are printed at the end, where a
 * failed test's output is read.
 */
export function useParticipants(names: readonly string[], viewport = { width: 1280, height: 800 }): Participant[] {
  const people: Participant[] = [];
  beforeAll(async () => {
    people.push(...(await Promise.all(names.map((name) => launchParticipant(name, viewport)))));
  });
  afterAll(async () => {
    const problems = people.flatMap((person) => person.problems);
    await Promise.all(people.map((person) => person.close()));
    if (problems.length > 0) console.warn(problems.join('\n'));
  });
  return people;
}
