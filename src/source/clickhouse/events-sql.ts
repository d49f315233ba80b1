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
      `s_key_id, count() AS requests, sum(${countValue('s_input_tokens')}) AS tokens_in, sum(${countValue('s_output_tokens')}) AS tokens_out, min(s_ms) AS first_ms, max(s_ms) AS last_ms`,
      `${accepted}\nGROUP BY s_key_id`,
    ),
    hours: q('s_key_id, intDiv(s_ms, 3600000) AS hour, count() AS n', `${accepted}\nGROUP BY s_key_id, hour`),
    accounts: q('s_key_id, s_account_id, count() AS n', `${accepted} AND s_account_id != ''\nGROUP BY s_key_id, s_account_id`),
    userAgents: q('s_key_id, s_user_agent, count() AS n', `${accepted} AND s_user_agent != ''\nGROUP BY s_key_id, s_user_agent`),
    ips: q(
      `s_key_id, s_ip, count() AS n, groupUniqArray(intDiv(s_ms, ${input.windowMs})) AS windows`,
      `${accepted} AND s_ip != ''\nGROUP BY s_key_id, s_ip`,
    ),
    prompts: q(
      `s_key_id, s_prompt, count() AS n, arraySlice(arraySort(groupArray(s_ms)), 1, ${k}) AS first_ms`,
      `${accepted} AND s_prompt != ''\nGROUP BY s_key_id, s_prompt`,
    ),
  };
}
