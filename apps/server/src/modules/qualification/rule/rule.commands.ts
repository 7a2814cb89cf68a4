import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import type { RuleVersion } from '../check/facts.ts';
import { ruleFunctions, selectRules } from '../check/qualification.rules.ts';
import { factsRepo } from '../check/facts.repo.ts';

/** National defaults shipped with Custodia: rule key → requirement IDs and parameters. */
export const defaultRules: { key: string; requirements: string[]; params?: Record<string, unknown> }[] = [
  { key: 'product_master_approved', requirements: ['CN-SYS-05'] },
  { key: 'product_registration_valid', requirements: ['CN-QUAL-07'] },
  { key: 'product_file_approved', requirements: ['CN-QUAL-02'] },
  { key: 'supplier_master_approved', requirements: ['CN-SYS-05'] },
  { key: 'supplier_file_approved', requirements: ['CN-QUAL-01'] },
  { key: 'supplier_licence_valid', requirements: ['CN-SYS-07'] },
  { key: 'supplier_scope_covers_product', requirements: ['CN-SYS-07'] },
  { key: 'supplier_authorisation_covers', requirements: ['CN-QUAL-03'] },
  { key: 'customer_master_approved', requirements: ['CN-SYS-05'] },
  { key: 'customer_file_approved', requirements: ['CN-QUAL-05'], params: { classes: ['II', 'III'] } },
  { key: 'customer_licence_valid', requirements: ['CN-SYS-07'] },
  { key: 'customer_scope_covers_product', requirements: ['CN-QUAL-05'] },
  { key: 'expiry_warning', requirements: ['CN-SYS-08'], params: { days: 30 } },
  // Days ahead of expiry at which the sweep warns, per document type (CN-SYS-08: N configurable).
  { key: 'expiry_sweep', requirements: ['CN-SYS-08'], params: { licence: 90, registration: 180, authorisation: 30 } },
  // Days ahead of a stock lot's expiry at which inventory.expiry.sweep announces it (CN-SYS-09).
  { key: 'stock_near_expiry', requirements: ['CN-SYS-09'], params: { days: 90 } },
];

/** Rules read by other modules' jobs rather than by the qualification check. */
const PARAMETER_RULES = ['expiry_sweep', 'stock_near_expiry'];

export function ruleRepo(db: Queryable) {
  return {
    async all(orgId: string): Promise<RuleVersion[]> {
      return (await db.query<RuleVersion>('SELECT id, rule_key, version, region, enabled, params, effective_from, effective_to, requirement_ids FROM qualification.rule WHERE org_id = $1', [orgId])).rows;
    },
    async insert(orgId: string, rule: Omit<RuleVersion, 'id'>, now: Date): Promise<string> {
      const id = newId('qrl');
      await db.query(
        `INSERT INTO qualification.rule (org_id, id, rule_key, version, region, enabled, params, effective_from, effective_to, requirement_ids, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [orgId, id, rule.rule_key, rule.version, rule.region, rule.enabled, JSON.stringify(rule.params), rule.effective_from, rule.effective_to, rule.requirement_ids, now],
      );
      return id;
    },
  };
}

/** Adds the national default of every rule that has none yet (first start and upgrades). */
export const seedRules = defineCommand({
  name: 'qualification.rule.seed',
  summary: { 'zh-CN': '初始化资质校验规则', en: 'Seed the qualification rules' },
  access: 'system',
  input: z.strictObject({}),
  async handler(ctx) {
    const repo = ctx.repo(ruleRepo);
    const present = new Set((await repo.all(ctx.orgId)).map((r) => r.rule_key));
    let added = 0;
    for (const rule of defaultRules) {
      if (present.has(rule.key)) continue;
      await repo.insert(ctx.orgId, {
        rule_key: rule.key, version: 1, region: '*', enabled: true, params: rule.params ?? {}, effective_from: '2024-07-01', effective_to: null, requirement_ids: rule.requirements,
      }, ctx.now);
      added++;
    }
    return { added };
  },
});

/** A new version of a rule, nationally or for one region, from a date: how a region gets its own rule set. */
export const publishRule = defineCommand({
  name: 'qualification.rule.publish',
  summary: { 'zh-CN': '发布资质规则新版本', en: 'Publish a new qualification rule version' },
  reasonRequired: true,
  signature: { meanings: ['approved'] },
  input: z.strictObject({
    ruleKey: z.string().regex(/^[a-z_]+$/),
    region: z.union([z.literal('*'), z.string().regex(/^\d{2}$/)]),
    enabled: z.boolean(),
    params: z.record(z.string(), z.unknown()).default({}),
    effectiveFrom: z.iso.date(),
    effectiveTo: z.iso.date().nullable().default(null),
  }),
  async handler(ctx, input) {
    const known = defaultRules.find((r) => r.key === input.ruleKey);
    if (!known || !(input.ruleKey in ruleFunctions || PARAMETER_RULES.includes(input.ruleKey))) {
      throw errors.badRequest([{ path: 'ruleKey', message: `unknown rule ${input.ruleKey}` }]);
    }
    const days = input.params.days;
    if (input.ruleKey === 'stock_near_expiry' && !(typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 730)) {
      throw errors.badRequest([{ path: 'params.days', message: 'days must be a whole number from 0 to 730' }]);
    }
    const repo = ctx.repo(ruleRepo);
    const versions = (await repo.all(ctx.orgId)).filter((r) => r.rule_key === input.ruleKey && r.region === input.region);
    const version = Math.max(0, ...versions.map((r) => r.version)) + 1;
    const id = await repo.insert(ctx.orgId, {
      rule_key: input.ruleKey, version, region: input.region, enabled: input.enabled, params: input.params,
      effective_from: input.effectiveFrom, effective_to: input.effectiveTo, requirement_ids: known.requirements,
    }, ctx.now);
    ctx.emit('qualification.rule.published', { id, ruleKey: input.ruleKey, region: input.region, version });
    return { id, ruleKey: input.ruleKey, region: input.region, version };
  },
});

/** The version of a rule in force for the org's region on `date` (enabled flag and parameters); null when there is none. */
export async function ruleInForce(db: Queryable, orgId: string, key: string, date: string): Promise<{ enabled: boolean; params: Record<string, unknown> } | null> {
  const region = await factsRepo(db).orgRegion(orgId);
  const rule = selectRules(await ruleRepo(db).all(orgId), region, date).get(key);
  return rule ? { enabled: rule.enabled, params: (rule.params ?? {}) as Record<string, unknown> } : null;
}

export const listRules = defineQuery({
  name: 'qualification.rule.list',
  permission: 'qualification.rule.read',
  summary: { 'zh-CN': '资质校验规则（含历史版本）', en: 'Qualification rules (all versions)' },
  input: z.strictObject({}),
  async handler(ctx) {
    const rows = await ctx.repo(ruleRepo).all(ctx.orgId);
    return {
      items: rows
        .sort((a, b) => a.rule_key.localeCompare(b.rule_key) || a.region.localeCompare(b.region) || a.version - b.version)
        .map((r) => ({ id: r.id, ruleKey: r.rule_key, version: r.version, region: r.region, enabled: r.enabled, params: r.params, effectiveFrom: r.effective_from, effectiveTo: r.effective_to, requirementIds: r.requirement_ids })),
    };
  },
});
