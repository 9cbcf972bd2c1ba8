import { Circle, Square } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { IconButton } from '../../ui/icon-button.js';
import type { RecordingController } from './recording-state.js';
import './recording.css';

/**
 * The call header's recording indicator and switch. The indicator is text
 * in a status region, so it is read out and seen without colour; the
 * switch is offered to everyone, and Janus decides (a guest's press gets
 * the refusal sentence).
 */
export function RecordingControls({ controller }: { readonly controller: RecordingController }) {
  const { recording, switching, problem } = useStore(controller.store);
  const { t } = useTranslation();
  return (
    <div className="recording-controls">
      <span className="recording-indicator" role="status" data-testid="recording-indicator" data-recording={recording}>
        {recording && (
          <>
            <span className="recording-dot" aria-hidden="true" />
            {t('recording.indicator')}
          </>
        )}
      </span>
      <IconButton
        label={t(recording ? 'recording.stop' : 'recording.start')}
        icon={recording ? Square : Circle}
        aria-pressed={recording}
        disabled={switching}
        onClick={() => void controller.setRecording(!recording)}
        testId="toggle-recording"
      />
      {problem && (
        <p className="recording-problem" role="alert" data-testid="recording-problem">
          {t(`recording.${problem.reason}_${problem.action}`, { detail: problem.detail })}
        </p>
      )}
    </div>
  );
}
