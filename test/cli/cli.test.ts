import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.ts';
import { renderReadme } from '../../src/cli/docs.ts';
import { ROOT, runCli, runProcess } from '../helpers/cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'sybilscope-cli-'));
const events = join(tmp, 'events.jsonl');
writeFileSync(
  events,
  [
    '{"timestamp":"2026-11-02T10:00:00Z","key_id":"k1","account_id":"a1","ip":"203.0.113.5","user_agent":"rare-tool/1"}',
    '{"timestamp":"2026-11-02T10:03:00Z","key_id":"k2","account_id":"a2","ip":"203.0.113.5","user_agent":"rare-tool/1"}',
    '{"timestamp":"2026-11-02T10:04:00Z","key_id":"k3","account_id":"a3","ip":"203.0.113.5","user_agent":"rare-tool/1"}',
    '',
    '{"timestamp":"nope","key_id":"k9"}',
    '',
  ].join('\n'),
);

describe('cli as a function', () => {
  it('builds, prints the top-clusters table and writes every output', async () => {
    const out = join(tmp, 'out');
    const r = await runCli(['build', '--events', events, '--out', out, '--seed', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5 rows read: 3 accepted, 1 rejected, 1 blank/);
    expect(r.stdout).toMatch(/rank\s+id\s+risk\s+keys\s+accounts\s+first reason/);
    expect(r.stdout).toMatch(/\b1\s+c_[0-9a-f]{10}\s+\d\.\d\d\s+3\s+3\s/);
    for (const f of ['clusters.json', 'assignments.csv', 'edges.jsonl', 'graph.json', 'summary.json', 'manifest.json', 'rejected.jsonl'])
      expect(existsSync(join(out, f)), f).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ seed: 3, inputs: [{ path: events, kind: 'events' }] });
    expect(manifest.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a bad flag with one line naming it and exit 2', async () => {
    for (const args of [
      ['build', '--events', events, '--seed', 'abc'],
      ['build', '--events', events, '--bogus'],
      ['build'],
      ['build', '--events', events, '--column', 'nonsense=x'],
      ['nope'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect((await runCli(['build', '--events', events, '--seed', 'abc'])).stderr).toMatch(/--seed/);
    expect((await runCli(['build'])).stderr).toMatch(/--events/);
  });

  it('fails with one line and exit 1 on a missing input, leaving old output in place', async () => {
    const out = join(tmp, 'keep');
    expect((await runCli(['build', '--events', events, '--out', out])).code).toBe(0);
    const before = readFileSync(join(out, 'clusters.json'), 'utf8');
    const r = await runCli(['build', '--events', join(tmp, 'missing.jsonl'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.jsonl/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(out, 'clusters.json'), 'utf8')).toBe(before);
  });

  it('prints help for every command', async () => {
    for (const c of COMMANDS) {
      const r = await runCli([c.name, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: ${c.usage}`);
    }
  });
});

describe('cli as a process', () => {
  it('runs the bin and exits 0 on success', () => {
    const r = runProcess(['build', '--events', events, '--out', join(tmp, 'proc'), '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(tmp, 'proc', 'clusters.json'))).toBe(true);
  });

  it('prints a one-line error, not a stack trace, for a bad config', () => {
    const config = join(tmp, 'bad.json');
    writeFileSync(config, '{"cluster": {"resolution": -1}}');
    const r = runProcess(['build', '--events', events, '--config', config, '--out', join(tmp, 'x')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^sybilscope build: .*bad\.json: cluster\.resolution: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('README', () => {
  it('has the option reference generated from the schemas (npm run docs)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(renderReadme(readme, COMMANDS)).toBe(readme);
  });
});
