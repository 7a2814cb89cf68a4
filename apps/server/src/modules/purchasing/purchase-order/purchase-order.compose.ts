import type { CommandContext } from '../../../platform/bus/definitions.ts';
import { AppError, errors, type FieldError } from '../../../platform/errors.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';
import type { OrderDraft, OrderLine } from './purchase-order.model.ts';
import { checkDirectShipment, checkExpectedDelivery, checkParties, composeLines, computeLinesDigest } from './purchase-order.rules.ts';
import { purchaseOrderRepo } from './purchase-order.repo.ts';
import { assertOrderQualified } from './purchase-order.qualification.ts';

export interface ComposedOrder {
  /** Header columns derived from the draft: snapshots, total, line count, highest class, lines digest. */
  header: Record<string, unknown>;
  lines: OrderLine[];
}

function invalid(problems: FieldError[], requirement?: string): AppError {
  const error = errors.badRequest(problems);
  return requirement ? new AppError(error.status, error.code, error.text, { ...error.details, requirement }) : error;
}

/**
 * Turns a draft into what is stored, shared by create and update: input checks first (all problems at
 * once, nothing written), then the qualification check of every line on the server's date.
 */
export async function composeOrder(ctx: CommandContext, draft: OrderDraft, orderDate: string): Promise<ComposedOrder> {
  const directProblems = checkDirectShipment(draft);
  if (directProblems.length) throw invalid(directProblems, 'CN-PUR-03');
  const repo = ctx.repo(purchaseOrderRepo);
  const supplier = await repo.party(ctx.orgId, draft.supplierId);
  const customer = draft.directCustomerId ? await repo.party(ctx.orgId, draft.directCustomerId) : undefined;
  const products = await repo.products(ctx.orgId, [...new Set(draft.lines.map((line) => line.productId))]);
  const composed = composeLines(draft.lines, products);
  const problems = [...checkParties(supplier, customer, draft), ...checkExpectedDelivery(draft.expectedDeliveryDate, orderDate), ...composed.problems];
  if (problems.length || !supplier) throw invalid(problems);
  await assertOrderQualified(ctx, draft, composed.lines, ctx.today);
  return {
    header: {
      supplier_id: supplier.id, supplier_name: supplier.name, supplier_address: supplier.address, supplier_contact: supplier.contact,
      supplier_phone: supplier.phone, expected_delivery_date: draft.expectedDeliveryDate, currency: draft.currency,
      quality_clause: draft.qualityClause, after_sales_clause: draft.afterSalesClause, note: draft.note || null,
      direct: draft.direct, direct_reason: draft.directReason, direct_note: draft.directNote, direct_customer_id: draft.directCustomerId,
      direct_customer_name: customer?.name ?? null,
      total: composed.total, line_count: composed.lines.length, max_device_class: composed.maxDeviceClass, lines_digest: computeLinesDigest(composed.lines),
    },
    lines: composed.lines,
  };
}

/** The stored order as a draft again, so an update re-runs exactly the path of create. */
export function draftFromOrder(row: DocumentRow, lines: OrderLine[]): OrderDraft {
  return {
    supplierId: row.supplier_id as string,
    qualityClause: row.quality_clause as string,
    afterSalesClause: row.after_sales_clause as string,
    expectedDeliveryDate: (row.expected_delivery_date as string | null) ?? null,
    currency: 'CNY',
    note: (row.note as string | null) ?? null,
    direct: row.direct === true,
    directReason: (row.direct_reason as OrderDraft['directReason']) ?? null,
    directNote: (row.direct_note as string | null) ?? null,
    directCustomerId: (row.direct_customer_id as string | null) ?? null,
    lines: lines.map((line) => ({ productId: line.productId, quantity: line.quantity, unitPrice: line.unitPrice, unit: line.unit })),
  };
}
