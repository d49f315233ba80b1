/**
 * Filter controls: evidence types shown, minimum edge weight, minimum risk. Displays the
 * filters of the state and calls back; the store does the rest.
 */
import { el } from '../dom.ts';
import { EVIDENCE_COLORS, FALLBACK_EDGE_COLOR } from '../reducers.ts';
import { EVIDENCE_ORDER, type Filters } from '../state.ts';
import { TYPE_LABELS } from './key-detail.ts';

export interface FiltersProps {
  filters: Filters;
  /** Evidence types present in the run (others are left out). */
  types: readonly string[];
  /** Largest edge weight of the current view, for the slider's range. */
  maxWeight: number;
  onToggleType(type: string): void;
  onMinWeight(value: number): void;
  onMinRisk(value: number): void;
}

export function renderFilters(container: HTMLElement, props: FiltersProps): () => void {
  const { filters } = props;
  const types = EVIDENCE_ORDER.filter((t) => props.types.includes(t));
  const checks = types.map((type) => {
    const box = el('input', { attrs: { type: 'checkbox' }, dataset: { type }, on: { change: () => props.onToggleType(type) } });
    box.checked = !filters.hiddenTypes.includes(type);
    const swatch = el('span', { class: 'swatch line' });
    swatch.style.backgroundColor = EVIDENCE_COLORS[type] ?? FALLBACK_EDGE_COLOR;
    return el('label', { class: 'check' }, [box, swatch, el('span', { text: TYPE_LABELS[type] ?? type })]);
  });
  const max = Math.max(props.maxWeight, filters.minWeight, 1);
  const weight = slider('min-weight', 'Min. link weight', filters.minWeight, 0, Math.ceil(max * 10) / 10, 0.05, props.onMinWeight);
  const risk = slider('min-risk', 'Min. cluster risk', filters.minRisk, 0, 1, 0.01, props.onMinRisk);
  container.replaceChildren(
    el('h2', { text: 'Filters' }),
    el('fieldset', { class: 'types' }, [el('legend', { text: 'Evidence shown' }), ...checks]),
    weight,
    risk,
  );
  return () => container.replaceChildren();
}

function slider(name: string, label: string, value: number, min: number, max: number, step: number, onChange: (value: number) => void): HTMLElement {
  const output = el('output', { text: value.toFixed(2) });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const range = el('input', {
    attrs: { type: 'range', min: String(min), max: String(max), step: String(step), name, 'aria-label': label },
    on: {
      input: () => {
        output.textContent = Number(range.value).toFixed(2);
        clearTimeout(timer);
        timer = setTimeout(() => onChange(Number(range.value)), 60);
      },
    },
  });
  range.value = String(value);
  return el('label', { class: 'slider' }, [el('span', { text: label }), range, output]);
}
