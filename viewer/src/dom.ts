/**
 * Building DOM without HTML strings. Text from the logs is attacker-written, so every string
 * reaches the page through `textContent` or an attribute set by name; this module is the only
 * place that creates elements, which keeps that rule easy to check.
 */

type Child = Node | string | number | null | undefined | false;

export interface ElementOptions {
  class?: string;
  text?: string | number;
  title?: string;
  attrs?: Record<string, string>;
  dataset?: Record<string, string>;
  on?: Partial<{ [K in keyof HTMLElementEventMap]: (event: HTMLElementEventMap[K]) => void }>;
}

/** Attributes that could run script or load URLs are refused, whatever the caller passes. */
const UNSAFE_ATTRIBUTE = /^(on|href$|src$|srcdoc$|action$|formaction$|style$)/i;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: readonly Child[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.class) element.className = options.class;
  if (options.text !== undefined) element.textContent = String(options.text);
  if (options.title !== undefined) element.title = options.title;
  for (const [name, value] of Object.entries(options.attrs ?? {})) {
    if (UNSAFE_ATTRIBUTE.test(name)) throw new Error(`refusing to set attribute ${name}`);
    element.setAttribute(name, value);
  }
  for (const [name, value] of Object.entries(options.dataset ?? {})) element.dataset[name] = value;
  for (const [name, handler] of Object.entries(options.on ?? {})) element.addEventListener(name, handler as EventListener);
  append(element, children);
  return element;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Remove every child of an element. */
export function clear(element: Element): void {
  element.replaceChildren();
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, children: readonly Child[] = []): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (UNSAFE_ATTRIBUTE.test(name)) throw new Error(`refusing to set attribute ${name}`);
    element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export const formatNumber = (n: number) => n.toLocaleString('en-US');
export const formatRisk = (risk: number) => risk.toFixed(2);
export const formatWeight = (weight: number) => (weight >= 10 ? weight.toFixed(1) : weight.toFixed(2));

/** "1 account", "3 accounts". */
export const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;
