import { useEffect, useRef } from 'react';
import { performAction } from '../state/actions/registry';
import { openPanelActionId } from '../state/actions/panelActions';
import { PANEL_INFOS, panelInfoOf } from '../state/panels';
import { useLabStore } from '../state/store';
import { HiddenNote, useHidden } from '../panels/shared/HiddenNote';
import { paletteKeyLabel } from './appActions';
import { CopyLinkButton } from './CopyLinkButton';
import { PanelsMenu } from './PanelsMenu';
import { useNavFits } from './useNavFits';

/**
 * The lab's name, the panel navigation and the view-wide controls, on one row: when the row
 * of panel buttons does not fit (useNavFits), on a phone, or in presenter mode, it gives
 * way to the Panels menu, which names the open panel (styles.css
 * chooses which shows). A lesson step or an exercise link may hide the navigation
 * (`hide=navigation`) so a learner's eyes stay on one panel: the open panel's name stays,
 * with the note that brings the rest back. It hides, it does not lock: the panel keys and
 * a step's "Go to" buttons still move.
 */
export function Header() {
  const panel = useLabStore((s) => s.panel);
  const largeType = useLabStore((s) => s.typeScale > 1);
  const presenting = useLabStore((s) => s.presenting);
  const navigationHidden = useHidden('navigation');
  const header = useRef<HTMLElement>(null);
  const navFits = useNavFits(header);
  // The bar's height as `--header-h` on <html>, for what sticks below it in presenter mode
  // (the lesson dock, the scrolled-to picture).
  useEffect(() => {
    const el = header.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--header-h', `${el.offsetHeight}px`),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <header className={navFits ? 'app-header' : 'app-header nav-collapsed'} ref={header}>
      <div className="brand">
        <img src="./favicon.svg" alt="" width={28} height={28} />
        <span className="brand-name">CNN Lab</span>
      </div>
      {navigationHidden ? (
        <div className="header-current">
          <span className="header-panel-name" data-testid="current-panel">
            {panelInfoOf(panel).title}
          </span>
          <HiddenNote parts={['navigation']} tone="inverse" />
        </div>
      ) : (
        <>
          <nav aria-label="Panels" className="panel-nav">
            <ul>
              {PANEL_INFOS.map(({ id, title, key }) => (
                <li key={id}>
                  <button
                    type="button"
                    aria-current={panel === id ? 'page' : undefined}
                    aria-keyshortcuts={key}
                    onClick={() => performAction(openPanelActionId(id))}
                  >
                    {title}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          <PanelsMenu />
        </>
      )}
      <div className="header-tools">
        <button
          type="button"
          className="commands-button"
          aria-haspopup="dialog"
          aria-keyshortcuts={paletteKeyLabel().startsWith('⌘') ? 'Meta+K' : 'Control+K'}
          onClick={() => performAction('help.palette')}
          data-testid="open-commands"
        >
          Commands <kbd>{paletteKeyLabel()}</kbd>
        </button>
        <button
          type="button"
          aria-pressed={largeType}
          onClick={() => performAction('view.large-type')}
        >
          Large type
        </button>
        <button
          type="button"
          aria-pressed={presenting}
          aria-keyshortcuts="M"
          onClick={() => performAction('present.toggle')}
          data-testid="presenter-mode"
        >
          Presenter
        </button>
        {presenting ? (
          <button
            type="button"
            onClick={() => performAction('present.open-view')}
            data-testid="open-presenter-view"
          >
            Presenter view
          </button>
        ) : null}
        <CopyLinkButton />
      </div>
    </header>
  );
}
