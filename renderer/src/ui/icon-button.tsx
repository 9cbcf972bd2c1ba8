import type { LucideIcon } from 'lucide-react';
import type { ButtonHTMLAttributes } from 'react';
import './ui.css';

interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'aria-label'> {
  /** The accessible name, also the tooltip's first words. */
  readonly label: string;
  readonly icon: LucideIcon;
  /** The key that does the same, shown in the tooltip and announced as `aria-keyshortcuts`. */
  readonly shortcut?: string;
  /** What the tooltip says instead of the label, when the action depends on the state ("Unmute"). */
  readonly tooltip?: string;
  /** Text shown beside the icon. */
  readonly text?: string;
  readonly testId?: string;
}

/**
 * A button that is an icon: named for assistive technology, with a tooltip
 * on hover and on keyboard focus that names its shortcut.
 */
export function IconButton({ label, icon: Icon, shortcut, tooltip, text, testId, className, ...rest }: IconButtonProps) {
  const tip = tooltip ?? label;
  return (
    <button
      type="button"
      {...rest}
      className={`icon-button${text ? ' icon-button-text' : ''}${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-keyshortcuts={shortcut}
      data-tooltip={shortcut ? `${tip} (${shortcut})` : tip}
      data-testid={testId}
    >
      <Icon aria-hidden="true" focusable="false" size={20} strokeWidth={2} />
      {text && <span>{text}</span>}
    </button>
  );
}
