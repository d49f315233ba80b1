import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../src/util/csv.ts';

describe('csv cells', () => {
  it('neutralises every formula prefix a spreadsheet runs', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x")']) expect(csvCell(s)).toMatch(/^"?'/);
  });
  it('quotes per RFC 4180 and leaves plain text alone', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3])).toBe('a,"b,c","say ""hi""","two\nlines",,3');
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
  });
});
