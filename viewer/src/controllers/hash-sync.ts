/**
 * Keeps the URL hash and the state in step. A change of cluster or key pushes a history entry
 * (the browser's Back goes back); a filter change replaces the current one. A hash typed or
 * pasted by the analyst is read back into the state. No UI.
 */
import type { State, Store } from '../state.ts';
import { formatHash, parseHash } from '../url.ts';

export function mountHashSync(store: Store, win: Window): () => void {
  const write = (state: State, previous: State) => {
    const hash = formatHash(state);
    const current = win.location.hash === '#' ? '' : win.location.hash;
    if (hash === current) return;
    const url = `${win.location.pathname}${win.location.search}${hash}`;
    if (state.cluster !== previous.cluster || state.key !== previous.key) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };
  const read = () => store.dispatch({ type: 'navigate', view: parseHash(win.location.hash) });
  const unsubscribe = store.subscribe(write);
  win.addEventListener('hashchange', read);
  win.addEventListener('popstate', read);
  return () => {
    unsubscribe();
    win.removeEventListener('hashchange', read);
    win.removeEventListener('popstate', read);
  };
}
