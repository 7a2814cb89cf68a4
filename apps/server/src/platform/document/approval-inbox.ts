import { z } from 'zod';
import { defineQuery } from '../bus/definitions.ts';
import { approvalRepo } from '../approval/approval.repo.ts';
import { decideApproval, selectApplicableRules } from '../approval/approval.rules.ts';
import type { DocumentDefinition, DocumentRow } from './document.ts';

/**
 * The work waiting for the caller's signature: records in a state from which a signed transition
 * (review, approve, reinstate — not reject) leaves, that the caller may perform: approvals under
 * the rules in force, and never on a record the caller created, submitted or reviewed.
 */
export function approvalInboxQuery(documents: DocumentDefinition[]) {
  return defineQuery({
    name: 'platform.approval_inbox.list',
    permission: 'platform.approval_inbox.read',
    summary: { 'zh-CN': '待我审批', en: 'Approvals waiting for me' },
    input: z.strictObject({}),
    async handler(ctx) {
      const items: Record<string, unknown>[] = [];
      const today = ctx.today;
      for (const doc of documents) {
        for (const [transition, spec] of Object.entries(doc.lifecycle.transitions)) {
          if (!spec.signature || transition === 'reject' || !ctx.actor.permissions.has(`${doc.name}.${transition}`)) continue;
          const rows = await ctx.repo((db) =>
            db.query<DocumentRow>(`SELECT * FROM ${doc.table} WHERE org_id = $1 AND status = ANY($2) ORDER BY updated_at`, [ctx.orgId, [...spec.from]]),
          );
          const approvals = ctx.repo(approvalRepo);
          const rules = await approvals.rulesFor(ctx.orgId, doc.name, transition);
          for (const row of rows.rows) {
            const involved = [row.created_by, row.submitted_by, row.reviewed_by as string | null | undefined];
            if (!spec.approval) {
              if (involved.includes(ctx.actor.userId)) continue;
              items.push({ document: doc.name, label: doc.label, transition, id: row.id, number: row.number, name: row.name ?? row.subject_name ?? null, status: row.status, submittedAt: row.submitted_at ?? null, progress: [] });
              continue;
            }
            const applicable = selectApplicableRules(rules, doc.ruleFacts(row), today);
            const given = await approvals.given(ctx.orgId, doc.table, row.id, transition, row.submitted_at ?? new Date(0));
            const decision = decideApproval({ rules: applicable, given, approverId: ctx.actor.userId, approverRoles: ctx.actor.roles, authorIds: involved });
            if (decision.kind === 'refused') continue;
            items.push({
              document: doc.name, label: doc.label, transition, id: row.id, number: row.number, name: row.name ?? null,
              status: row.status, submittedAt: row.submitted_at ?? null,
              // Progress so far, before the caller acts.
              progress: applicable.map((rule) => ({
                rule: rule.rule_key,
                given: new Set(given.filter((g) => g.rule_id === rule.id).map((g) => g.approver_id)).size,
                required: rule.required_count,
              })),
            });
          }
        }
      }
      return { items };
    },
  });
}
