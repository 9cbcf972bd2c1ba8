import { describe, expect, test } from 'vitest';
import { deflate, inflate } from './deflate.js';

describe('deflate', () => {
  test('bytes come back as they were, smaller on the way', async () => {
    const bytes = new TextEncoder().encode('{"type":"stroke","tool":"pen"}'.repeat(2000));
    const packed = await deflate(bytes);
    expect(packed.length).toBeLessThan(bytes.length / 10);
    expect(Buffer.compare(Buffer.from((await inflate(packed, bytes.length)) as Uint8Array), Buffer.from(bytes))).toBe(0);
  });

  test('a small input that inflates past the bound is refused', async () => {
    const packed = await deflate(new Uint8Array(8 * 1024 * 1024));
    expect(packed.length).toBeLessThan(16 * 1024);
    expect(await inflate(packed, 1024 * 1024)).toBeNull();
  });

  test('corrupt data is refused, not thrown', async () => {
    expect(await inflate(new Uint8Array([0xff, 0xff, 0xff, 0x00, 0x12]), 1024)).toBeNull();
  });
});
