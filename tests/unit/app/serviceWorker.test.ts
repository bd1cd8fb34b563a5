import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLabStore } from '../../../src/state/store';

/** What the page gave vite-plugin-pwa's registerSW, and the update function it got back. */
const registered = vi.hoisted(() => ({
  options: undefined as
    undefined | { onNeedRefresh?: () => void; onRegisterError?: (error: unknown) => void },
  update: vi.fn(async (_reload?: boolean) => {}),
}));

vi.mock('virtual:pwa-register', () => ({
  registerSW: (options: typeof registered.options) => {
    registered.options = options;
    return registered.update;
  },
}));

const { startServiceWorker } = await import('../../../src/app/serviceWorker');

describe('the service worker registration', () => {
  beforeEach(() => {
    vi.stubGlobal('navigator', { serviceWorker: {} });
    useLabStore.setState({ notices: [] });
    registered.options = undefined;
    registered.update.mockClear();
  });
  afterEach(() => vi.unstubAllGlobals());

  it('says a new version is ready, and its Reload button activates it', () => {
    startServiceWorker();
    expect(useLabStore.getState().notices).toEqual([]);
    registered.options?.onNeedRefresh?.();
    const [notice] = useLabStore.getState().notices;
    expect(notice?.title).toBe('A new version of the lab is ready');
    expect(notice?.action?.label).toBe('Reload');
    expect(registered.update).not.toHaveBeenCalled();
    notice?.action?.perform();
    expect(registered.update).toHaveBeenCalledWith(true);
  });

  it('says offline use is lost when the worker cannot be registered', () => {
    startServiceWorker();
    registered.options?.onRegisterError?.(new Error('SecurityError: refused'));
    const [notice] = useLabStore.getState().notices;
    expect(notice?.tone).toBe('warning');
    expect(notice?.details.join(' ')).toContain('SecurityError: refused');
  });

  it('registers nothing in a browser without service workers', () => {
    vi.stubGlobal('navigator', {});
    startServiceWorker();
    expect(registered.options).toBeUndefined();
  });
});
