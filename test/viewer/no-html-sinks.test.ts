/**
 * Text from the logs is attacker-written: the viewer must never parse strings as HTML. This test
 * greps the viewer's sources for the DOM APIs that do.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.ts';

const SINKS = [/\.innerHTML\b/, /\.outerHTML\b/, /\binsertAdjacentHTML\b/, /\bdocument\.write(ln)?\b/, /\bcreateContextualFragment\b/, /\bsetHTMLUnsafe\b/, /\bparseHTMLUnsafe\b/, /\bDOMParser\b/, /\beval\s*\(/, /\bnew Function\b/, /\.srcdoc\b/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|js|html)$/.test(name) ? [path] : [];
  });
}

describe('viewer sources', () => {
  const sources = [...files(join(ROOT, 'viewer/src')), join(ROOT, 'viewer/index.html')];

  it('are found', () => {
    expect(sources.length).toBeGreaterThan(5);
  });

  it('never use an HTML-parsing sink', () => {
    const hits = sources.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (SINKS.some((sink) => sink.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });

  it('index.html has no inline script or style', () => {
    const html = readFileSync(join(ROOT, 'viewer/index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});
