import { useEffect } from 'react';
import { useStore } from 'zustand';
import { CallView } from '../call/components/CallView.js';
import { Lobby } from '../call/components/Lobby.js';
import type { LaunchParams } from './launch-params.js';
import type { Meeting } from './meeting.js';

interface AppProps {
  readonly meeting: Meeting;
  readonly launch: LaunchParams;
}

export function App({ meeting, launch }: AppProps) {
  const phase = useStore(meeting.callStore, (state) => state.phase);
  const error = useStore(meeting.callStore, (state) => state.error);

  useEffect(() => {
    if (launch.autoJoin && launch.room && launch.displayName) {
      void meeting.join({ room: launch.room, displayName: launch.displayName }, { pin: launch.pin });
    }
  }, [meeting, launch]);

  if (phase === 'in-call' || phase === 'reconnecting') {
    return <CallView callStore={meeting.callStore} boardStore={meeting.boardStore} engine={meeting.call} onLeave={() => void meeting.leave()} />;
  }
  return (
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
      onJoin={(request, access) => void meeting.join(request, access)}
    />
  );
}
