import type { Queryable } from '../../../platform/db/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { ruleRepo } from '../rule/rule.commands.ts';
import { factsRepo } from './facts.repo.ts';
import { evaluateQualification, type CheckResult } from './qualification.rules.ts';

export interface QualificationRequest {
  orgId: string;
  productId: string;
  supplierId?: string;
  customerId?: string;
  /** The business date (YYYY-MM-DD): the server's day at the moment of use. */
  date: string;
}

/**
 * The one qualification check every purchase order, receipt, sales order and shipment line calls:
 * supplier × product × date or customer × product × date → allow / block with reasons.
 */
export async function checkQualification(db: Queryable, request: QualificationRequest): Promise<CheckResult> {
  const facts = factsRepo(db);
  // One after another: inside a command these share one transaction's connection.
  const product = await facts.product(request.orgId, request.productId);
  const supplier = request.supplierId ? await facts.party(request.orgId, request.supplierId) : undefined;
  const customer = request.customerId ? await facts.party(request.orgId, request.customerId) : undefined;
  const region = await facts.orgRegion(request.orgId);
  const rules = await ruleRepo(db).all(request.orgId);
  return evaluateQualification(request.customerId ? 'sale' : 'purchase', { date: request.date, region, product, supplier, customer }, rules);
}

/** Throws the compliance block the caller shows: the first reason's rule and requirement, every reason in facts. */
export function assertQualified(result: CheckResult): void {
  if (result.decision === 'allow') return;
  const first = result.reasons[0];
  throw new AppError(
    422,
    'QUALIFICATION_BLOCKED',
    { 'zh-CN': `资质校验未通过：${first.message['zh-CN']}`, en: `Qualification check failed: ${first.message.en}` },
    { requirement: first.requirement, rule: first.rule, facts: { reasons: result.reasons, date: result.date } },
  );
}
