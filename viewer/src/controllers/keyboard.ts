/**
 * Keyboard shortcuts: Esc goes back one step, / focuses the search, f fits the graph.
 * Keys typed into a text field are left alone. No UI.
 */
export interface KeyboardActions {
  back(): void;
  focusSearch(): void;
  fit(): void;
}

export function mountKeyboard(target: Document, actions: KeyboardActions): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    const t = event.target as HTMLElement | null;
    const typing = t !== null && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    if (event.key === 'Escape') {
      if (typing) return; // the search box closes its own suggestions
      event.preventDefault();
      actions.back();
    } else if (!typing && event.key === '/') {
      event.preventDefault();
      actions.focusSearch();
    } else if (!typing && event.key === 'f') {
      actions.fit();
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
