import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';
import { LocalScreenTile, RemoteTile, SelfTile, type ShareOverlay } from './Tile.js';

/**
 * Grid: everyone the same size. Speaker: a screen share, else the active
 * speaker, fills the stage and everyone else is a thumbnail. Tiles tell the
 * engine their size, which picks each feed's simulcast layer.
 */
export function Stage({ store, engine, shareOverlay }: { readonly store: CallStore; readonly engine: CallEngine; readonly shareOverlay: ShareOverlay }) {
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
  const activeSpeaker = useStore(store, (state) => state.activeSpeakerId);

  if (layout === 'grid') {
    const count = people.length + screens.length + 1;
    const columns = Math.ceil(Math.sqrt(count));
    return (
      <section className="stage stage-grid" data-testid="stage" data-layout="grid" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)` }}>
        {screens.map((id) => (
          <RemoteTile key={id} store={store} engine={engine} shareOverlay={shareOverlay} feedId={id} role="screen" />
        ))}
        <SelfTile store={store} role="grid" />
        {people.map((id) => (
          <RemoteTile key={id} store={store} engine={engine} shareOverlay={shareOverlay} feedId={id} role="grid" />
        ))}
        <LocalScreenTile store={store} shareOverlay={shareOverlay} />
      </section>
    );
  }

  const main = screens[0] ?? (activeSpeaker && people.includes(activeSpeaker) ? activeSpeaker : people[0]);
  return (
    <section className="stage stage-speaker" data-testid="stage" data-layout="speaker">
      <div className="stage-main">
        {main ? <RemoteTile key={main} store={store} engine={engine} shareOverlay={shareOverlay} feedId={main} role={screens.includes(main) ? 'screen' : 'speaker'} /> : <SelfTile store={store} role="speaker" />}
      </div>
      <div className="stage-strip">
        {main && <SelfTile store={store} role="thumbnail" />}
        {[...screens, ...people]
          .filter((id) => id !== main)
          .map((id) => (
            <RemoteTile key={id} store={store} engine={engine} shareOverlay={shareOverlay} feedId={id} role="thumbnail" />
          ))}
        <LocalScreenTile store={store} shareOverlay={shareOverlay} />
      </div>
    </section>
  );
}
