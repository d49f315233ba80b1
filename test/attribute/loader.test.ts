import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuePath, loadActors } from '../../src/attribute/load-actors.ts';
import { runCli } from '../helpers/cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-actors-'));
const write = (name: string, content: unknown) => {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const fails = async (path: string) => {
  try {
    await loadActors(path);
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('loaded');
};

describe('actors file', () => {
  it('reads YAML with defaults filled in', async () => {
    const { file, sha256 } = await loadActors(new URL('./fixtures/actors.yaml', import.meta.url).pathname);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.actors.map((a) => a.name)).toEqual(['LANTERN', 'HOLLOWAY']);
    expect(file.actors[0].indicators[1]).toEqual({ type: 'cidr', value: '2001:db8:7::/48', first_seen: '2026-03-01T00:00:00Z', confidence: 0.6 });
    expect(file.actors[0].indicators[0].confidence).toBe(1);
    expect(file.actors[1].description).toBe('');
  });

  it('names the file and the path of the bad field, on one line', async () => {
    const path = write('actors.json', { actors: [{ name: 'A', indicators: [{ type: 'ip', value: '1.2.3.4' }] }, { name: 'B', indicators: [{ type: 'key_id', value: 'k' }] }, { name: 'C', indicators: [{ type: 'phone', value: 'x' }] }] });
    const e = await fails(path);
    expect(e.code).toBe('E_ACTORS');
    expect(e.message).toMatch(/^actors\.json: actors\[2\]\.indicators\[0\]\.type: /);
    expect(e.message).not.toContain('\n');
  });

  it.each([
    ['unknown field', { actors: [{ name: 'A', colour: 'red', indicators: [{ type: 'ip', value: '1.2.3.4' }] }] }, /^a\.json: actors\[0\]: .*colour/],
    ['no indicators', { actors: [{ name: 'A', indicators: [] }] }, /^a\.json: actors\[0\]\.indicators: an actor needs at least one indicator/],
    ['confidence out of range', { actors: [{ name: 'A', indicators: [{ type: 'ip', value: '1.2.3.4', confidence: 2 }] }] }, /^a\.json: actors\[0\]\.indicators\[0\]\.confidence: /],
    ['bad time', { actors: [{ name: 'A', indicators: [{ type: 'ip', value: '1.2.3.4', first_seen: 'last March' }] }] }, /^a\.json: actors\[0\]\.indicators\[0\]\.first_seen: /],
    ['window backwards', { actors: [{ name: 'A', indicators: [{ type: 'ip', value: '1.2.3.4', first_seen: '2026-02-01T00:00:00Z', last_seen: '2026-01-01T00:00:00Z' }] }] }, /first_seen is after last_seen/],
    ['duplicate names', { actors: [{ name: 'A', indicators: [{ type: 'ip', value: '1' }] }, { name: 'A', indicators: [{ type: 'ip', value: '2' }] }] }, /^a\.json: actors\[1\]\.name: actor name "A" is used twice/],
    ['not an object', [1, 2], /^a\.json: \(top level\): /],
  ])('rejects %s', async (_, content, pattern) => {
    expect((await fails(write('a.json', content))).message).toMatch(pattern);
  });

  it('rejects text that is not JSON or YAML, naming the format', async () => {
    expect((await fails(write('b.json', '{"actors": ['))).message).toMatch(/^b\.json: not valid JSON: /);
    expect((await fails(write('b.yaml', 'actors: [\n  - {'))).message).toMatch(/^b\.yaml: not valid YAML: /);
    expect((await fails(join(tmp, 'missing.json'))).message).toMatch(/cannot read the actors file \(ENOENT\)/);
  });

  it('YAML paths are reported the same way', async () => {
    const path = write('bad.yml', 'actors:\n  - name: A\n    indicators:\n      - type: ip\n        value: 1.2.3.4\n        confidence: high\n');
    expect((await fails(path)).message).toMatch(/^bad\.yml: actors\[0\]\.indicators\[0\]\.confidence: /);
  });

  it('the command line prints the message and exits 1', async () => {
    const path = write('actors.json', { actors: [{ name: 'A', indicators: [{ type: 'nope', value: 'x' }] }] });
    const r = await runCli(['build', '--events', path, '--actors', path, '--out', join(tmp, 'out'), '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/actors\.json: actors\[0\]\.indicators\[0\]\.type: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('formats zod paths', () => {
    expect(issuePath(['actors', 2, 'indicators', 0, 'type'])).toBe('actors[2].indicators[0].type');
    expect(issuePath([])).toBe('');
  });
});
