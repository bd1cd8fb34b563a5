import { PANEL_INFOS } from '../state/panels';
import { useLabStore } from '../state/store';
import { CopyLinkButton } from './CopyLinkButton';

interface Props {
  readonly largeType: boolean;
  onToggleLargeType(): void;
}

/** The lab's name, the panel navigation and the view-wide controls. */
export function Header({ largeType, onToggleLargeType }: Props) {
  const panel = useLabStore((s) => s.panel);
  const openPanel = useLabStore((s) => s.openPanel);
  return (
    <header className="app-header">
      <div className="brand">
        <img src="./favicon.svg" alt="" width={28} height={28} />
        <span>CNN Lab</span>
      </div>
      <nav aria-label="Panels">
        <ul>
          {PANEL_INFOS.map(({ id, title }) => (
            <li key={id}>
              <button
                type="button"
                aria-current={panel === id ? 'page' : undefined}
                onClick={() => openPanel(id)}
              >
                {title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <button type="button" aria-pressed={largeType} onClick={onToggleLargeType}>
          Large type
        </button>
        <CopyLinkButton />
      </div>
    </header>
  );
}
