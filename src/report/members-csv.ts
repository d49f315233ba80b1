/** `<clusterId>-members.csv`: one row per key, every cell formula-neutralised (src/util/csv.ts). */
import { csvRow } from '../util/csv.ts';
import type { ClusterReport } from './schema.ts';

export const MEMBER_COLUMNS = [
  'key_id', 'account_id', 'account_created_at', 'email_domain', 'requests', 'input_tokens', 'output_tokens',
  'first_seen', 'last_seen', 'active_hours', 'ip_count', 'top_ip', 'top_user_agent',
] as const;

export function membersCsv(r: ClusterReport): string {
  const lines = [MEMBER_COLUMNS.join(',')];
  for (const m of r.members)
    lines.push(csvRow([m.key, m.account, m.account_created_at, m.email_domain, m.requests, m.input_tokens, m.output_tokens, m.first_seen, m.last_seen, m.active_hours, m.ip_count, m.top_ip, m.top_user_agent]));
  return lines.join('\r\n') + '\r\n';
}
