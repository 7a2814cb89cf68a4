import { z } from 'zod';
import type { Queryable } from '../db/db.ts';
import type { CommandContext, CommandDefinition } from '../bus/definitions.ts';
import { defineCommand } from '../bus/definitions.ts';
import { AppError, errors, type LocalizedText } from '../errors.ts';
import { decideTransition, isEditable, type Lifecycle } from '../lifecycle/lifecycle.ts';
import { signRecord } from '../signature/signature.ts';
import { approvalRepo } from '../approval/approval.repo.ts';
import { decideApproval, selectApplicableRules } from '../approval/approval.rules.ts';
import { newId } from '../ids.ts';

export type DocumentRow = Record<string, unknown> & {
  org_id: string;
  id: string;
  status: string;
  version: number;
  created_by: string;
  submitted_by?: string | null;
  submitted_at?: Date | null;
};

/** A business record type with a number series and a lifecycle. */
export interface DocumentDefinition {
  /** Command prefix and event prefix: `master_data.product`. */
  name: string;
  /** schema.table; a trusted constant, never user input. */
  table: string;
  label: LocalizedText;
  lifecycle: Lifecycle;
  /** The part of a row a signature covers: content, not status or timestamps. */
  signedContent(row: DocumentRow): Record<string, unknown>;
  /** The record as approval-rule conditions see it. */
  ruleFacts(row: DocumentRow): Record<string, unknown>;
  /** Extra checks before a transition (completeness, segregation of duties); throw an AppError to refuse. */
  guards?: Record<string, (ctx: CommandContext, row: DocumentRow) => Promise<void>>;
  /** Work done after a transition completed, in the same transaction (apply a change, lock dependents). */
  effects?: Record<string, (ctx: CommandContext, row: DocumentRow) => Promise<void>>;
}

export function documentStore(doc: DocumentDefinition) {
  return (db: Queryable) => ({
    async lock(orgId: string, id: string): Promise<DocumentRow> {
      const row = (await db.query<DocumentRow>(`SELECT * FROM ${doc.table} WHERE org_id = $1 AND id = $2 FOR UPDATE`, [orgId, id])).rows[0];
      if (!row) throw errors.notFound(`${doc.label.en} ${id}`);
      return row;
    },
    async setStatus(orgId: string, id: string, status: string, now: Date, stamp?: { by: string; at: string; userId: string }) {
      const extra = stamp ? `, ${stamp.by} = $5, ${stamp.at} = $4` : '';
      const params: unknown[] = [orgId, id, status, now];
      if (stamp) params.push(stamp.userId);
      await db.query(`UPDATE ${doc.table} SET status = $3, updated_at = $4${extra} WHERE org_id = $1 AND id = $2`, params);
    },
  });
}

/** Loads the record for a content change and refuses once it has left an editable state. */
export async function lockEditable(ctx: CommandContext, doc: DocumentDefinition, id: string): Promise<DocumentRow> {
  const row = await ctx.repo(documentStore(doc)).lock(ctx.orgId, id);
  if (!isEditable(doc.lifecycle, row.status)) throw errors.immutable(row.status);
  return row;
}

export interface TransitionResult {
  id: string;
  status: string;
  approvals?: { rule: string; given: number; required: number }[];
}

/** Runs one lifecycle transition on a locked row: guard, approvals (signed, no self-approval), signature, status. */
export async function runTransition(ctx: CommandContext, doc: DocumentDefinition, transition: string, id: string): Promise<TransitionResult> {
  const store = ctx.repo(documentStore(doc));
  const spec = doc.lifecycle.transitions[transition];
  const row = await store.lock(ctx.orgId, id);
  const decision = decideTransition(doc.lifecycle, transition, row.status);
  if (!decision.allowed) throw errors.lifecycle(transition, row.status);
  await doc.guards?.[transition]?.(ctx, row);

  let signatureId: string | null = null;
  if (spec.signature) signatureId = (await signRecord(ctx, doc.table, row.id, doc.signedContent(row))).id;

  if (spec.approval) {
    const approvals = ctx.repo(approvalRepo);
    const rules = selectApplicableRules(await approvals.rulesFor(ctx.orgId, doc.name, transition), doc.ruleFacts(row), ctx.today);
    // Only approvals given since the last submission count: a rejection starts a new round.
    const since = (row.submitted_at as Date | null | undefined) ?? new Date(0);
    const given = await approvals.given(ctx.orgId, doc.table, row.id, transition, since);
    const outcome = decideApproval({
      rules,
      given,
      approverId: ctx.actor.userId,
      approverRoles: ctx.actor.roles,
      // The approver must be neither the author, the submitter nor the reviewer (four eyes).
      authorIds: [row.created_by, row.submitted_by, row.reviewed_by as string | null | undefined],
    });
    if (outcome.kind === 'refused') {
      if (outcome.reason === 'self_approval') throw errors.selfApproval();
      if (outcome.reason === 'already_approved') throw errors.alreadyApproved();
      throw new AppError(403, 'APPROVAL_ROLE', {
        'zh-CN': `此审批需要角色“${outcome.rule?.role_key}”`,
        en: `This approval needs the role “${outcome.rule?.role_key}”`,
      }, { rule: outcome.rule?.rule_key, requirement: outcome.rule?.requirement_ids[0] });
    }
    if (outcome.kind === 'approve') {
      if (!signatureId) throw new Error(`${doc.name}.${transition} needs approval but no signature`);
      for (const rule of outcome.rules) {
        await approvals.insert({
          org_id: ctx.orgId, id: newId('apv'), record_table: doc.table, record_id: row.id, record_version: row.version,
          transition, rule_id: rule.id, approver_id: ctx.actor.userId, signature_id: signatureId, at: ctx.now,
        });
      }
      if (!outcome.complete) {
        ctx.emit(`${doc.name}.approval_given`, { id: row.id, transition, approver: ctx.actor.userId });
        return { id: row.id, status: row.status, approvals: outcome.progress };
      }
    }
  }

  await ctx.inTransition(transition, () =>
    store.setStatus(ctx.orgId, row.id, decision.to, ctx.now, spec.stamp ? { ...spec.stamp, userId: ctx.actor.userId } : undefined),
  );
  await doc.effects?.[transition]?.(ctx, { ...row, status: decision.to });
  ctx.emit(`${doc.name}.${spec.event}`, { id: row.id, number: row.number, from: row.status, to: decision.to });
  return { id: row.id, status: decision.to };
}

/** One command per transition, named `<document>.<transition>`; flags come from the lifecycle data. */
export function transitionCommands(doc: DocumentDefinition): CommandDefinition[] {
  return Object.entries(doc.lifecycle.transitions).map(([transition, spec]) =>
    defineCommand({
      name: `${doc.name}.${transition}`,
      summary: spec.label,
      input: z.strictObject({ id: z.string().min(1).max(64) }),
      signature: spec.signature,
      reasonRequired: spec.reasonRequired,
      handler: (ctx, input) => runTransition(ctx, doc, transition, input.id),
    }),
  );
}
