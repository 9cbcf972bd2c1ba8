import { describe, expect, test } from 'vitest';
import { inboundRates, qualityOf } from './network-quality.js';

describe('qualityOf', () => {
  test('is unknown before anything is measured', () => {
    expect(qualityOf({})).toBe('unknown');
  });
  test('a clean loopback link is good', () => {
    expect(qualityOf({ rttMs: 1, lossFraction: 0, jitterMs: 2, availableBitrateBps: 2_000_000 })).toBe('good');
  });
  test('takes the worst metric', () => {
    expect(qualityOf({ rttMs: 10, lossFraction: 0.03 })).toBe('fair');
    expect(qualityOf({ rttMs: 400, lossFraction: 0 })).toBe('poor');
    expect(qualityOf({ jitterMs: 60 })).toBe('poor');
    expect(qualityOf({ rttMs: 10, availableBitrateBps: 100_000 })).toBe('poor');
    expect(qualityOf({ availableBitrateBps: 300_000 })).toBe('fair');
  });
});

describe('inboundRates', () => {
  test('needs two readings', () => {
    expect(inboundRates(undefined, { timestampMs: 0, packetsReceived: 10, packetsLost: 0, bytesReceived: 100 })).toEqual({});
  });
  test('computes loss and bitrate between readings', () => {
    const rates = inboundRates(
      { timestampMs: 1000, packetsReceived: 100, packetsLost: 0, bytesReceived: 0 },
      { timestampMs: 2000, packetsReceived: 190, packetsLost: 10, bytesReceived: 125_000 },
    );
    expect(rates.lossFraction).toBeCloseTo(0.1);
    expect(rates.bitrateBps).toBe(1_000_000);
  });
});
