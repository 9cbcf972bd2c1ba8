import { describe, expect, test } from 'vitest';
import { fitLayersToBudget, layerForTile } from './simulcast.js';

describe('layerForTile', () => {
  test('the speaker and screen shares get the high layer whatever their size', () => {
    expect(layerForTile('speaker', 100)).toBe(2);
    expect(layerForTile('screen', 100)).toBe(2);
  });
  test('thumbnails get the low layer, mid-sized grid tiles the medium one, large tiles the high one', () => {
    expect(layerForTile('thumbnail', 120)).toBe(0);
    expect(layerForTile('grid', 330)).toBe(1);
    expect(layerForTile('grid', 700)).toBe(2);
    expect(layerForTile('grid', 5000)).toBe(2);
  });
});

describe('fitLayersToBudget', () => {
  const wants = [
    { mid: 'a', layer: 2 as const },
    { mid: 'b', layer: 1 as const },
    { mid: 'c', layer: 0 as const },
  ];
  test('keeps every wish when there is no estimate or enough room', () => {
    expect(fitLayersToBudget(wants, null).get('a')).toBe(2);
    expect([...fitLayersToBudget(wants, 5_000_000).values()]).toEqual([2, 1, 0]);
  });
  test('steps the highest layers down first until the sum fits', () => {
    expect([...fitLayersToBudget(wants, 1_000_000).values()]).toEqual([1, 1, 0]);
    expect([...fitLayersToBudget(wants, 700_000).values()]).toEqual([1, 0, 0]);
    expect([...fitLayersToBudget(wants, 10_000).values()]).toEqual([0, 0, 0]);
  });
});
