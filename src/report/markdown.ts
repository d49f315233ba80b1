/**
 * Escaping for Markdown documents that will be pasted into tickets and
 * rendered there: no text from the logs may become markup, a link, an
 * autolink, an HTML tag or a table cell boundary.
 */

/** Bidirectional controls and marks: shown as a visible code point in Markdown, where they cannot be isolated. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Escape text for Markdown inline content (a paragraph, a list item, a table cell). */
export function md(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    // Emphasis, code, links and images (brackets), headings, tables, strikethrough.
    .replace(/[\\`*_{}[\]#!|~]/g, '\\$&')
    // GFM autolinks: scheme://… and www.…
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/\r\n?|\n/g, ' ')
    .replace(BIDI, (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟧`);
}

/** A table row of already-escaped cells. */
export function mdRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function mdTable(head: string[], rows: string[][], align?: Array<'l' | 'r'>): string {
  const rule = head.map((_, i) => (align?.[i] === 'r' ? '---:' : '---'));
  return [mdRow(head), mdRow(rule), ...rows.map(mdRow)].join('\n');
}
