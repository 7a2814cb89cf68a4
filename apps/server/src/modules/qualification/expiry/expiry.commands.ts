import { z } from 'zod';
import { addDays } from '../../../platform/calendar.ts';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import { newId } from '../../../platform/ids.ts';
import { runTransition } from '../../../platform/document/document.ts';
import { qualificationFileDocument } from '../qualification-file/qualification-file.model.ts';
import { ruleRepo } from '../rule/rule.commands.ts';
import { selectRules } from '../check/qualification.rules.ts';
import { factsRepo } from '../check/facts.repo.ts';
import { expiryRepo, type ExpiringDocument } from './expiry.repo.ts';
import { classifyExpiry, daysLeft } from './expiry.rules.ts';

const LABEL = { licence: '证照', registration: '注册证/备案凭证', authorisation: '授权书' } as const;

async function warningDays(ctx: { repo: <R>(f: (db: import('../../../platform/db/db.ts').Queryable) => R) => R; orgId: string }, date: string) {
  const region = await ctx.repo(factsRepo).orgRegion(ctx.orgId);
  const rule = selectRules(await ctx.repo(ruleRepo).all(ctx.orgId), region, date).get('expiry_sweep');
  const params = (rule?.enabled ? rule.params : {}) as Record<string, number>;
  return { licence: params.licence ?? 90, registration: params.registration ?? 180, authorisation: params.authorisation ?? 30 };
}

/**
 * The scheduled expiry job (CN-SYS-08): warns N days ahead once per document (event for webhooks),
 * and on expiry locks the dependent qualification files. The check at the moment of use does not
 * depend on it: it reads the dates itself, so a late sweep never lets an expired licence through.
 */
export const sweepExpiry = defineCommand({
  name: 'qualification.expiry.sweep',
  summary: { 'zh-CN': '证照效期巡检', en: 'Expiry sweep of qualification documents' },
  access: 'system',
  input: z.strictObject({}),
  async handler(ctx) {
    const days = await warningDays(ctx, ctx.today);
    const repo = ctx.repo(expiryRepo);
    const horizon = addDays(ctx.today, Math.max(...Object.values(days)));
    const noticed = await repo.noticed(ctx.orgId);
    const outcome = { warned: 0, expired: 0, locked: 0 };
    for (const doc of await repo.documents(ctx.orgId, horizon)) {
      const state = classifyExpiry(doc.validTo, ctx.today, days[doc.documentType]);
      if (state === 'valid') continue;
      const kind = state === 'expired' ? 'expired' : 'warning';
      if (noticed.has(`${doc.documentType}:${doc.documentId}:${kind}:${doc.validTo}`)) continue;
      await repo.notice(ctx.orgId, newId('exn'), doc, kind, ctx.now);
      ctx.emit(state === 'expired' ? 'qualification.document.expired' : 'qualification.document.expiring', {
        ...doc, daysLeft: daysLeft(doc.validTo, ctx.today),
      });
      if (state === 'expiring') {
        outcome.warned++;
        continue;
      }
      outcome.expired++;
      for (const fileId of await repo.dependentFiles(ctx.orgId, doc.subjectId)) {
        await runTransitionAsSweep(ctx, fileId, doc);
        outcome.locked++;
      }
    }
    return outcome;
  },
});

async function runTransitionAsSweep(ctx: Parameters<typeof sweepExpiry.handler>[0], fileId: string, doc: ExpiringDocument) {
  const reason = `${LABEL[doc.documentType]} ${doc.number} 已于 ${doc.validTo} 过期 / ${doc.documentType} ${doc.number} expired on ${doc.validTo}`;
  await runTransition({ ...ctx, reason }, qualificationFileDocument, 'lock', fileId);
}

/** In-app list of expiring and expired documents, and the dashboard counts (30 / 60 / 90 days, locked, pending). */
export const expiryOverview = defineQuery({
  name: 'qualification.expiry.list',
  permission: 'qualification.file.read',
  summary: { 'zh-CN': '资质效期预警', en: 'Qualification expiry overview' },
  input: z.strictObject({ days: z.coerce.number().int().min(1).max(730).default(90) }),
  async handler(ctx, input) {
    const today = ctx.today;
    const until = addDays(today, input.days);
    const items = (await ctx.repo(expiryRepo).documents(ctx.orgId, until)).map((doc) => ({ ...doc, daysLeft: daysLeft(doc.validTo, today), expired: doc.validTo < today }));
    const counts = await ctx.repo((db) => db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM qualification.qualification_file WHERE org_id = $1 GROUP BY status`, [ctx.orgId],
    ));
    const byStatus = Object.fromEntries(counts.rows.map((r) => [r.status, r.n]));
    const within = (n: number) => items.filter((i) => !i.expired && i.daysLeft <= n).length;
    return {
      today,
      items,
      summary: {
        expired: items.filter((i) => i.expired).length,
        within30: within(30), within60: within(60), within90: within(90),
        lockedFiles: byStatus.locked ?? 0,
        pendingFiles: (byStatus.submitted ?? 0) + (byStatus.reviewed ?? 0),
        approvedFiles: byStatus.approved ?? 0,
      },
    };
  },
});
