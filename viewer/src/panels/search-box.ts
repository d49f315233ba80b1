/**
 * The search box and its suggestions (keyboard: ↑ ↓ to move, Enter to open, Esc to close).
 * The index loads on first use. Calls back with the chosen entry.
 */
import { el } from '../dom.ts';
import { indexEntries, matchEntries, type SearchIndexed } from '../search-match.ts';
import type { SearchEntry, SearchFile } from '../types.ts';

export interface SearchBoxProps {
  load(): Promise<SearchFile>;
  onQuery(query: string): void;
  onChoose(entry: SearchEntry): void;
}

const KIND_LABELS: Record<string, string> = { key: 'key', account: 'account', ip: 'IP', payment: 'payment', template: 'template' };

export function mountSearchBox(container: HTMLElement, props: SearchBoxProps): { focus(): void; teardown(): void } {
  let index: SearchIndexed | null = null;
  let loading: Promise<void> | null = null;
  let results: SearchEntry[] = [];
  let active = -1;
  /** The query `results` answer. */
  let answered: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const input = el('input', {
    class: 'search-input',
    attrs: {
      type: 'search',
      placeholder: 'Search key, account, IP, payment, template…  ( / )',
      'aria-label': 'search',
      autocomplete: 'off',
      spellcheck: 'false',
      role: 'combobox',
      'aria-controls': 'search-suggestions',
      'aria-expanded': 'false',
    },
  });
  const list = el('ul', { class: 'suggestions', attrs: { id: 'search-suggestions', role: 'listbox' } });
  list.hidden = true;
  container.replaceChildren(input, list);

  const ensureIndex = () =>
    (loading ??= props.load().then(
      (file) => {
        index = indexEntries(file.entries);
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    ));

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };

  const draw = () => {
    list.replaceChildren(
      ...(results.length === 0 && input.value.trim() !== ''
        ? [el('li', { class: 'empty muted', text: index === null ? 'loading…' : 'no match' })]
        : results.map((entry, i) =>
            el(
              'li',
              {
                class: i === active ? 'suggestion active' : 'suggestion',
                attrs: { role: 'option', 'aria-selected': String(i === active) },
                dataset: { kind: entry.kind },
                on: {
                  mousedown: (event) => {
                    event.preventDefault(); // keep focus until the click lands
                    choose(i);
                  },
                },
              },
              [el('span', { class: 'kind', text: KIND_LABELS[entry.kind] ?? entry.kind }), el('span', { class: 'value', text: entry.value }), el('span', { class: 'where muted', text: entry.key && entry.kind !== 'key' ? `${entry.key} · ${entry.cluster}` : entry.cluster })],
            ),
          )),
    );
    list.hidden = input.value.trim() === '';
    input.setAttribute('aria-expanded', String(!list.hidden));
    list.querySelector('.active')?.scrollIntoView({ block: 'nearest' });
  };

  const update = async () => {
    const query = input.value;
    props.onQuery(query);
    try {
      await ensureIndex();
    } catch {
      results = [];
      list.replaceChildren(el('li', { class: 'empty muted', text: 'search index unavailable' }));
      list.hidden = false;
      return;
    }
    if (input.value !== query) return; // typed on meanwhile
    results = index === null ? [] : matchEntries(index, query);
    answered = query;
    active = results.length > 0 ? 0 : -1;
    draw();
  };

  const choose = (i: number) => {
    const entry = results[i];
    if (entry === undefined) return;
    close();
    input.blur();
    props.onChoose(entry);
  };

  const onInput = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void update(), 80);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (results.length === 0) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
      draw();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      if (answered === input.value) choose(Math.max(0, active));
      else void update().then(() => choose(0));
    } else if (event.key === 'Escape') {
      event.stopPropagation();
      if (!list.hidden) close();
      else input.blur();
    }
  };
  const onFocus = () => {
    void ensureIndex().catch(() => {});
    if (input.value.trim() !== '' && results.length > 0) draw();
  };
  const onBlur = () => close();

  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKey);
  input.addEventListener('focus', onFocus);
  input.addEventListener('blur', onBlur);
  return {
    focus: () => input.focus(),
    teardown() {
      clearTimeout(timer);
      input.removeEventListener('input', onInput);
      input.removeEventListener('keydown', onKey);
      input.removeEventListener('focus', onFocus);
      input.removeEventListener('blur', onBlur);
      container.replaceChildren();
    },
  };
}
