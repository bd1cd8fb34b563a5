import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import type { NetworkDocument } from '../core/network';
import { useLabStore } from '../state/store';

/**
 * The last network the lab rendered without an error, for the error boundaries' "Try again".
 * `mark` goes inside each boundary: its effect runs only when the boundary's part committed,
 * so a network that made the part throw is never remembered as good. `recover` puts the
 * remembered network back (when the store holds another), so trying again cannot throw again
 * for the same reason.
 */
export function useLastGoodNetwork(): {
  readonly mark: () => ReactNode;
  readonly recover: () => void;
} {
  const lastGood = useRef<NetworkDocument>(useLabStore.getState().network);
  const mark = useCallback(() => <RenderedNetwork lastGood={lastGood} />, []);
  const recover = useCallback(() => {
    const { network, replaceNetwork } = useLabStore.getState();
    if (network !== lastGood.current) replaceNetwork(lastGood.current);
  }, []);
  return { mark, recover };
}

function RenderedNetwork({ lastGood }: { readonly lastGood: { current: NetworkDocument } }) {
  const network = useLabStore((s) => s.network);
  useEffect(() => {
    lastGood.current = network;
  }, [network, lastGood]);
  return null;
}
