/**
 * Zod schemas of exactly the STIX 2.1 objects sybilscope emits, from the
 * required and optional properties of the STIX 2.1 specification (OASIS
 * Standard, 10 June 2021): bundle (§8), identity (§4.8), grouping (§4.7),
 * indicator (§4.9), note (§4.11), threat-actor (§4.17), relationship
 * (§5.1), ipv4-addr (§6.4), ipv6-addr (§6.5),
 * domain-name (§6.3), user-account (§6.16), and custom observables (§11.2).
 * No npm package ships the official OASIS JSON schemas, so these are the
 * check the tests run; they are strict: an unknown property fails unless it
 * is a custom property (`x_` + lower-case letters, digits, underscores).
 */
import { z } from 'zod';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
export const stixId = (type: string) => z.string().regex(new RegExp(`^${type.replace(/[-]/g, '\\-')}--${UUID}$`));
const AnyId = z.string().regex(new RegExp(`^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]--${UUID}$`));
/** §3.2: RFC 3339, UTC, upper-case T and Z. */
export const Timestamp = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/);
/** §11.1: custom property names. */
const CUSTOM_PROPERTY = /^x_[a-z0-9_]{1,248}$/;

function strictWithCustom<T extends z.ZodRawShape>(shape: T) {
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((o, ctx) => {
      for (const k of Object.keys(o)) if (!(k in shape) && !CUSTOM_PROPERTY.test(k)) ctx.addIssue({ code: 'custom', message: `unknown property ${k}` });
    });
}

const sdoCommon = (type: string) => ({
  type: z.literal(type),
  spec_version: z.literal('2.1'),
  id: stixId(type),
  created: Timestamp,
  modified: Timestamp,
  created_by_ref: stixId('identity').optional(),
  labels: z.array(z.string().min(1)).optional(),
});

export const IdentitySchema = strictWithCustom({ ...sdoCommon('identity'), name: z.string().min(1), description: z.string().optional(), identity_class: z.string().optional() });

export const GroupingSchema = strictWithCustom({
  ...sdoCommon('grouping'),
  name: z.string().optional(),
  description: z.string().optional(),
  context: z.string().min(1),
  object_refs: z.array(AnyId).min(1),
});

export const IndicatorSchema = strictWithCustom({
  ...sdoCommon('indicator'),
  name: z.string().optional(),
  description: z.string().optional(),
  indicator_types: z.array(z.string()).optional(),
  pattern: z.string().min(1),
  pattern_type: z.string().min(1),
  valid_from: Timestamp,
});

export const NoteSchema = strictWithCustom({
  ...sdoCommon('note'),
  abstract: z.string().optional(),
  content: z.string().min(1),
  object_refs: z.array(AnyId).min(1),
});

export const ThreatActorSchema = strictWithCustom({ ...sdoCommon('threat-actor'), name: z.string().min(1), description: z.string().optional() });

export const RelationshipSchema = strictWithCustom({
  ...sdoCommon('relationship'),
  relationship_type: z.string().regex(/^[a-z0-9-]+$/),
  source_ref: AnyId,
  target_ref: AnyId,
});

const scoCommon = (type: string) => ({ type: z.literal(type), spec_version: z.literal('2.1').optional(), id: stixId(type) });
export const Ipv4Schema = strictWithCustom({ ...scoCommon('ipv4-addr'), value: z.string().min(1) });
export const Ipv6Schema = strictWithCustom({ ...scoCommon('ipv6-addr'), value: z.string().min(1) });
export const DomainNameSchema = strictWithCustom({ ...scoCommon('domain-name'), value: z.string().min(1) });
export const UserAccountSchema = strictWithCustom({ ...scoCommon('user-account'), user_id: z.string().optional(), account_type: z.string().optional(), account_created: Timestamp.optional() });
/** §11.2 custom object (deprecated in 2.1 in favour of extensions, still valid): `x-` type, a value. */
export const CustomObservableSchema = z
  .object({ type: z.string().regex(/^x-[a-z0-9-]{1,248}[a-z0-9]$/), spec_version: z.literal('2.1').optional(), id: AnyId, value: z.string().min(1) })
  .strict()
  .refine((o) => o.id.startsWith(`${o.type}--`), 'id must start with its type');

export const StixObjectSchema = z.union([IdentitySchema, GroupingSchema, IndicatorSchema, NoteSchema, ThreatActorSchema, RelationshipSchema, Ipv4Schema, Ipv6Schema, DomainNameSchema, UserAccountSchema, CustomObservableSchema]);

export const BundleSchema = z
  .object({ type: z.literal('bundle'), id: stixId('bundle'), objects: z.array(z.record(z.string(), z.unknown())).min(1) })
  .strict()
  .superRefine((b, ctx) => {
    const ids = new Set<string>();
    b.objects.forEach((o, i) => {
      const r = StixObjectSchema.safeParse(o);
      if (!r.success) ctx.addIssue({ code: 'custom', path: ['objects', i], message: `${String(o.type)}: ${r.error.issues[0].path.join('.')} ${r.error.issues[0].message}` });
      if (ids.has(String(o.id))) ctx.addIssue({ code: 'custom', path: ['objects', i], message: `duplicate id ${String(o.id)}` });
      ids.add(String(o.id));
    });
    for (const o of b.objects)
      for (const ref of [...((o.object_refs as string[] | undefined) ?? []), ...[o.created_by_ref, o.source_ref, o.target_ref].filter((x): x is string => typeof x === 'string')])
        if (!ids.has(ref)) ctx.addIssue({ code: 'custom', message: `${String(o.id)} refers to ${ref}, which is not in the bundle` });
  });
