import { HIDEABLE_LABELS, type Hideable } from '../../state/hidden';
import { useLabStore } from '../../state/store';
import './hiddenNote.css';

/** True while a lesson step or an exercise link hides this part of the lab. */
export const useHidden = (part: Hideable): boolean => useLabStore((s) => s.hide.includes(part));

/**
 * The small note that stands where a hidden part would be: what is hidden (in the words
 * of HIDEABLE_LABELS) and "Show everything", which clears every hide flag, so a learner
 * is never stuck without a control a step took away. Renders nothing while none of
 * `parts` is hidden; `tone="inverse"` is for the header's dark band.
 */
export function HiddenNote({
  parts,
  tone = 'plain',
}: {
  /** The parts hidden at this place (a panel names those it has). */
  readonly parts: readonly Hideable[];
  readonly tone?: 'plain' | 'inverse';
}) {
  const hide = useLabStore((s) => s.hide);
  const setHide = useLabStore((s) => s.setHide);
  const hidden = parts.filter((p) => hide.includes(p));
  if (hidden.length === 0) return null;
  return (
    <p className={`hidden-note is-${tone}`} data-testid="hidden-note">
      Hidden for this exercise: {hidden.map((p) => HIDEABLE_LABELS[p]).join(', ')}
      {' · '}
      <button type="button" onClick={() => setHide([])}>
        Show everything
      </button>
    </p>
  );
}
