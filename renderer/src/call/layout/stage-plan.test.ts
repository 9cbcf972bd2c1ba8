import { describe, expect, test } from 'vitest';
import { fitGrid, nextLayout, planStage, toggleWhiteboard, WIDE_STAGE_PX, type StageInput } from './stage-plan.js';

const base: StageInput = { layout: 'grid', people: ['bob', 'carol'], screens: [], activeSpeakerId: null, sharingLocally: false, wide: false };

describe('planStage', () => {
  test('the grid shows shares first, then ourselves, then people, then our own share', () => {
    expect(planStage({ ...base, screens: ['bob-screen'], sharingLocally: true })).toEqual({
      kind: 'grid',
      tiles: [{ kind: 'remote', feedId: 'bob-screen', role: 'screen' }, { kind: 'self' }, { kind: 'remote', feedId: 'bob', role: 'grid' }, { kind: 'remote', feedId: 'carol', role: 'grid' }, { kind: 'local-screen' }],
    });
  });

  test('speaker view puts the one talking on the stage and everyone else in the strip', () => {
    expect(planStage({ ...base, layout: 'speaker', activeSpeakerId: 'carol' })).toEqual({
      kind: 'focus',
      main: [{ kind: 'remote', feedId: 'carol', role: 'speaker' }],
      strip: [{ kind: 'self' }, { kind: 'remote', feedId: 'bob', role: 'thumbnail' }],
    });
  });

  test('speaker view prefers a share to the speaker, and falls back to the first person', () => {
    expect(planStage({ ...base, layout: 'speaker', activeSpeakerId: 'carol', screens: ['s1'] })).toMatchObject({ main: [{ feedId: 's1', role: 'screen' }] });
    expect(planStage({ ...base, layout: 'speaker', activeSpeakerId: 'gone' })).toMatchObject({ main: [{ feedId: 'bob', role: 'speaker' }] });
  });

  test('alone in speaker view, we fill the stage ourselves', () => {
    expect(planStage({ ...base, layout: 'speaker', people: [], sharingLocally: true })).toEqual({ kind: 'focus', main: [{ kind: 'self' }], strip: [{ kind: 'local-screen' }] });
  });

  test('the whiteboard fills the stage, with everyone as thumbnails', () => {
    expect(planStage({ ...base, layout: 'whiteboard', screens: ['s1'] })).toEqual({
      kind: 'focus',
      main: [{ kind: 'board' }],
      strip: [{ kind: 'self' }, { kind: 'remote', feedId: 's1', role: 'thumbnail' }, { kind: 'remote', feedId: 'bob', role: 'thumbnail' }, { kind: 'remote', feedId: 'carol', role: 'thumbnail' }],
    });
  });

  test('on a wide stage a share sits beside the whiteboard at full quality', () => {
    expect(planStage({ ...base, layout: 'whiteboard', screens: ['s1'], wide: true })).toMatchObject({ main: [{ kind: 'remote', feedId: 's1', role: 'screen' }, { kind: 'board' }] });
    expect(planStage({ ...base, layout: 'whiteboard', sharingLocally: true, wide: true })).toEqual({
      kind: 'focus',
      main: [{ kind: 'local-screen' }, { kind: 'board' }],
      strip: [{ kind: 'self' }, { kind: 'remote', feedId: 'bob', role: 'thumbnail' }, { kind: 'remote', feedId: 'carol', role: 'thumbnail' }],
    });
    expect(WIDE_STAGE_PX).toBeGreaterThan(960);
  });

  test('the layout button takes grid and speaker in turns, and leaves the whiteboard for the grid', () => {
    expect([nextLayout('grid'), nextLayout('speaker'), nextLayout('whiteboard')]).toEqual(['speaker', 'grid', 'grid']);
    expect([toggleWhiteboard('grid'), toggleWhiteboard('speaker'), toggleWhiteboard('whiteboard')]).toEqual(['whiteboard', 'whiteboard', 'grid']);
  });
});

describe('fitGrid', () => {
  const wide = { width: 1000, height: 560 };

  test('one tile fills the box at its aspect ratio', () => {
    expect(fitGrid(1, 16 / 9, wide, 8)).toEqual({ columns: 1, rows: 1, tileWidth: 995, tileHeight: 560 });
  });

  test('two tiles of 16:9 sit side by side in a wide box, one above the other in a tall one', () => {
    expect(fitGrid(2, 16 / 9, wide, 8)).toMatchObject({ columns: 2, rows: 1 });
    expect(fitGrid(2, 16 / 9, { width: 500, height: 900 }, 8)).toMatchObject({ columns: 1, rows: 2 });
  });

  test('four make two by two, nine three by three, sixteen four by four in a 16:9 box', () => {
    const box = { width: 1600, height: 900 };
    expect([4, 9, 16].map((count) => fitGrid(count, 16 / 9, box, 8)).map(({ columns, rows }) => [columns, rows])).toEqual([
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
  });

  test('for every count from 1 to 16 the tiles keep the aspect, fit the box, and are as large as any other arrangement', () => {
    for (const box of [wide, { width: 680, height: 420 }, { width: 1640, height: 900 }]) {
      for (let count = 1; count <= 16; count += 1) {
        const fit = fitGrid(count, 4 / 3, box, 8);
        expect(fit.columns * fit.rows).toBeGreaterThanOrEqual(count);
        expect(fit.columns * fit.tileWidth + (fit.columns - 1) * 8).toBeLessThanOrEqual(box.width);
        expect(fit.rows * fit.tileHeight + (fit.rows - 1) * 8).toBeLessThanOrEqual(box.height);
        expect(Math.abs(fit.tileWidth / fit.tileHeight - 4 / 3)).toBeLessThan(0.02);
        for (let columns = 1; columns <= count; columns += 1) {
          const rows = Math.ceil(count / columns);
          const other = Math.min((box.width - 8 * (columns - 1)) / columns, ((box.height - 8 * (rows - 1)) / rows) * (4 / 3));
          expect(fit.tileWidth).toBeGreaterThanOrEqual(Math.floor(other));
        }
      }
    }
  });

  test('an empty or unusable box gives no tiles', () => {
    expect(fitGrid(0, 16 / 9, wide, 8).columns).toBe(0);
    expect(fitGrid(3, 16 / 9, { width: 0, height: 500 }, 8).tileWidth).toBe(0);
  });
});
