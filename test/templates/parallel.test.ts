/**
 * Mining on worker threads gives the same templates, assignment and work
 * counters as mining on the calling thread, for any number of workers; the
 * pool closes, and a failing worker is an error, not a hang.
 */
import { describe, expect, it } from 'vitest';
import { mineTemplates, type MinerStats, type PromptSample } from '../../src/templates/index.ts';
import { mineTemplatesParallel } from '../../src/templates/mine-parallel.ts';
import { mineOnThread } from '../../src/templates/mine-thread.ts';
import { packTexts, textAt } from '../../src/templates/packed-texts.ts';
import { WorkerPool } from '../../src/templates/worker-pool.ts';
import { manySmallTemplates, planted } from './fixtures.ts';

/** Planted templates and free text, with repeated texts, a lone surrogate and Chinese; 8 prompts per key. */
function workload(): PromptSample[] {
  const { samples } = planted(3, 600, 2500, 1200);
  const extra = manySmallTemplates(4, 150);
  const odd = ['\ud800 lone high surrogate in a prompt', 'a lone low \udc00 surrogate', '😀 emoji and 中文 text'];
  return [
    ...samples,
    ...extra.map((r) => ({ ...r, key: r.key + 5000 })),
    ...samples.slice(0, 300).map((r) => ({ ...r, key: r.key + 9000 })), // the same texts from other keys
    ...odd.flatMap((prompt, i) => Array.from({ length: 6 }, (_, j) => ({ key: 9500 + j, prompt, timestamp: i * 10 + j }))),
  ];
}

describe('mineTemplatesParallel', () => {
  const rows = workload();

  for (const maxPromptsPerKey of [8, 0]) {
    it(`gives what one thread gives for 1, 2 and 3 workers (maxPromptsPerKey ${maxPromptsPerKey})`, async () => {
      const one: Partial<MinerStats> = {};
      const expected = mineTemplates(rows, { maxPromptsPerKey }, one);
      expect(expected.templates.length).toBeGreaterThan(10);
      for (const workers of [1, 2, 3]) {
        const stats: Partial<MinerStats> = {};
        const got = await mineTemplatesParallel(rows, { maxPromptsPerKey }, { workers, minPromptsPerWorker: 1 }, stats);
        expect(got.templates, `${workers} workers`).toEqual(expected.templates);
        expect([...got.assignment]).toEqual([...expected.assignment]);
        expect(stats).toEqual(one);
      }
    }, 120_000);
  }

  it('mines on the calling thread below minPromptsPerWorker', async () => {
    const small = rows.slice(0, 400);
    expect(await mineTemplatesParallel(small, {}, { workers: 4 })).toEqual(mineTemplates(small));
  });
});

describe('mineOnThread', () => {
  it('gives what the calling thread gives, lone surrogates and all, with the miner on a thread of its own', async () => {
    const rows = workload();
    const expected = mineTemplates(rows);
    const got = await mineOnThread(rows, {}, 2);
    expect(got.templates).toEqual(expected.templates);
    expect([...got.assignment]).toEqual([...expected.assignment]);
  }, 120_000);
});

describe('packed texts', () => {
  it('read back every text exactly, lone surrogates included', () => {
    const texts = ['', 'plain', 'é 中文 😀', '\ud800x', 'y\udfff', 'a\ud83d\ude00b'];
    const p = packTexts(texts);
    expect(texts.map((_, i) => textAt(p, i))).toEqual(texts);
    expect(p.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});

describe('WorkerPool', () => {
  const entry = new URL('./fixtures/pool-worker.ts', import.meta.url);

  it('answers calls and closes', async () => {
    const pool = new WorkerPool(entry, 2);
    try {
      expect(await Promise.all([pool.call(0, 'double', 21), pool.call(1, 'double', 4)])).toEqual([42, 8]);
    } finally {
      await pool.close();
    }
    await expect(pool.call(0, 'double', 1)).rejects.toThrow(/closed/);
  });

  it('turns an error thrown by an op into a rejected call', async () => {
    const pool = new WorkerPool(entry, 1);
    try {
      await expect(pool.call(0, 'throw', 'boom')).rejects.toThrow(/template worker 0: boom/);
      expect(await pool.call(0, 'double', 2)).toBe(4); // the worker lives on
    } finally {
      await pool.close();
    }
  });

  it('rejects what is pending on a worker that dies, and every later call to it', async () => {
    const pool = new WorkerPool(entry, 2);
    try {
      await expect(pool.call(0, 'crash', null)).rejects.toThrow(/template worker 0 failed/);
      await expect(pool.call(0, 'double', 1)).rejects.toThrow(/template worker 0 failed/);
      await expect(pool.call(1, 'exit', 3)).rejects.toThrow(/exited \(code 3\)/);
    } finally {
      await pool.close();
    }
  });

  it('rejects, rather than hangs, a call whose answer cannot be posted; the worker lives on', async () => {
    const pool = new WorkerPool(entry, 1);
    try {
      await expect(pool.call(0, 'uncloneable', null)).rejects.toThrow(/template worker 0: .*could not be cloned/);
      await expect(pool.call(0, 'transferTwice', null)).rejects.toThrow(/template worker 0: ./);
      await expect(pool.call(0, 'noReply', null)).rejects.toThrow(/template worker 0: ./);
      expect(await pool.call(0, 'double', 5)).toBe(10);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('rejects what is pending on a worker that exits with code 0', async () => {
    const pool = new WorkerPool(entry, 1);
    try {
      await expect(pool.call(0, 'exit', 0)).rejects.toThrow(/exited \(code 0\)/);
      await expect(pool.call(0, 'double', 1)).rejects.toThrow(/exited \(code 0\)/);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('rejects the calls of an entry that fails to load', async () => {
    const pool = new WorkerPool(new URL('./fixtures/broken-worker.ts', import.meta.url), 1);
    try {
      await expect(pool.call(0, 'double', 1)).rejects.toThrow(/failed.*cannot load/);
    } finally {
      await pool.close();
    }
  });
});
