import type { CommandContext } from '../../../platform/bus/definitions.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertQualified, checkQualification } from '../../qualification/index.ts';

export interface OrderParties {
  supplierId: string;
  directCustomerId: string | null;
}

/** Names the order line in a qualification block, so the purchaser knows which line to fix. */
function onLine(error: unknown, line: { lineNo: number; productId: string }): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(
    error.status,
    error.code,
    { 'zh-CN': `第 ${line.lineNo} 行：${error.text['zh-CN']}`, en: `Line ${line.lineNo}: ${error.text.en}` },
    { ...error.details, facts: { ...error.details.facts, lineNo: line.lineNo, productId: line.productId } },
  );
}

/**
 * CN-SYS-07 / CN-QUAL-01..03 / CN-QUAL-07: every line passes the one qualification check on `date`
 * (supplier × product); a direct shipment also passes customer × product (CN-QUAL-05), since the goods
 * are sold on to that customer. The first block refuses with 422 QUALIFICATION_BLOCKED.
 */
export async function assertOrderQualified(ctx: CommandContext, parties: OrderParties, lines: { lineNo: number; productId: string }[], date: string) {
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.productId)) continue;
    seen.add(line.productId);
    const checks = [{ supplierId: parties.supplierId }, ...(parties.directCustomerId ? [{ customerId: parties.directCustomerId }] : [])];
    for (const party of checks) {
      const result = await ctx.repo((db) => checkQualification(db, { orgId: ctx.orgId, productId: line.productId, date, ...party }));
      try {
        assertQualified(result);
      } catch (error) {
        throw onLine(error, line);
      }
    }
  }
}
