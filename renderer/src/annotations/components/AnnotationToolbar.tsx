import { useStore } from 'zustand';
import { ANNOTATION_TOOLS, type AnnotationTool } from '../annotation-tools.js';
import type { OpenShare, ShareAnnotations } from '../share-annotations.js';

const TOOL_LABEL: Record<AnnotationTool, string> = { pen: 'Pen', highlighter: 'Highlighter', arrow: 'Arrow', rectangle: 'Rectangle', text: 'Text', laser: 'Laser' };
const COLORS = ['#e11d48', '#f59e0b', '#16a34a', '#2563eb', '#111111', '#ffffff'] as const;

/** Tools for everyone allowed to draw; allow/deny and clear all for the presenter. */
export function AnnotationToolbar({ annotations, share }: { readonly annotations: ShareAnnotations; readonly share: OpenShare }) {
  const { session } = share;
  const tool = useStore(annotations.store, (state) => state.tool);
  const color = useStore(annotations.store, (state) => state.color);
  const allowed = useStore(session.store, (state) => state.allowed);
  const canUndo = useStore(session.store, (state) => state.canUndo);
  const presenter = session.role === 'presenter';
  const canDraw = presenter || allowed;
  return (
    <div className="annotation-toolbar" role="toolbar" aria-label="Annotations" data-testid="annotation-toolbar">
      {canDraw ? (
        <>
          {ANNOTATION_TOOLS.map((name) => (
            <button key={name} type="button" className={name === tool ? 'annotation-tool active' : 'annotation-tool'} aria-pressed={name === tool} data-testid={`annotation-tool-${name}`} onClick={() => annotations.setTool(name)}>
              {TOOL_LABEL[name]}
            </button>
          ))}
          {COLORS.map((swatch) => (
            <button
              key={swatch}
              type="button"
              className={swatch === color ? 'annotation-swatch active' : 'annotation-swatch'}
              style={{ background: swatch }}
              aria-label={`Colour ${swatch}`}
              aria-pressed={swatch === color}
              onClick={() => annotations.setColor(swatch)}
            />
          ))}
          <button type="button" className="annotation-tool" data-testid="annotation-undo" disabled={!canUndo} onClick={() => session.undo()}>
            Undo
          </button>
          <button type="button" className="annotation-tool" data-testid="annotation-clear-mine" onClick={() => session.clearMine()}>
            Clear mine
          </button>
        </>
      ) : (
        <span className="annotation-denied" data-testid="annotation-denied">
          The presenter turned annotation off
        </span>
      )}
      {presenter && (
        <>
          <button type="button" className="annotation-tool" aria-pressed={allowed} data-testid="annotation-allow" onClick={() => session.setAllowed(!allowed)}>
            {allowed ? 'Deny annotation' : 'Allow annotation'}
          </button>
          <button type="button" className="annotation-tool danger" data-testid="annotation-clear-all" onClick={() => session.clearAll()}>
            Clear all
          </button>
        </>
      )}
    </div>
  );
}
