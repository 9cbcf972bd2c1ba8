import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';

const DELIVERY_LABEL = { queued: 'waiting for the connection…', failed: 'not sent: the connection did not come back' } as const;

export function ChatPanel({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const chat = useStore(store, (state) => state.roomChat.chat);
  const [draft, setDraft] = useState('');
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [chat]);
  const send = (event: FormEvent) => {
    event.preventDefault();
    engine.sendChat(draft);
    setDraft('');
  };
  return (
    <section className="chat" aria-label="Chat">
      <h2>Chat</h2>
      <ol ref={list} className="chat-messages" tabIndex={0} aria-label="Messages">
        {chat.map((entry) => (
          <li key={entry.id} data-testid="chat-message" data-from={entry.name} data-delivery={entry.delivery} className={entry.self ? 'chat-self' : ''}>
            <strong>{entry.self ? 'You' : entry.name}</strong> {entry.text}
            {entry.delivery !== 'sent' && <em className="chat-delivery"> ({DELIVERY_LABEL[entry.delivery]})</em>}
          </li>
        ))}
      </ol>
      <form onSubmit={send} className="chat-form">
        <input aria-label="Message" data-testid="chat-input" value={draft} maxLength={2000} onChange={(event) => setDraft(event.target.value)} placeholder="Message everyone" />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}
