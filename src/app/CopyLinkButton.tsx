import { useState } from 'react';
import { currentLink } from './urlSync';

/** Copies the link that reproduces the current view, and says so. */
export function CopyLinkButton() {
  const [status, setStatus] = useState<'idle' | 'copied' | 'shown'>('idle');
  const [link, setLink] = useState('');
  const copy = async () => {
    const url = currentLink();
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus('copied');
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): show the link to copy by hand.
      setStatus('shown');
    }
    window.setTimeout(() => setStatus((s) => (s === 'copied' ? 'idle' : s)), 2500);
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        Copy link
      </button>
      <span role="status" className="copy-status">
        {status === 'copied' ? 'Link copied' : ''}
      </span>
      {status === 'shown' && (
        <label className="copy-fallback">
          Copy this link:
          <input readOnly value={link} onFocus={(e) => e.currentTarget.select()} autoFocus />
        </label>
      )}
      <output hidden data-testid="copied-link">
        {link}
      </output>
    </div>
  );
}
