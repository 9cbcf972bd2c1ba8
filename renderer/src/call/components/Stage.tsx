import type { CSSProperties, ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import { fitGrid, planStage, WIDE_STAGE_PX, type StageItem } from '../layout/stage-plan.js';
import { LocalScreenTile, RemoteTile, SelfTile, type ShareOverlay } from './Tile.js';
import { useElementSize } from './use-element-size.js';

/** The shape grid cells are fitted at; each tile then takes its own video's shape inside its cell. */
const GRID_ASPECT = 16 / 9;
/** Pixels between tiles and around the grid, as in the stylesheet. */
const GAP = 8;

interface StageProps {
  readonly store: CallStore;
  readonly engine: CallEngine;
  readonly shareOverlay: ShareOverlay;
  /** The room's whiteboard, once it is open: the call knows nothing of what it is. */
  readonly board: ReactNode | null;
}

function useStageInput(store: CallStore) {
  const layout = useStore(store, (state) => state.layout);
  const people = useStore(
    store,
    useShallow((state) =>
      Object.values(state.roster)
        .filter((participant) => participant.screenOf === null)
        .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id))
        .map((participant) => participant.id),
    ),
  );
  const screens = useStore(
    store,
    useShallow((state) =>
      Object.values(state.roster)
        .filter((participant) => participant.screenOf !== null && participant.publishing)
        .map((participant) => participant.id)
        .sort(),
    ),
  );
  const activeSpeakerId = useStore(store, (state) => state.activeSpeakerId);
  const sharingLocally = useStore(store, (state) => state.localScreen !== null);
  return { layout, people, screens, activeSpeakerId, sharingLocally };
}

function itemKey(item: StageItem): string {
  return item.kind === 'remote' ? item.feedId : item.kind;
}

type Place = 'grid' | 'main' | 'strip';

/** One item of the plan, drawn where it was placed. */
function StageCell({ item, place, props }: { readonly item: StageItem; readonly place: Place; readonly props: StageProps }) {
  const { store, engine, shareOverlay, board } = props;
  const content = (() => {
    switch (item.kind) {
      case 'remote':
        return <RemoteTile store={store} engine={engine} shareOverlay={shareOverlay} feedId={item.feedId} role={item.role} />;
      case 'self':
        return <SelfTile store={store} role={place === 'main' ? 'speaker' : place === 'grid' ? 'grid' : 'thumbnail'} />;
      case 'local-screen':
        return <LocalScreenTile store={store} shareOverlay={shareOverlay} role={place === 'main' ? 'screen' : place === 'grid' ? 'grid' : 'thumbnail'} />;
      case 'board':
        return (
          board ?? (
            <p className="board-pending" role="status">
              Opening the whiteboard…
            </p>
          )
        );
    }
  })();
  return <div className={`cell cell-${item.kind}`}>{content}</div>;
}

/**
 * Grid: everyone the same size, as large as the stage allows. Speaker: a
 * screen share, else the active speaker, fills the stage; whiteboard: the
 * board does (beside a share when the stage is wide). Everyone else is a
 * strip of thumbnails. Tiles tell the engine their size, which picks each
 * feed's simulcast layer.
 */
export function Stage(props: StageProps) {
  const input = useStageInput(props.store);
  // The section stays the same element whatever the layout, so its size is always observed.
  const [ref, box] = useElementSize<HTMLElement>();
  const plan = planStage({ ...input, wide: box.width >= WIDE_STAGE_PX });
  const fit = plan.kind === 'grid' ? fitGrid(plan.tiles.length, GRID_ASPECT, { width: box.width - 2 * GAP, height: box.height - 2 * GAP }, GAP) : null;
  const cell = fit ? ({ '--cell-width': `${fit.tileWidth}px`, '--cell-height': `${fit.tileHeight}px`, '--grid-width': `${fit.columns * fit.tileWidth + (fit.columns - 1) * GAP}px` } as CSSProperties) : undefined;
  return (
    <section ref={ref} className={`stage stage-layout-${input.layout}`} data-testid="stage" data-layout={input.layout} data-columns={fit?.columns} data-rows={fit?.rows} style={cell} aria-label="Stage">
      {plan.kind === 'grid' ? (
        <div className="stage-grid">
          {plan.tiles.map((item) => (
            <StageCell key={itemKey(item)} item={item} place="grid" props={props} />
          ))}
        </div>
      ) : (
        <>
          <div className={`stage-main stage-main-${plan.main.length}`}>
            {plan.main.map((item) => (
              <StageCell key={itemKey(item)} item={item} place="main" props={props} />
            ))}
          </div>
          {plan.strip.length > 0 && (
            // Focusable, so the strip scrolls from the keyboard when it holds more than fits.
            <div className="stage-strip" role="group" aria-label="Everyone else" tabIndex={0}>
              {plan.strip.map((item) => (
                <StageCell key={itemKey(item)} item={item} place="strip" props={props} />
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
