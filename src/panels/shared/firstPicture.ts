import { FIRST_PICTURE_MARK } from '../../core/pageMarks';

/**
 * Notes, once per page, the moment the first picture computed by the engine is on screen:
 * a performance mark, and its time on `<html data-first-picture="ms">` for tests and the
 * benchmark. Call it from an effect of the component that drew it (effects run after the
 * children's, so their canvases are painted by then).
 */
export function markFirstPicture(): void {
  if (typeof performance === 'undefined' || typeof document === 'undefined') return;
  if (performance.getEntriesByName(FIRST_PICTURE_MARK, 'mark').length > 0) return;
  const mark = performance.mark(FIRST_PICTURE_MARK);
  document.documentElement.dataset.firstPicture = String(Math.round(mark.startTime));
}
