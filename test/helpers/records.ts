/** Hand-made records for stage tests: only the fields a test cares about. */
import { Aggregator, type Dataset } from '../../src/aggregate/index.ts';
import { DEFAULT_CONFIG, type Config, type ConfigInput, ConfigSchema } from '../../src/config/schema.ts';
import type { AccountRecord, EventRecord } from '../../src/model.ts';

export const T0 = Date.UTC(2026, 10, 2);

export function ev(e: Partial<EventRecord> & { key_id: string }): EventRecord {
  const ip = e.ip ?? null;
  return {
    timestamp: T0,
    account_id: null,
    ip,
    prefix: e.prefix ?? (ip && ip.includes('.') ? ip.split('.').slice(0, 3).join('.') + '.0/24' : null),
    user_agent: null,
    model: null,
    prompt: null,
    input_tokens: null,
    output_tokens: null,
    extra: {},
    ...e,
  };
}

export function acct(a: Partial<AccountRecord> & { account_id: string }): AccountRecord {
  return { payment_fingerprint: null, email_domain: null, created_at: null, signup_ip: null, country: null, extra: {}, ...a };
}

export function config(input: ConfigInput = {}): Config {
  return ConfigSchema.parse(input);
}

export function dataset(events: EventRecord[], accounts: AccountRecord[] = [], cfg: Config = DEFAULT_CONFIG): Dataset {
  const agg = new Aggregator(cfg.coactivity.windowMinutes * 60_000);
  for (const a of accounts) agg.addAccount(a);
  for (const e of events) agg.addEvent(e);
  return agg.finalize();
}
