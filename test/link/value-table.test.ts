import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/aggregate/index.ts';
import { buildValueTable, keyCount, keysOf, valuesOf, type ValueTable } from '../../src/link/value-table.ts';
import { acct, dataset, ev, T0 } from '../helpers/records.ts';

/** Per value: [value, keys by id, requests]; hub values marked. */
function byValue(table: ValueTable, data: Dataset) {
  return table.values.map((value, v) => {
    const at = table.keyStart[v];
    const keys = [...keysOf(table, v)].map((k) => data.keys[k].id);
    const requests = keys.map((_, p) => table.requestList[at + p]);
    return [value, keys, requests, table.hub[v] === 1 ? 'hub' : table.accounts[v]];
  });
}

/** The flat layout's invariants. */
function checkLayout(table: ValueTable, nodes: number) {
  const n = table.values.length;
  expect(table.keyStart.length).toBe(n + 1);
  expect(table.keyStart[n]).toBe(table.keyList.length);
  expect(table.requestList.length).toBe(table.keyList.length);
  expect(table.valueStart.length).toBe(nodes + 1);
  expect(table.valueStart[nodes]).toBe(table.valueList.length);
  const expected: number[][] = Array.from({ length: nodes }, () => []);
  for (let v = 0; v < n; v++) {
    const keys = [...keysOf(table, v)];
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(keyCount(table, v)).toBe(keys.length);
    if (table.hub[v] === 0) for (const k of keys) expected[k].push(v);
  }
  for (let k = 0; k < nodes; k++) {
    expect([...valuesOf(table, k)]).toEqual(expected[k]);
  }
}

describe('value tables', () => {
  // Keys by index: ka=0, kb=1, kc=2, kd=3, ke=4.
  const events = [
    ev({ key_id: 'kc', account_id: 'a1', ip: '203.0.113.9', user_agent: 'ua-x', timestamp: T0 }),
    ev({ key_id: 'kc', account_id: 'a1', ip: '203.0.113.9', timestamp: T0 + 1 }),
    ev({ key_id: 'kc', account_id: 'a1', ip: '203.0.113.7', timestamp: T0 + 2 }),
    ev({ key_id: 'ka', account_id: 'a2', ip: '203.0.113.7', user_agent: 'ua-x', timestamp: T0 + 3 }),
    ev({ key_id: 'ke', account_id: 'a2', ip: '198.51.100.1', timestamp: T0 + 4 }),
    ev({ key_id: 'kb', account_id: 'a1', ip: '198.51.100.1', timestamp: T0 + 5 }),
    ev({ key_id: 'kd', ip: '198.51.100.2', user_agent: 'ua-y', timestamp: T0 + 6 }),
  ];
  const accounts = [
    acct({ account_id: 'a1', payment_fingerprint: 'card-1', email_domain: 'gmail.com' }),
    acct({ account_id: 'a2', payment_fingerprint: 'card-1', email_domain: 'corp.example' }),
  ];
  const data = dataset(events, accounts);

  it('lays IP keys out ascending per value, with their requests, and a window list per linking value', () => {
    const table = buildValueTable(data, 'ip', 1);
    expect(byValue(table, data)).toEqual([
      ['198.51.100.1', ['kb', 'ke'], [1, 1], 'hub'],
      ['198.51.100.2', ['kd'], [1], 1],
      ['203.0.113.7', ['ka', 'kc'], [1, 1], 'hub'],
      ['203.0.113.9', ['kc'], [2], 1],
    ]);
    checkLayout(table, data.keys.length);
    const open = buildValueTable(data, 'ip', 10);
    expect(open.windows!.map((w) => w !== null)).toEqual([true, false, true, false]);
    checkLayout(open, data.keys.length);
  });

  it('sums a key’s requests over its IPs in one prefix', () => {
    const table = buildValueTable(data, 'prefix', 10);
    expect(byValue(table, data)).toEqual([
      ['198.51.100.0/24', ['kb', 'kd', 'ke'], [1, 1, 1], 3],
      ['203.0.113.0/24', ['ka', 'kc'], [1, 3], 2],
    ]);
    expect(table.windows).toBeNull();
    checkLayout(table, data.keys.length);
  });

  it('sorts keys that accounts interleave, and leaves always-hubs out of the keys’ values', () => {
    const payment = buildValueTable(data, 'payment', 10);
    expect(byValue(payment, data)).toEqual([['card-1', ['ka', 'kb', 'kc', 'ke'], [1, 1, 3, 1], 2]]);
    checkLayout(payment, data.keys.length);
    const email = buildValueTable(data, 'email_domain', 10, new Set(['gmail.com']));
    expect(byValue(email, data)).toEqual([
      ['corp.example', ['ka', 'ke'], [1, 1], 1],
      ['gmail.com', ['kb', 'kc'], [1, 3], 'hub'],
    ]);
    checkLayout(email, data.keys.length);
    expect([...valuesOf(email, 2)]).toEqual([]);
    expect([...valuesOf(email, 4)]).toEqual([0]);
  });

  it('interns user agents', () => {
    const table = buildValueTable(data, 'user_agent', 10);
    expect(byValue(table, data)).toEqual([
      ['ua-x', ['ka', 'kc'], [1, 1], 2],
      ['ua-y', ['kd'], [1], 1],
    ]);
    checkLayout(table, data.keys.length);
  });

  it('is empty without templates', () => {
    const table = buildValueTable(data, 'template', 10);
    expect(table.values).toEqual([]);
    expect(table.keyStart).toEqual(Int32Array.of(0));
    checkLayout(table, data.keys.length);
  });
});
