/**
 * One zod schema per kind of result row that comes back from ClickHouse
 * (JSONEachRow). Parsed at the boundary, once per aggregate row. ClickHouse
 * quotes 64-bit integers in JSON, and a read-only user may not turn that off,
 * so integers are read from numbers or decimal text. Columns keep the names of the query's WITH aliases
 * (s_key_id …): ClickHouse 18.16 loses a WITH alias renamed in the SELECT
 * of a Distributed query ("Not found column … in block").
 */
import { z } from 'zod';

const int = z.union([z.number().int(), z.string().regex(/^-?\d{1,16}$/).transform(Number)]);
const count = int.pipe(z.number().nonnegative());
const ms = int;
const key = z.string();

export const CountRowSchema = z.object({ s_reason: z.string(), n: count });
export const TotalsRowSchema = z.object({ s_key_id: key, requests: count, tokens_in: count, tokens_out: count, first_ms: ms, last_ms: ms, prompts: count });
export const HourRowSchema = z.object({ s_key_id: key, hour: int, n: count });
export const AccountCountRowSchema = z.object({ s_key_id: key, s_account_id: z.string(), n: count });
export const UserAgentCountRowSchema = z.object({ s_key_id: key, s_user_agent: z.string(), n: count });
export const IpRowSchema = z.object({ s_key_id: key, s_ip: z.string(), n: count, windows: z.array(int) });
export const PromptRowSchema = z.object({ s_key_id: key, s_prompt: z.string(), n: count, first_ms: z.array(ms).min(1) });

const cell = z.string().nullable();
const rowId = z.union([z.number(), z.string()]).nullable();
export const RejectedRowSchema = z.object({
  s_reason: z.string(),
  row_id: rowId,
  c_timestamp: cell,
  c_key_id: cell,
  c_account_id: cell,
  c_ip: cell,
  c_user_agent: cell,
  c_model: cell,
  c_prompt: cell,
  c_input_tokens: cell,
  c_output_tokens: cell,
});
export const AccountRowSchema = z.object({
  row_id: rowId,
  c_account_id: cell,
  c_payment_fingerprint: cell,
  c_email_domain: cell,
  c_created_at: cell,
  c_signup_ip: cell,
  c_country: cell,
});
