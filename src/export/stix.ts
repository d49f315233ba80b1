/**
 * A STIX 2.1 bundle per cluster, for threat-intelligence platforms (MISP,
 * OpenCTI): a grouping for the cluster (risk and reasons), the shared
 * infrastructure as observables (ipv4-addr, ipv6-addr, domain-name,
 * user-account; payment fingerprints, user agents and API keys as custom
 * `x-sybilscope-*` observables), indicators with STIX patterns for the IPs,
 * prefixes and payment fingerprints, a note per prompt template, and with
 * attribution a threat-actor that the indicators indicate.
 *
 * Deterministic: observable ids follow STIX §2.9 (UUIDv5 over the canonical
 * JSON of the id-contributing properties, in the STIX namespace); every
 * other id is a UUIDv5 of the cluster id and the object's content in
 * sybilscope's namespace. `created`/`modified` come from the build's data
 * (the run's last event), never from the clock.
 */
import type { ClusterReport } from '../report/schema.ts';
import { uuid5 } from './uuid5.ts';

/** STIX 2.1 §2.9: namespace of deterministic observable ids. */
export const STIX_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** sybilscope's namespace: UUIDv5 of "sybilscope" in the RFC 9562 DNS namespace. */
export const SYBILSCOPE_NAMESPACE = uuid5('sybilscope', '6ba7b810-9dad-11d1-80b4-00c04fd430c8');
export const IDENTITY_ID = `identity--${uuid5('identity|sybilscope', SYBILSCOPE_NAMESPACE)}`;

type StixObject = Record<string, unknown> & { type: string; id: string };

const EPOCH = '1970-01-01T00:00:00.000Z';

/** A STIX pattern string literal (§9.2: backslash and quote escaped). */
export const patternString = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

const isV6 = (ip: string) => ip.includes(':');

export function stixBundle(r: ClusterReport, runLastSeen: string | null): Record<string, unknown> {
  const stamp = runLastSeen ?? r.summary.last_seen ?? EPOCH;
  const validFrom = r.summary.first_seen ?? stamp;
  const sdo = (type: string, name: string) => ({ type, spec_version: '2.1', id: `${type}--${uuid5(`${type}|${r.id}|${name}`, SYBILSCOPE_NAMESPACE)}`, created: stamp, modified: stamp, created_by_ref: IDENTITY_ID });
  const sco = (type: string, props: Record<string, string>) => ({ type, spec_version: '2.1', id: `${type}--${uuid5(JSON.stringify(props), STIX_NAMESPACE)}`, ...props });

  const observables = new Map<string, StixObject>();
  const addSco = (o: StixObject) => void observables.set(o.id, o);
  const indicators: StixObject[] = [];
  const indicator = (kind: string, value: string, pattern: string, description: string) =>
    indicators.push({
      ...sdo('indicator', `${kind}|${value}`),
      name: `${kind} shared in sybilscope cluster ${r.id}`.slice(0, 250),
      description,
      indicator_types: ['anomalous-activity'],
      pattern,
      pattern_type: 'stix',
      valid_from: validFrom,
    });

  for (const v of [...r.shared.ips, ...r.shared.signup_ips]) {
    const type = isV6(v.value) ? 'ipv6-addr' : 'ipv4-addr';
    addSco(sco(type, { value: v.value }));
  }
  for (const v of r.shared.ips) {
    const type = isV6(v.value) ? 'ipv6-addr' : 'ipv4-addr';
    indicator('IP', v.value, `[${type}:value = ${patternString(v.value)}]`, `Used by ${v.keys} keys across ${v.accounts} accounts of the cluster.`);
  }
  for (const v of r.shared.prefixes) {
    const type = isV6(v.value) ? 'ipv6-addr' : 'ipv4-addr';
    indicator('Prefix', v.value, `[${type}:value ISSUBSET ${patternString(v.value)}]`, `Addresses in this prefix were used by ${v.keys} keys across ${v.accounts} accounts of the cluster.`);
  }
  for (const v of r.shared.payments) {
    addSco(sco('x-sybilscope-payment-fingerprint', { value: v.value }));
    indicator('Payment method', v.value, `[x-sybilscope-payment-fingerprint:value = ${patternString(v.value)}]`, `Payment fingerprint on ${v.accounts} accounts of the cluster.`);
  }
  for (const v of r.shared.user_agents) addSco(sco('x-sybilscope-user-agent', { value: v.value }));
  for (const v of r.shared.email_domains) addSco(sco('domain-name', { value: v.value }));
  for (const a of r.accounts) if (a.id !== null) addSco({ ...sco('user-account', { user_id: a.id }), ...(a.created_at ? { account_created: a.created_at } : {}) });
  for (const m of r.members) addSco(sco('x-sybilscope-api-key', { value: m.key }));

  const notes: StixObject[] = [];
  const grouping = sdo('grouping', 'cluster');
  for (const t of r.templates)
    notes.push({
      ...sdo('note', `template|${t.id}`),
      abstract: `Prompt template ${t.id}${t.reasoning ? ' (asks for reasoning)' : ''}`,
      content: `${t.text}\n\n${t.keys} keys and ${t.accounts} accounts of the cluster sent about ${t.requests} requests following this template ("<*>" marks where the prompts differ).`,
      object_refs: [grouping.id],
    });

  // Attribution (build --actors): the actor as a threat-actor, which each indicator indicates.
  const actor: StixObject[] = [];
  if (r.attribution) {
    const a = r.attribution;
    const threatActor = {
      ...sdo('threat-actor', `actor|${a.actor}`),
      name: a.actor,
      ...(a.description ? { description: a.description } : {}),
      x_sybilscope_confidence: a.confidence,
      x_sybilscope_evidence: a.evidence,
    };
    actor.push(threatActor);
    for (const ind of indicators)
      actor.push({ ...sdo('relationship', `indicates|${ind.id}|${threatActor.id}`), relationship_type: 'indicates', source_ref: ind.id, target_ref: threatActor.id });
  }

  const sorted = [...observables.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const members = [...sorted, ...indicators, ...notes, ...actor];
  const groupingObject = {
    ...grouping,
    name: `sybilscope cluster ${r.id} (rank ${r.rank}, risk ${r.risk.toFixed(2)})`,
    description: [`Coordinated API keys found by sybilscope: ${r.summary.keys} keys, ${r.summary.accounts} accounts, risk ${r.risk.toFixed(2)}.`, ...r.reasons.map((x) => `- ${x}`)].join('\n'),
    context: 'suspicious-activity',
    object_refs: members.length > 0 ? members.map((o) => o.id) : [IDENTITY_ID],
    x_sybilscope_cluster: r.id,
    x_sybilscope_rank: r.rank,
    x_sybilscope_risk: r.risk,
  };
  const identity = { type: 'identity', spec_version: '2.1', id: IDENTITY_ID, created: stamp, modified: stamp, name: 'sybilscope', identity_class: 'system' };
  return {
    type: 'bundle',
    id: `bundle--${uuid5(`bundle|${r.id}|${r.manifest.inputs.map((i) => i.sha256).join(',')}`, SYBILSCOPE_NAMESPACE)}`,
    objects: [identity, groupingObject, ...members],
  };
}
