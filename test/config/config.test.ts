import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyColumnFlags, loadConfig } from '../../src/config/load.ts';
import { DEFAULT_CONFIG } from '../../src/config/schema.ts';

const dir = mkdtempSync(join(tmpdir(), 'sybilscope-config-'));
const file = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('config', () => {
  it('fills every default from the schema', async () => {
    expect(await loadConfig(undefined)).toEqual(DEFAULT_CONFIG);
  });

  it('merges a file with flags and overrides', async () => {
    const config = await loadConfig(file('ok.json', '{"evidence": {"ip": {"weight": 2}}, "columns": {"events": {"ip": "client_ip"}}}'), ['key_id=api_key', 'accounts.account_id=acct'], { cluster: { resolution: 2 } });
    expect(config.evidence.ip).toEqual({ weight: 2, supportOnly: false, maxAccounts: 50 });
    expect(config.columns.events).toEqual({ ip: 'client_ip', key_id: 'api_key' });
    expect(config.columns.accounts).toEqual({ account_id: 'acct' });
    expect(config.cluster.resolution).toBe(2);
  });

  it('maps account_id in both kinds unless told which', () => {
    expect(applyColumnFlags({}, ['account_id=org']).columns).toEqual({ events: { account_id: 'org' }, accounts: { account_id: 'org' } });
  });

  it('names the file and the path of a bad field', async () => {
    await expect(loadConfig(file('bad.json', '{"evidence": {"ip": {"weight": -1}}}'))).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(/bad\.json: evidence\.ip\.weight: .*>=0/) });
    await expect(loadConfig(file('typo.json', '{"clustr": {}}'))).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(/clustr/) });
    await expect(loadConfig(file('broken.json', '{"a": '))).rejects.toMatchObject({ code: 'E_CONFIG', message: expect.stringMatching(/not valid JSON/) });
    await expect(loadConfig(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'E_CONFIG' });
    expect(() => applyColumnFlags({}, ['nonsense=x'])).toThrow(/unknown role "nonsense"/);
    expect(() => applyColumnFlags({}, ['key_id'])).toThrow(/ROLE=COLUMN/);
  });
});
