import { useSyncExternalStore } from 'react';
import { readTypeScale, subscribeTypeScale } from '../../viz/typeScale';

/**
 * The page's type scale (1 at the normal root size, 4/3 with large type; see
 * viz/typeScale.ts), re-rendering the component when large type or presenter mode changes
 * the root font size. For figures whose pixel measures React computes; SVGs sized with
 * `remOf` and canvases drawn through useCanvasRenderer follow the type without it.
 */
export function useTypeScale(): number {
  return useSyncExternalStore(subscribeTypeScale, readTypeScale, () => 1);
}
