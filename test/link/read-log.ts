/** A log on disk read into a Dataset (and templates) as the build reads it, for link tests. */
import { join } from 'node:path';
import { Aggregator, type Dataset } from '../../src/aggregate/index.ts';
import { DEFAULT_CONFIG } from '../../src/config/schema.ts';
import { readInput } from '../../src/ingest/index.ts';
import { PromptStage, type KeyTemplates } from '../../src/prompts/index.ts';

/** events.jsonl and accounts.csv of `dir` (as `sybilscope generate` writes them). */
export function readLog(dir: string): Promise<{ data: Dataset; templates: KeyTemplates }> {
  return readFiles(join(dir, 'events.jsonl'), join(dir, 'accounts.csv'));
}

/** An events file and an optional accounts file (bench/link.ts reads its inputs this way too). */
export async function readFiles(events: string, accounts?: string): Promise<{ data: Dataset; templates: KeyTemplates }> {
  const cfg = DEFAULT_CONFIG;
  const aggregator = new Aggregator(cfg.coactivity.windowMinutes * 60_000);
  const prompts = new PromptStage(cfg.templates);
  const sink = {
    event: (e: Parameters<Aggregator['addEvent']>[0]) => {
      const seq = aggregator.addEvent(e);
      if (e.prompt !== null) prompts.add(seq, e.prompt, e.timestamp);
    },
    account: (a: Parameters<Aggregator['addAccount']>[0]) => aggregator.addAccount(a),
    reject: () => {},
  };
  if (accounts) await readInput(accounts, 'accounts', { ...cfg.ingest, columns: cfg.columns.accounts }, sink);
  await readInput(events, 'events', { ...cfg.ingest, columns: cfg.columns.events }, sink);
  const data = aggregator.finalize();
  return { data, templates: await prompts.finish(data) };
}
