import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * True while the row of panel buttons fits on one line across the header (the strip has
 * the header's second row to itself). When it does not (a projector at large type, a
 * narrow window), the header shows the Panels menu, which names the open panel, instead
 * of a strip wrapping into rows or scrolling the open panel's button out of sight.
 *
 * A collapsed strip stays laid out (positioned out of the flow and `visibility: hidden`,
 * so neither focus nor a screen reader reaches it), which keeps its width measurable
 * whatever the type size: the choice follows every resize and type change.
 */
export function useNavFits(header: RefObject<HTMLElement | null>): boolean {
  const [fits, setFits] = useState(true);
  useLayoutEffect(() => {
    const el = header.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const check = () => {
      const row = el.querySelector<HTMLElement>('.panel-nav ul');
      // No strip (hidden by a lesson, or the phone layout, where CSS shows the menu anyway).
      if (!row || row.scrollWidth === 0) return setFits(true);
      const style = getComputedStyle(el);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      // The strip has the header's second row to itself; 8 px is its focus-ring room.
      setFits(row.scrollWidth + 8 <= el.clientWidth - padding);
    };
    const observer = new ResizeObserver(check);
    observer.observe(el);
    const row = el.querySelector('.panel-nav ul');
    if (row) observer.observe(row);
    check();
    return () => observer.disconnect();
  }, [header]);
  return fits;
}
