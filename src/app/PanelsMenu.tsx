import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { openPanelActionId } from '../state/actions/panelActions';
import { performAction } from '../state/actions/registry';
import { PANEL_INFOS, panelInfoOf } from '../state/panels';
import { useLabStore } from '../state/store';

/**
 * The navigation as a menu, for a phone and for presenter mode's thin bar (styles.css
 * shows it in place of the row of panel buttons there): a disclosure button that always
 * names the open panel, opening the registry's panels as a list. Arrow keys move between
 * the panels, Home and End jump, Escape closes and gives focus back to the button, and
 * choosing a panel (or clicking elsewhere) closes it.
 */
export function PanelsMenu() {
  const panel = useLabStore((s) => s.panel);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => {
      if (e.target instanceof Node && !root.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    // The open panel's entry takes focus, so the arrows start from where the person is.
    root.current?.querySelector<HTMLButtonElement>('[aria-current="page"]')?.focus();
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  const onListKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('button'));
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move: Record<string, number> = {
      ArrowDown: at + 1,
      ArrowUp: at - 1,
      Home: 0,
      End: items.length - 1,
    };
    if (e.key === 'Escape') {
      e.preventDefault();
      setOpen(false);
      toggle.current?.focus();
    } else if (e.key in move) {
      e.preventDefault();
      const next = ((move[e.key] ?? 0) + items.length) % items.length;
      items[next]?.focus();
    }
  };
  return (
    <div className="panels-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="panels-menu-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        data-testid="panels-menu"
      >
        <span aria-hidden="true">☰</span> <span className="visually-hidden">Panels: </span>
        <span className="header-panel-name" data-testid="menu-current-panel">
          {panelInfoOf(panel).title}
        </span>{' '}
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {open ? (
        <ul id={listId} className="panels-menu-list" aria-label="Panels" onKeyDown={onListKey}>
          {PANEL_INFOS.map(({ id, title, key }) => (
            <li key={id}>
              <button
                type="button"
                aria-current={panel === id ? 'page' : undefined}
                aria-keyshortcuts={key}
                onClick={() => {
                  setOpen(false);
                  performAction(openPanelActionId(id));
                  toggle.current?.focus();
                }}
              >
                <span>{title}</span> <kbd aria-hidden="true">{key.toUpperCase()}</kbd>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
