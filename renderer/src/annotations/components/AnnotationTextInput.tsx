/** The text tool's field, where the click was: Enter or leaving it places the text, Escape drops it. */
export function AnnotationTextInput({ at, color, onCommit, onCancel }: { readonly at: { x: number; y: number }; readonly color: string; readonly onCommit: (text: string) => void; readonly onCancel: () => void }) {
  return (
    <input
      className="annotation-text-input"
      data-testid="annotation-text-input"
      aria-label="Annotation text"
      autoFocus
      style={{ left: at.x, top: at.y, color }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onCommit(event.currentTarget.value);
        else if (event.key === 'Escape') onCancel();
      }}
      onBlur={(event) => onCommit(event.currentTarget.value)}
    />
  );
}
