import {
  useEffect,
  useId,
  useState,
  useSyncExternalStore,
  type KeyboardEvent as ReactKeyboardEvent,
} from 'react';
import { Modal } from '../panels/shared/Modal';
import {
  keyLabelOf,
  labActions,
  performAction,
  subscribeActions,
  type LabAction,
} from '../state/actions/registry';
import { searchActions } from '../state/actions/search';
import { panelInfoOf } from '../state/panels';
import { useLabStore } from '../state/store';
import { useCommandDialogs } from './commandDialogs';
import './commandPalette.css';

const useActions = (): readonly LabAction[] =>
  useSyncExternalStore(subscribeActions, labActions, labActions);

/** Type to find an action or a panel; arrows move, Enter runs. */
function CommandPalette({ onClose }: { readonly onClose: () => void }) {
  const actions = useActions();
  const state = useLabStore();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const found = searchActions(actions, query);
  const current = Math.min(active, Math.max(0, found.length - 1));
  const run = (action: LabAction | undefined) => {
    if (!action || !action.enabled(state)) return;
    onClose();
    performAction(action.id);
  };
  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: found.length - 1,
    };
    const next = moves[e.key];
    if (next !== undefined && found.length > 0) {
      e.preventDefault();
      setActive((next + found.length) % found.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(found[current]);
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;
  useEffect(() => {
    document.getElementById(optionId(current))?.scrollIntoView({ block: 'nearest' });
  });
  return (
    <Modal title="Commands" onClose={onClose}>
      <label className="command-search">
        <span className="visually-hidden">Find an action or a panel</span>
        <input
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={found.length > 0 ? optionId(current) : undefined}
          placeholder="Find an action or a panel, e.g. “train one epoch”"
          value={query}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          data-testid="command-input"
        />
      </label>
      <ul id={listId} role="listbox" aria-label="Actions" className="command-list">
        {found.map((action, i) => {
          const enabled = action.enabled(state);
          const key = keyLabelOf(action);
          const where = action.panels?.map((p) => panelInfoOf(p).title).join(', ');
          return (
            <li
              key={action.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              aria-disabled={!enabled}
              className="command-option"
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => run(action)}
            >
              <span className="command-label">
                {action.label}
                {/* Why only for the highlighted row, so the list stays easy to scan. */}
                {!enabled && action.whyDisabled && i === current && (
                  <span className="command-why">Unavailable: {action.whyDisabled(state)}</span>
                )}
              </span>
              <span className="command-group">{action.group}</span>
              {key && (
                <span className="command-key" title={where ? `Key on ${where}` : undefined}>
                  <kbd>{key}</kbd>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {found.length === 0 && (
        <p role="status" className="muted">
          Nothing matches “{query}”.
        </p>
      )}
    </Modal>
  );
}

/** Every key of the registry, grouped, with where it works: generated, so it cannot drift. */
function ShortcutList({ onClose }: { readonly onClose: () => void }) {
  const actions = useActions().filter((a) => keyLabelOf(a) !== '');
  const groups = [...new Set(actions.map((a) => a.group))];
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} wide>
      <p className="muted small">
        Keys work when no text field has focus. Space and Enter on a focused button press that
        button. The convolution step-through lists its own keys under its controls.
      </p>
      <div className="shortcut-groups">
        {groups.map((group) => {
          const rows = actions.filter((a) => a.group === group);
          const panels = [...new Set(rows.flatMap((a) => a.panels ?? []))];
          return (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              {panels.length > 0 && (
                <p className="muted small">
                  On the {panels.map((p) => panelInfoOf(p).title).join(', ')} panel
                </p>
              )}
              <dl>
                {rows.map((a) => (
                  <div key={a.id}>
                    <dt>
                      <kbd>{keyLabelOf(a)}</kbd>
                      {a.altKeys?.map((k) => (
                        <span key={k}>
                          {' '}
                          or <kbd>{k}</kbd>
                        </span>
                      ))}
                    </dt>
                    <dd>{a.label}</dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
      </div>
    </Modal>
  );
}

/** The palette or the shortcut list, whichever is open. */
export function CommandDialogs() {
  const open = useCommandDialogs((s) => s.open);
  const close = useCommandDialogs((s) => s.close);
  if (open === 'palette') return <CommandPalette onClose={close} />;
  if (open === 'shortcuts') return <ShortcutList onClose={close} />;
  return null;
}
