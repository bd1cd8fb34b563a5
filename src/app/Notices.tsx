import { useLabStore } from '../state/store';
import { ReplayProgress } from './ReplayProgress';

/** Messages about links and files the lab could not fully use, with the way to recover. */
export function Notices() {
  const notices = useLabStore((s) => s.notices);
  const dismiss = useLabStore((s) => s.dismissNotice);
  const replaceNetwork = useLabStore((s) => s.replaceNetwork);
  return (
    <section className="notices" aria-label="Notices" aria-live="polite">
      <ReplayProgress />
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} role="status">
          <div className="notice-body">
            <strong>{notice.title}</strong>
            <ul>
              {notice.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          </div>
          <div className="notice-actions">
            {notice.rejectedNetwork && (
              <button
                type="button"
                onClick={() => {
                  if (notice.rejectedNetwork) replaceNetwork(notice.rejectedNetwork);
                  dismiss(notice.id);
                }}
              >
                Open the link’s network anyway
              </button>
            )}
            {notice.action && (
              <button
                type="button"
                onClick={() => {
                  notice.action?.perform();
                  dismiss(notice.id);
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button type="button" onClick={() => dismiss(notice.id)} aria-label="Dismiss notice">
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
