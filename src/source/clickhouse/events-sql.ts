/**
 * SQL over the events table, one query per aggregate. Each query reads the
 * table itself (FROM the Distributed table, GROUP BY in the same SELECT), so
 * the shards aggregate their own rows and only partial aggregates reach the
 * node that merges them. The row contract (validate-sql.ts) is one WITH
 * clause of aliased expressions shared by every query: s_<role> is a cell's
 * trimmed text, s_ms the timestamp, s_reason '' for an accepted row.
 */
import { EVENT_ROLES } from '../../model.ts';
import { countOk, countValue, ipOk, timestampMs, trimmed } from './validate-sql.ts';

type Role = (typeof EVENT_ROLES)[number];

export interface EventsSqlInput {
  /** `db`.`table` */
  table: string;
  /** SQL text of each role (EVENT_ROLES order), NULL for absent columns (columns.ts roleTexts). */
  texts: string[];
  /** SQL of the row identifier, or NULL. */
  rowId: string;
  windowMs: number;
  maxPromptsPerKey: number;
  /** templates.seed: the prompt sampler's rank (src/templates/sampler.ts) is computed here too. */
  seed: number;
}

export interface EventsSql {
  counts: string;
  rejected(perReason: number): string;
  totals: string;
  hours: string;
  accounts: string;
  userAgents: string;
  /** Per key and IP: requests and the co-activity windows it was active in. */
  ips: string;
  prompts: string;
}

export function eventsSql(input: EventsSqlInput): EventsSql {
  const r = (role: Role) => input.texts[EVENT_ROLES.indexOf(role)];
  const blank = EVENT_ROLES.map((role) => `${r(role)} IS NULL`).join(' AND ');
  // The first failing cell, in the order the file path's zod schema reports it:
  // absent required cells (a type error) before the cells' own checks.
  const reason = `multiIf(
    ${blank}, 'blank',
    ${r('timestamp')} IS NULL, 'missing timestamp',
    ${r('key_id')} IS NULL, 'missing key_id',
    s_timestamp = '', 'missing timestamp',
    s_ms < 0, 'bad timestamp',
    s_key_id = '', 'missing key_id',
    NOT ${ipOk('s_ip')}, 'bad ip',
    NOT ${countOk('s_input_tokens')}, 'bad input_tokens',
    NOT ${countOk('s_output_tokens')}, 'bad output_tokens',
    '')`;
  const withClause = `WITH
  ${EVENT_ROLES.map((role) => `${trimmed(r(role))} AS s_${role}`).join(',\n  ')},
  if(s_timestamp = '', toInt64(-1), ${timestampMs('s_timestamp')}) AS s_ms,
  ${reason} AS s_reason`;
  const from = `FROM ${input.table}`;
  const accepted = `${from}\nWHERE s_reason = ''`;
  const q = (select: string, rest: string) => `${withClause}\nSELECT ${select}\n${rest}`;
  const k = input.maxPromptsPerKey;
  const raw = EVENT_ROLES.map((role) => `${r(role)} AS c_${role}`).join(', ');
  return {
    counts: q('s_reason, count() AS n', `${from}\nGROUP BY s_reason ORDER BY s_reason`),
    rejected: (perReason) =>
      q(
        `s_reason, ${input.rowId} AS row_id, ${raw}`,
        `${from}\nWHERE s_reason NOT IN ('', 'blank')\nORDER BY s_reason, row_id, cityHash64(${EVENT_ROLES.map((role) => `ifNull(${r(role)}, '')`).join(', ')})\nLIMIT ${perReason} BY s_reason`,
      ),
    totals: q(
      `s_key_id, count() AS requests, sum(${countValue('s_input_tokens')}) AS tokens_in, sum(${countValue('s_output_tokens')}) AS tokens_out, min(s_ms) AS first_ms, max(s_ms) AS last_ms, countIf(s_prompt != '') AS prompts`,
      `${accepted}\nGROUP BY s_key_id`,
    ),
    hours: q('s_key_id, intDiv(s_ms, 3600000) AS hour, count() AS n', `${accepted}\nGROUP BY s_key_id, hour`),
    accounts: q('s_key_id, s_account_id, count() AS n', `${accepted} AND s_account_id != ''\nGROUP BY s_key_id, s_account_id`),
    userAgents: q('s_key_id, s_user_agent, count() AS n', `${accepted} AND s_user_agent != ''\nGROUP BY s_key_id, s_user_agent`),
    ips: q(
      `s_key_id, s_ip, count() AS n, groupUniqArray(intDiv(s_ms, ${input.windowMs})) AS windows`,
      `${accepted} AND s_ip != ''\nGROUP BY s_key_id, s_ip`,
    ),
    // Each key's distinct prompts of the k smallest ranks (ties by text), with their counts and
    // first k times: the file path's per-key bottom-k under (rank, text, time) only ever keeps
    // copies of these texts (see feedPrompts in index.ts).
    prompts: `SELECT s_key_id, s_prompt, n, first_ms FROM (
  SELECT s_key_id, s_prompt, n, first_ms, ${promptRankSql('s_prompt', input.seed, 'rank')} FROM (
    ${q(`s_key_id, s_prompt, count() AS n, arraySlice(arraySort(groupArray(s_ms)), 1, ${k}) AS first_ms`, `${accepted} AND s_prompt != ''\nGROUP BY s_key_id, s_prompt`)}
  )
)
ORDER BY s_key_id, rank, s_prompt
LIMIT ${k} BY s_key_id`,
  };
}

/** x mod 2^32, for products of two 32-bit values (below 2^64, exact in UInt64). */
const u32 = (x: string) => `bitAnd(${x}, 4294967295)`;

/**
 * SQL of the prompt sampler's rank, mix32(murmur3(UTF-8 of the text), seed)
 * (src/util/hash.ts), as aliased steps ending in `AS ${'$'}{alias}`, in UInt64
 * arithmetic that ClickHouse 18.16 has: murmurHash3_32 is the same hash of
 * the same bytes, Math.imul is a product taken mod 2^32, and xors and shifts
 * of 32-bit values agree.
 */
export function promptRankSql(text: string, seed: number, alias: string): string {
  const r = (i: number) => `${alias}_${i}`;
  // mix32(a, b): h = imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b; h ^= h >>> 16; h = imul(h, 0x85ebca6b); h ^= h >>> 13; h = imul(h, 0xc2b2ae35); h ^= h >>> 16.
  return [
    `toUInt64(murmurHash3_32(${text})) AS ${r(0)}`,
    `bitXor(${u32(`bitXor(${r(0)}, 2654435769) * 2246822507`)}, ${seed >>> 0}) AS ${r(1)}`,
    `bitXor(${r(1)}, bitShiftRight(${r(1)}, 16)) AS ${r(2)}`,
    `${u32(`${r(2)} * 2246822507`)} AS ${r(3)}`,
    `bitXor(${r(3)}, bitShiftRight(${r(3)}, 13)) AS ${r(4)}`,
    `${u32(`${r(4)} * 3266489909`)} AS ${r(5)}`,
    `bitXor(${r(5)}, bitShiftRight(${r(5)}, 16)) AS ${alias}`,
  ].join(', ');
}
