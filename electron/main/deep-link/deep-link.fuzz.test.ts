import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deepLinkSentence, SHELL_MESSAGES } from '../../../shared/desktop/shell-messages.js';
import { DeepLinkJoinSchema } from '../../../shared/desktop/deep-link.js';
import { parseDeepLink } from './deep-link.js';

/** Pieces a hostile link is made of: schemes, hosts, traversal, encodings, control and bidi characters. */
const piece = fc.constantFrom(
  'confer://',
  'confer:',
  'CONFER://JOIN/',
  'join/',
  'https://',
  'javascript:alert(1)',
  '../',
  '..%2f',
  '%00',
  '%',
  '%zz',
  '?server=',
  '&server=',
  'https://evil.example',
  'file:///etc/passwd',
  '#',
  '@',
  'user:pass@',
  '\u0000',
  '\u202e',
  '\n',
  ' ',
  '/',
  'room',
  'x'.repeat(300),
);
const link = fc.oneof(fc.string(), fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')), fc.string().map((room) => `confer://join/${room}`));

describe('deep links from anywhere', () => {
  test('any string is either a valid join or a sentence saying why not; parsing never throws', () => {
    fc.assert(
      fc.property(link, (raw) => {
        const result = parseDeepLink(raw);
        if (result.ok) {
          expect(DeepLinkJoinSchema.safeParse(result.link).success).toBe(true);
          expect(raw.toLowerCase().startsWith('confer://join/')).toBe(true);
        } else {
          expect(deepLinkSentence(SHELL_MESSAGES.en.badLink, result.problem)).toMatch(/\S.*\.$/);
          expect(deepLinkSentence(SHELL_MESSAGES.de.badLink, result.problem)).toMatch(/\S.*\.$/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test.each([
    ['another scheme', 'https://join/room'],
    ['a path traversal', 'confer://join/..%2f..%2fetc'],
    ['two rooms', 'confer://join/a/b'],
    ['an unknown parameter', 'confer://join/room?exec=calc'],
    ['a script server', 'confer://join/room?server=javascript:alert(1)'],
    ['credentials', 'confer://user:pass@join/room'],
    ['a huge link', `confer://join/${'a'.repeat(100_000)}`],
    ['bad percent-encoding', 'confer://join/%E0%A4%A'],
    ['nothing', ''],
    ['a leading control character', '\u0000confer://join/room'],
    ['a tab inside the scheme', 'con\tfer://join/room'],
    ['a newline inside the room', 'confer://join/ro\nom'],
    ['a leading space', ' confer://join/room'],
  ])('%s is refused with a reason', (_label, raw) => {
    const result = parseDeepLink(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(deepLinkSentence(SHELL_MESSAGES.en.badLink, result.problem).length).toBeGreaterThan(10);
  });
});
