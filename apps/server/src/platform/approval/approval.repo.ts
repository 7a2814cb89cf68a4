import type { Queryable } from '../db/db.ts';
import type { ApprovalRule, GivenApproval } from './approval.rules.ts';

export function approvalRepo(db: Queryable) {
  return {
    async rulesFor(orgId: string, document: string, transition: string): Promise<ApprovalRule[]> {
      return (
        await db.query<ApprovalRule>(
          `SELECT id, rule_key, version, document, transition, condition, role_key, required_count, distinct_from_author,
                  effective_from, effective_to, requirement_ids
             FROM platform.approval_rule WHERE org_id = $1 AND document = $2 AND transition = $3`,
          [orgId, document, transition],
        )
      ).rows;
    },
    async given(orgId: string, recordTable: string, recordId: string, transition: string, since: Date): Promise<GivenApproval[]> {
      return (
        await db.query<GivenApproval>(
          `SELECT rule_id, approver_id FROM platform.approval
            WHERE org_id = $1 AND record_table = $2 AND record_id = $3 AND transition = $4 AND at >= $5`,
          [orgId, recordTable, recordId, transition, since],
        )
      ).rows;
    },
    async insert(row: {
      org_id: string; id: string; record_table: string; record_id: string; record_version: number; transition: string;
      rule_id: string; approver_id: string; signature_id: string; at: Date;
    }): Promise<void> {
      await db.query(
        `INSERT INTO platform.approval (org_id, id, record_table, record_id, record_version, transition, rule_id, approver_id, signature_id, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [row.org_id, row.id, row.record_table, row.record_id, row.record_version, row.transition, row.rule_id, row.approver_id, row.signature_id, row.at],
      );
    },
    async insertRule(orgId: string, rule: ApprovalRule): Promise<void> {
      await db.query(
        `INSERT INTO platform.approval_rule (org_id, id, rule_key, version, document, transition, condition, role_key, required_count,
           distinct_from_author, effective_from, effective_to, requirement_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [orgId, rule.id, rule.rule_key, rule.version, rule.document, rule.transition, JSON.stringify(rule.condition), rule.role_key,
          rule.required_count, rule.distinct_from_author, rule.effective_from, rule.effective_to, rule.requirement_ids],
      );
    },
  };
}
