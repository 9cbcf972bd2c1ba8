import { describe, expect, test } from 'vitest';
import { createEnvelopeReassembler, decodeEnvelope, encodeEnvelope, ENVELOPE_KIND, fragmentEnvelope, type Envelope } from './envelope.js';

const base = { from: 'feed-a', kind: ENVELOPE_KIND.peerMessage, doc: 'confer-board:room', to: '' } as const;

describe('call document envelopes', () => {
  test('round-trip every field', () => {
    const envelope: Envelope = { ...base, kind: ENVELOPE_KIND.pull, to: 'feed-b', more: true, payload: new Uint8Array([1, 2, 3]) };
    expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual(envelope);
  });

  test.each([
    ['nothing', new Uint8Array()],
    ['another version', encodeEnvelope({ ...base, more: false, payload: new Uint8Array() }).map((byte, index) => (index === 0 ? 9 : byte))],
    ['a truncated message', encodeEnvelope({ ...base, more: false, payload: new Uint8Array(10) }).slice(0, -3)],
    ['trailing bytes', new Uint8Array([...encodeEnvelope({ ...base, more: false, payload: new Uint8Array(1) }), 0])],
    ['an unknown kind', encodeEnvelope({ ...base, kind: 42 as never, more: false, payload: new Uint8Array() })],
    ['no sender', encodeEnvelope({ ...base, from: '', more: false, payload: new Uint8Array() })],
    ['an overlong name', encodeEnvelope({ ...base, doc: 'x'.repeat(300), more: false, payload: new Uint8Array() })],
    ['a text chat message', new TextEncoder().encode('{"type":"chat"}')],
  ])('%s is not an envelope', (_label, bytes) => {
    expect(decodeEnvelope(bytes)).toBeNull();
  });

  test('a long payload is cut into envelopes below the limit and rebuilt whole', () => {
    const payload = Uint8Array.from({ length: 2500 }, (_, index) => index % 251);
    const frames = fragmentEnvelope({ ...base, payload }, 1000);
    expect(frames).toHaveLength(3);
    const reassembler = createEnvelopeReassembler(10_000);
    const results = frames.map((frame) => reassembler.push(decodeEnvelope(frame) as Envelope));
    expect(results.slice(0, 2).map((result) => result.kind)).toEqual(['partial', 'partial']);
    expect(results[2]).toEqual({ kind: 'message', envelope: { ...base, more: false, payload } });
  });

  test("senders' fragments are kept apart, and a message past the bound is refused", () => {
    const reassembler = createEnvelopeReassembler(1500);
    const fromA = fragmentEnvelope({ ...base, payload: new Uint8Array(1200) }, 1000).map((frame) => decodeEnvelope(frame) as Envelope);
    const fromB = fragmentEnvelope({ ...base, from: 'feed-b', payload: new Uint8Array(1800) }, 1000).map((frame) => decodeEnvelope(frame) as Envelope);
    expect(reassembler.push(fromA[0] as Envelope).kind).toBe('partial');
    expect(reassembler.push(fromB[0] as Envelope).kind).toBe('partial');
    expect(reassembler.push(fromA[1] as Envelope).kind).toBe('message');
    expect(reassembler.push(fromB[1] as Envelope)).toEqual({ kind: 'refused', reason: 'too large' });
  });

  test('a fragment that does not continue its sender\u2019s message is refused', () => {
    const reassembler = createEnvelopeReassembler(10_000);
    const [first] = fragmentEnvelope({ ...base, payload: new Uint8Array(1200) }, 1000).map((frame) => decodeEnvelope(frame) as Envelope);
    reassembler.push(first as Envelope);
    expect(reassembler.push({ ...base, doc: 'confer-board:other', more: false, payload: new Uint8Array(1) })).toEqual({ kind: 'refused', reason: 'interleaved fragments' });
  });
});
