import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trusted } from '../../src/report/html.ts';
import { md } from '../../src/report/markdown.ts';
import { escapeXml } from '../../src/export/xml.ts';
import { uuid5 } from '../../src/export/uuid5.ts';
import { patternString } from '../../src/export/stix.ts';
import { truncate } from '../../src/report/cluster-report.ts';

describe('escapeHtml and html``', () => {
  it('escapes the five HTML metacharacters and the backtick', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
  });

  it('escapes every interpolated string, number and array item', () => {
    const evil = '<script>alert(1)</script>';
    const out = html`<p title="${evil}">${evil}${[evil, 1]}</p>`.value;
    expect(out).not.toContain('<script>');
    expect(out).toBe('<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;1</p>');
  });

  it('passes nested html`` through once, and renders null, undefined and booleans as nothing', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${null}${undefined}${false}${true}</p>`.value).toBe('<p><b>&lt;i&gt;</b></p>');
  });

  it('does not treat a plain object that looks like SafeHtml as markup', () => {
    const fake = { value: '<script>' } as unknown as string;
    expect(html`${fake}`.value).toBe('[object Object]');
  });

  it('trusted markup is inserted as is (for code-written constants only)', () => {
    expect(html`${trusted('<br>')}`.value).toBe('<br>');
  });
});

describe('Markdown escaping', () => {
  it('turns HTML, links, images, code and table syntax into text', () => {
    const out = md('<img src=x onerror=alert(1)> [a](javascript:alert(1)) ![i](http://x/y.png) `code` | cell *em* _u_ # h');
    expect(out).not.toMatch(/<|(^|[^\\])[[\]`|*_]/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('\\[a\\](javascript:alert(1))');
  });

  it('breaks autolinks and keeps one line', () => {
    expect(md('see https://evil.example/x\nnext www.evil.example')).toBe('see https\\://evil.example/x next www\\.evil.example');
  });

  it('shows bidirectional overrides as visible code points', () => {
    expect(md('abc\u202Efdp.exe')).toBe('abc⟦U+202E⟧fdp.exe');
  });
});

describe('other helpers', () => {
  it('escapeXml escapes markup and replaces characters XML cannot carry', () => {
    expect(escapeXml('<a b="c">&\'\u0001\n')).toBe('&lt;a b=&quot;c&quot;&gt;&amp;&apos;\ufffd&#10;');
  });

  it('uuid5 matches RFC 9562 test vector (DNS namespace, www.example.com)', () => {
    expect(uuid5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('STIX pattern strings escape quotes and backslashes', () => {
    expect(patternString("a'b\\c")).toBe("'a\\'b\\\\c'");
  });

  it('truncate counts code points and marks the cut', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('😀😀😀', 3)).toBe('😀😀😀');
  });
});
