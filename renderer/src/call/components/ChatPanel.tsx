import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CallEngine } from '../call-engine.js';
import type { CallStore } from '../call-store.js';

export function ChatPanel({ store, engine }: { readonly store: CallStore; readonly engine: CallEngine }) {
  const { t } = useTranslation();
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
    <section className="chat" aria-label={t('chat.title')}>
      <h2>{t('chat.title')}</h2>
      <ol ref={list} className="chat-messages" tabIndex={0} aria-label={t('chat.messages')}>
        {chat.map((entry) => (
          <li key={entry.id} data-testid="chat-message" data-from={entry.name} data-delivery={entry.delivery} className={entry.self ? 'chat-self' : ''}>
            <strong>{entry.self ? t('chat.you') : entry.name}</strong> {entry.text}
            {entry.delivery !== 'sent' && <em className="chat-delivery"> ({t(entry.delivery === 'queued' ? 'chat.queued' : 'chat.failed')})</em>}
          </li>
        ))}
      </ol>
      <form onSubmit={send} className="chat-form">
        <input aria-label={t('chat.message')} data-testid="chat-input" value={draft} maxLength={2000} onChange={(event) => setDraft(event.target.value)} placeholder={t('chat.placeholder')} />
        <button type="submit">{t('chat.send')}</button>
      </form>
    </section>
  );
}
