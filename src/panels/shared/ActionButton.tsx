import type { ReactNode } from 'react';
import { isActionEnabled, performAction } from '../../state/actions/registry';
import { useLabStore } from '../../state/store';

/**
 * A button that runs a registered action and is enabled when the action is, so it follows
 * the same rule as the action's key and the command palette. `disabled` adds a panel's own
 * reason to stay off.
 */
export function ActionButton({
  action,
  children,
  disabled = false,
  className,
  testId,
}: {
  readonly action: string;
  readonly children: ReactNode;
  readonly disabled?: boolean;
  readonly className?: string;
  readonly testId?: string;
}) {
  // Selecting the answer, not the state it depends on, re-renders only when it changes.
  const enabled = useLabStore((s) => isActionEnabled(action, s));
  return (
    <button
      type="button"
      className={className}
      onClick={() => performAction(action)}
      disabled={!enabled || disabled}
      data-testid={testId}
    >
      {children}
    </button>
  );
}
