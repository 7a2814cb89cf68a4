import { Decimal } from 'decimal.js';
import type { FieldError } from '../../../platform/errors.ts';
import { hashCanonical } from '../../../platform/audit/canonical.ts';
import { contentColumns } from '../../../platform/document/document.queries.ts';
import type { DocumentRow } from '../../../platform/document/document.ts';
import type { ApprovalRule, GivenApproval } from '../../../platform/approval/approval.rules.ts';
import type { OrderDraft, OrderLine, OrderLineInput, PartySnapshot, ProductSnapshot } from './purchase-order.model.ts';

// Pure decisions of a purchase order: no IO, no clock, no database.

/**
 * 40 significant digits: a quantity (12 digits) times a price (14 digits) is held exactly before it is
 * rounded to cents once, so the default 20-digit precision can never round twice.
 */
const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** numeric(16, 2): the largest amount or total a row can hold. */
const MONEY_LIMIT = new Exact('1e14');

/** 金额 = 数量 × 单价, rounded half-up to the fen (四舍五入到分). */
export function computeLineAmount(quantity: string, unitPrice: string): Decimal {
  return new Exact(quantity).times(unitPrice).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The order total is the sum of the rounded line amounts, so it always equals what the lines show. */
export function computeOrderTotal(amounts: readonly string[]): Decimal {
  return amounts.reduce((sum, amount) => sum.plus(amount), new Exact(0));
}

export const formatMoney = (value: Decimal.Value) => new Exact(value).toFixed(2);
/** Quantities without trailing zeros: 3, 2.5. */
export const formatQuantity = (value: Decimal.Value) => new Exact(value).toString();
/** Unit prices with at least two decimals and up to the four stored: 0.10, 12.3456. */
export function formatUnitPrice(value: Decimal.Value): string {
  const price = new Exact(value);
  return price.toFixed(Math.max(2, price.decimalPlaces()));
}

/** CN-PUR-03: a direct shipment names its reason and its customer; an ordinary order names neither. */
export function checkDirectShipment(draft: Pick<OrderDraft, 'direct' | 'directReason' | 'directCustomerId' | 'directNote'>): FieldError[] {
  const problems: FieldError[] = [];
  if (draft.direct) {
    if (!draft.directReason) problems.push({ path: 'directReason', message: 'a direct shipment (直调) needs a reason code' });
    if (!draft.directCustomerId) problems.push({ path: 'directCustomerId', message: 'a direct shipment (直调) needs the customer the goods go to' });
    if (draft.directReason === 'other_permitted' && !draft.directNote) {
      problems.push({ path: 'directNote', message: 'the reason code other_permitted needs a description of the permitted case' });
    }
  } else {
    if (draft.directReason) problems.push({ path: 'directReason', message: 'only a direct shipment has a reason code' });
    if (draft.directCustomerId) problems.push({ path: 'directCustomerId', message: 'only a direct shipment has a direct-shipment customer' });
    if (draft.directNote) problems.push({ path: 'directNote', message: 'only a direct shipment has a direct-shipment note' });
  }
  return problems;
}

/** A draft's changes applied to it; turning a direct shipment into an ordinary order clears its 直调 fields unless given. */
export function mergeDraft(current: OrderDraft, changes: Partial<OrderDraft>): OrderDraft {
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const merged: OrderDraft = { ...current, ...given };
  if (changes.direct === false) {
    for (const key of ['directReason', 'directNote', 'directCustomerId'] as const) if (changes[key] === undefined) merged[key] = null;
  }
  return merged;
}

/** The expected delivery cannot lie before the order date. */
export function checkExpectedDelivery(expected: string | null, orderDate: string): FieldError[] {
  if (expected === null || expected >= orderDate) return [];
  return [{ path: 'expectedDeliveryDate', message: `must not be before the order date ${orderDate}` }];
}

/** The supplier must be a party registered as supplier or manufacturer; a direct customer as customer. */
export function checkParties(supplier: PartySnapshot | undefined, directCustomer: PartySnapshot | undefined, draft: Pick<OrderDraft, 'directCustomerId'>): FieldError[] {
  const problems: FieldError[] = [];
  if (!supplier) problems.push({ path: 'supplierId', message: 'no such party' });
  else if (!supplier.kinds.some((kind) => kind === 'supplier' || kind === 'manufacturer')) {
    problems.push({ path: 'supplierId', message: 'the party is not a supplier or manufacturer' });
  }
  if (draft.directCustomerId) {
    if (!directCustomer) problems.push({ path: 'directCustomerId', message: 'no such party' });
    else if (!directCustomer.kinds.includes('customer')) problems.push({ path: 'directCustomerId', message: 'the party is not a customer' });
  }
  return problems;
}

/** The unit the purchaser gave, else the product's unit packaging level; null when neither exists. */
export function decideLineUnit(given: string | null, packageUnit: string | null): string | null {
  return given ?? packageUnit ?? null;
}

export function computeMaxDeviceClass(classes: readonly ('I' | 'II' | 'III')[]): 'I' | 'II' | 'III' {
  if (classes.includes('III')) return 'III';
  return classes.includes('II') ? 'II' : 'I';
}

export interface ComposedLines {
  lines: OrderLine[];
  total: string;
  maxDeviceClass: 'I' | 'II' | 'III';
  problems: FieldError[];
}

/** Lines from the input and the products as they are now: snapshot, unit, exact amount, total. */
export function composeLines(inputs: readonly OrderLineInput[], products: ReadonlyMap<string, ProductSnapshot>): ComposedLines {
  const problems: FieldError[] = [];
  const lines: OrderLine[] = [];
  inputs.forEach((input, index) => {
    const product = products.get(input.productId);
    if (!product) {
      problems.push({ path: `lines.${index}.productId`, message: 'no such product' });
      return;
    }
    const unit = decideLineUnit(input.unit, product.packageUnit);
    if (!unit) problems.push({ path: `lines.${index}.unit`, message: 'the product has no packaging levels: give the unit (单位)' });
    const amount = computeLineAmount(input.quantity, input.unitPrice);
    if (amount.gte(MONEY_LIMIT)) problems.push({ path: `lines.${index}`, message: 'the amount exceeds 99,999,999,999,999.99' });
    lines.push({
      lineNo: index + 1, productId: product.id, productName: product.name, productModel: product.model, registrant: product.registrant,
      registrationNo: product.registrationNo, deviceClass: product.deviceClass, unit: unit ?? '',
      quantity: new Exact(input.quantity).toFixed(3), unitPrice: new Exact(input.unitPrice).toFixed(4), amount: amount.toFixed(2),
    });
  });
  const total = computeOrderTotal(lines.map((line) => line.amount));
  if (total.gte(MONEY_LIMIT)) problems.push({ path: 'lines', message: 'the order total exceeds 99,999,999,999,999.99' });
  return { lines, total: total.toFixed(2), maxDeviceClass: computeMaxDeviceClass(lines.map((line) => line.deviceClass)), problems };
}

/** A line's content in one canonical form, however the database formats its numerics. */
function lineContent(line: OrderLine) {
  return {
    lineNo: line.lineNo, productId: line.productId, productName: line.productName, productModel: line.productModel, registrant: line.registrant,
    registrationNo: line.registrationNo, deviceClass: line.deviceClass, unit: line.unit,
    quantity: new Exact(line.quantity).toFixed(3), unitPrice: new Exact(line.unitPrice).toFixed(4), amount: new Exact(line.amount).toFixed(2),
  };
}

/**
 * SHA-256 of the lines, kept on the header: a signature covers the header row, so through this
 * digest it covers every line too (21 CFR 11.70).
 */
export function computeLinesDigest(lines: readonly OrderLine[]): string {
  return hashCanonical([...lines].sort((a, b) => a.lineNo - b.lineNo).map(lineContent));
}

/** Workflow stamps written after signing: they are not content, so signatures stay valid through close or cancel. */
const WORKFLOW_COLUMNS = ['approved_by', 'approved_at', 'closed_by', 'closed_at', 'cancelled_by', 'cancelled_at', 'cancel_reason'];

export function signedOrderContent(row: DocumentRow): Record<string, unknown> {
  const content = contentColumns(row);
  for (const column of WORKFLOW_COLUMNS) delete content[column];
  return content;
}

/**
 * What approval-rule conditions (JSON Logic) see. `total` is a JSON number because JSON Logic compares
 * numbers; a numeric(16, 2) converts to the nearest double, which keeps its order against whole-yuan
 * thresholds. No amount is ever computed from it.
 */
export function purchaseOrderRuleFacts(row: DocumentRow): Record<string, unknown> {
  return {
    maxDeviceClass: row.max_device_class,
    total: Number(row.total),
    direct: row.direct === true,
    supplierId: row.supplier_id,
  };
}

export interface ApprovalProgress {
  rule: string;
  role: string;
  requirements: string[];
  given: number;
  required: number;
}

/** Distinct approvers per applicable rule against the count it needs. */
export function computeApprovalProgress(rules: readonly ApprovalRule[], given: readonly GivenApproval[]): ApprovalProgress[] {
  return rules.map((rule) => ({
    rule: rule.rule_key,
    role: rule.role_key,
    requirements: rule.requirement_ids,
    given: new Set(given.filter((g) => g.rule_id === rule.id).map((g) => g.approver_id)).size,
    required: rule.required_count,
  }));
}
