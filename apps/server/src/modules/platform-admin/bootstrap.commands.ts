import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineCommand } from '../../platform/bus/definitions.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { SYSTEM_USER_ID } from '../../platform/authz/actor.ts';
import { approvalRepo } from '../../platform/approval/approval.repo.ts';
import type { ApprovalRule } from '../../platform/approval/approval.rules.ts';
import { newId } from '../../platform/ids.ts';
import { hashPassword } from '../identity/index.ts';

function orgRepo(db: Queryable) {
  return {
    async insert(row: { id: string; name: string; name_en: string; credit_code: string | null; created_at: Date }) {
      await db.query('INSERT INTO platform.org (org_id, id, name, name_en, credit_code, created_at) VALUES ($1, $1, $2, $3, $4, $5)', [
        row.id, row.name, row.name_en, row.credit_code, row.created_at,
      ]);
    },
    async insertSystemUser(orgId: string, passwordHash: string, now: Date) {
      await db.query(
        `INSERT INTO platform.app_user (org_id, id, username, display_name, password_hash, locale, active, is_system, password_changed_at, created_at, updated_at)
         VALUES ($1, $2, 'system', '系统 System', $3, 'zh-CN', false, true, $4, $4, $4)`,
        [orgId, SYSTEM_USER_ID, passwordHash, now],
      );
    },
  };
}

/**
 * A purchase order needs the QA head's signature as well when any line is class III, the total reaches
 * ¥100,000, or it is a direct shipment (直调): JSON Logic over `purchaseOrderRuleFacts`.
 */
export const purchaseOrderQualityCondition = {
  or: [
    { '==': [{ var: 'maxDeviceClass' }, 'III'] },
    { '>=': [{ var: 'total' }, 100000] },
    { '==': [{ var: 'direct' }, true] },
  ],
};

/** Approval rules shipped with a new legal entity; later changes are new versions (change control). */
export function defaultApprovalRules(today: string): ApprovalRule[] {
  const rule = (key: string, document: string, requirementIds: string[], over: Partial<ApprovalRule> = {}): ApprovalRule => ({
    id: newId('apr'), rule_key: key, version: 1, document, transition: 'approve', condition: true, role_key: 'qa_head',
    required_count: 1, distinct_from_author: true, effective_from: today, effective_to: null, requirement_ids: requirementIds, ...over,
  });
  return [
    rule('product-first-approval', 'master_data.product', ['CN-SYS-05', 'CN-QUAL-02']),
    rule('party-first-approval', 'master_data.party', ['CN-SYS-05', 'CN-QUAL-01']),
    rule('qualification-file-approval', 'qualification.file', ['CN-QUAL-01', 'CN-QUAL-02', 'CN-QUAL-05']),
    rule('master-data-change-approval', 'qualification.change_request', ['CN-SYS-05', 'CN-SYS-16']),
    // Every purchase order: a purchaser other than its author (four eyes on the contract, GSP 55).
    rule('purchase-order-approval', 'purchasing.purchase_order', ['CN-PUR-01', 'US-P11-05'], { role_key: 'purchaser' }),
    rule('purchase-order-quality-approval', 'purchasing.purchase_order', ['CN-SYS-01', 'CN-PUR-03'], { condition: purchaseOrderQualityCondition }),
  ];
}

/** Creates the legal entity, its system user and its default approval rules (first start only). */
export const bootstrapOrg = defineCommand({
  name: 'platform.org.bootstrap',
  summary: { 'zh-CN': '初始化法人实体', en: 'Bootstrap a legal entity' },
  access: 'system',
  input: z.strictObject({
    name: z.string().min(1).max(200),
    nameEn: z.string().min(1).max(200),
    creditCode: z.string().max(18).nullable().default(null),
  }),
  async handler(ctx, input) {
    const orgs = ctx.repo(orgRepo);
    await orgs.insert({ id: ctx.orgId, name: input.name, name_en: input.nameEn, credit_code: input.creditCode, created_at: ctx.now });
    // The system user can never sign in: inactive, with a random password nobody knows.
    await orgs.insertSystemUser(ctx.orgId, await hashPassword(randomBytes(32).toString('hex')), ctx.now);
    for (const rule of defaultApprovalRules(ctx.today)) await ctx.repo(approvalRepo).insertRule(ctx.orgId, rule);
    return { orgId: ctx.orgId };
  },
});

/** Adds a new version of an approval rule (rules are data; old versions stay for the record). */
export const publishApprovalRule = defineCommand({
  name: 'platform.approval_rule.publish',
  summary: { 'zh-CN': '发布审批规则版本', en: 'Publish an approval rule version' },
  reasonRequired: true,
  input: z.strictObject({
    ruleKey: z.string().regex(/^[a-z0-9-]{3,60}$/),
    document: z.string().regex(/^[a-z_]+\.[a-z_]+$/),
    transition: z.string().regex(/^[a-z_]+$/),
    condition: z.union([z.boolean(), z.record(z.string(), z.unknown())]),
    roleKey: z.string().regex(/^[a-z_]+$/),
    requiredCount: z.number().int().min(1).max(10),
    distinctFromAuthor: z.boolean(),
    effectiveFrom: z.iso.date(),
    effectiveTo: z.iso.date().nullable().default(null),
    requirementIds: z.array(z.string().max(30)).max(20).default([]),
  }),
  async handler(ctx, input) {
    const repo = ctx.repo(approvalRepo);
    const existing = (await repo.rulesFor(ctx.orgId, input.document, input.transition)).filter((r) => r.rule_key === input.ruleKey);
    const version = Math.max(0, ...existing.map((r) => r.version)) + 1;
    const id = newId('apr');
    await repo.insertRule(ctx.orgId, {
      id, rule_key: input.ruleKey, version, document: input.document, transition: input.transition, condition: input.condition,
      role_key: input.roleKey, required_count: input.requiredCount, distinct_from_author: input.distinctFromAuthor,
      effective_from: input.effectiveFrom, effective_to: input.effectiveTo, requirement_ids: input.requirementIds,
    });
    return { id, ruleKey: input.ruleKey, version };
  },
});
