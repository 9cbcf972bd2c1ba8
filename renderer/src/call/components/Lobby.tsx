import { useState, type FormEvent } from 'react';
import { JoinRequestSchema, type JoinRequest } from '../../../../shared/call/join-request.js';

interface LobbyProps {
  readonly initial: Partial<JoinRequest>;
  readonly error: string | null;
  readonly busy: boolean;
  readonly onJoin: (request: JoinRequest) => void;
}

export function Lobby({ initial, error, busy, onJoin }: LobbyProps) {
  const [room, setRoom] = useState(initial.room ?? '');
  const [displayName, setDisplayName] = useState(initial.displayName ?? '');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = JoinRequestSchema.safeParse({ room, displayName });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Check the room and your name');
      return;
    }
    setProblem(null);
    onJoin(parsed.data);
  };

  const message = problem ?? error;
  return (
    <form className="lobby" onSubmit={submit} aria-label="Join a meeting">
      <h1>Confer</h1>
      <label>
        Your name
        <input name="displayName" value={displayName} onChange={(event) => setDisplayName(event.target.value)} autoFocus maxLength={64} />
      </label>
      <label>
        Room
        <input name="room" value={room} onChange={(event) => setRoom(event.target.value)} maxLength={64} />
      </label>
      {message && (
        <p className="error" role="alert" data-testid="lobby-error">
          {message}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Joining…' : 'Join'}
      </button>
    </form>
  );
}
