import { useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { AnnotationLayer } from '../annotations/components/AnnotationLayer.js';
import { EndedShares } from '../annotations/components/EndedShares.js';
import { BoardList } from '../board/components/BoardList.js';
import { BoardPanel } from '../board/components/BoardPanel.js';
import { CallView } from '../call/components/CallView.js';
import { Lobby } from '../call/components/Lobby.js';
import { RecordingsHome } from '../call/recording/RecordingsHome.js';
import { RecordingControls } from '../call/recording/RecordingControls.js';
import { HeaderExtrasContext } from './header-extras.js';
import type { LaunchParams } from './launch-params.js';
import type { Meeting } from './meeting.js';
import { startBoard } from './start-board.js';

interface AppProps {
  readonly meeting: Meeting;
  readonly launch: LaunchParams;
}

/** Screen shares in a call carry the annotation layer: the two features meet here, not in each other's folders. */
function annotationOverlay(feedId: string): ReactNode {
  return <AnnotationLayer feedId={feedId} />;
}

export function App({ meeting, launch }: AppProps) {
  const phase = useStore(meeting.callStore, (state) => state.phase);
  const error = useStore(meeting.callStore, (state) => state.error);
  const board = useStore(meeting.boards.store, (state) => state.session);
  const headerExtras = useContext(HeaderExtrasContext);
  const libraryOpen = useStore(meeting.recording.store, (state) => state.libraryRoom !== null);

  useEffect(() => {
    if (launch.autoJoin && launch.room && launch.displayName) {
      void meeting.join({ room: launch.room, displayName: launch.displayName }, { pin: launch.pin });
      return;
    }
    // Usually open already (the page opens it before its first render); a link's prefill remounts the app.
    const standalone = startBoard(meeting, launch, window.location.search);
    if (standalone) void meeting.boards.open(standalone.boardId, standalone.name);
  }, [meeting, launch]);

  if (phase === 'in-call' || phase === 'reconnecting') {
    return (
      <>
        <CallView
          callStore={meeting.callStore}
          boardSyncStatus={meeting.boardSyncStatus}
          engine={meeting.call}
          onLeave={() => void meeting.leave()}
          shareOverlay={annotationOverlay}
          board={board ? <BoardPanel session={board} /> : null}
          headerExtras={
            <>
              <RecordingControls controller={meeting.recording} />
              {headerExtras}
            </>
          }
        />
        <EndedShares />
      </>
    );
  }
  if (board && phase !== 'joining' && !libraryOpen) {
    return (
      <main className="board-standalone">
        <BoardPanel session={board} onClose={() => void meeting.boards.close(true)} />
      </main>
    );
  }
  return (
    <RecordingsHome meeting={meeting} headerExtras={headerExtras}>
      <div className="board-home">
        <Lobby
          initial={{
            ...(launch.room ? { room: launch.room } : {}),
            ...(launch.displayName ? { displayName: launch.displayName } : {}),
            ...(launch.pin ? { pin: launch.pin } : {}),
          }}
          error={error}
          busy={phase === 'joining'}
          store={meeting.callStore}
          engine={meeting.call}
          joiningDirectly={launch.autoJoin}
          throughControlPlane={meeting.throughControlPlane}
          onJoin={(request, access) => void meeting.join(request, access)}
        />
        <BoardList library={meeting.boards} />
      </div>
    </RecordingsHome>
  );
}
