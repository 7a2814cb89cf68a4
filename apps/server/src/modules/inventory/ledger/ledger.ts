import { Decimal } from 'decimal.js';
import type { CommandContext } from '../../../platform/bus/definitions.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { stepBizStep, statusDisposition, type Step } from './cbv.ts';
import { ledgerRepo } from './ledger.repo.ts';
import { checkMovements, type MovementLine } from './ledger.rules.ts';

export interface Posting {
  step: Step;
  sourceType: string;
  sourceId: string;
  /** CBV business transactions (EPCIS-05): po, desadv, inv, recadv, rma. */
  bizTransactions?: { type: 'po' | 'desadv' | 'inv' | 'recadv' | 'rma'; id: string }[];
  readPoint?: string | null;
  lines: MovementLine[];
  /** Status changes in place by the system (expiry lock) do not re-check what the bin may hold. */
  skipLocationCheck?: boolean;
}

/** What the event says moved: per product and lot, the quantity and the number of serials (the full epcList is projected from the movements). */
function summarise(lines: MovementLine[], gtins: Map<string, string | null>) {
  const groups = new Map<string, { productId: string; gtin: string | null; lot: string; quantity: Decimal; serials: number }>();
  for (const line of lines) {
    const key = `${line.productId}|${line.lot}|${Math.sign(Number(line.quantity))}`;
    const group = groups.get(key) ?? { productId: line.productId, gtin: gtins.get(line.productId) ?? null, lot: line.lot, quantity: new Decimal(0), serials: 0 };
    group.quantity = group.quantity.plus(line.quantity);
    if (line.serial) group.serials++;
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({ ...g, quantity: g.quantity.toString() }));
}

/**
 * The one way stock moves: checks every line, then writes the movements, one EPCIS-shaped event and
 * the balances in the command's transaction. The database refuses negative stock and a serial in two
 * places, even under concurrent postings.
 */
export async function postStock(ctx: CommandContext, posting: Posting): Promise<{ eventId: string; movements: number }> {
  if (posting.lines.length === 0) throw new AppError(400, 'NO_MOVEMENTS', { 'zh-CN': '没有库存移动', en: 'Nothing to move' });
  const repo = ctx.repo(ledgerRepo);
  const unknownExpiry = posting.lines.filter((l) => l.expiry === null && l.lot);
  if (unknownExpiry.length) {
    const expiries = await repo.lotExpiries(ctx.orgId, unknownExpiry.map((l) => ({ productId: l.productId, lot: l.lot })));
    posting = { ...posting, lines: posting.lines.map((l) => (l.expiry === null ? { ...l, expiry: expiries.get(`${l.productId}|${l.lot}`) ?? null } : l)) };
  }
  const locations = new Map((await repo.locations(ctx.orgId, [...new Set(posting.lines.map((l) => l.locationId))])).map((l) => [l.id, l]));
  const productRows = await repo.products(ctx.orgId, [...new Set(posting.lines.map((l) => l.productId))]);
  const products = new Map(productRows.map((p) => [p.id, p]));
  const problems = checkMovements(posting.lines, locations, products, { locationRules: !posting.skipLocationCheck });
  if (problems.length) {
    const first = problems[0];
    throw new AppError(422, 'MOVEMENT_REFUSED', first.message, {
      requirement: first.requirement,
      rule: `inventory.${first.code.toLowerCase()}`,
      errors: problems.map((p) => ({ path: `lines.${p.line}`, message: p.message.en })),
    });
  }
  const mapping = stepBizStep[posting.step];
  const statuses = new Set(posting.lines.filter((l) => Number(l.quantity) > 0).map((l) => l.status));
  const disposition = 'disposition' in mapping ? mapping.disposition : statuses.size === 1 ? statusDisposition[[...statuses][0]] : null;
  const eventId = newId('evt');
  await repo.post(ctx.orgId, {
    id: eventId,
    eventType: 'ObjectEvent',
    action: 'OBSERVE',
    bizStep: mapping.bizStep,
    disposition,
    eventTime: ctx.now,
    readPoint: posting.readPoint ?? null,
    bizLocation: posting.readPoint ?? null,
    bizTransactions: (posting.bizTransactions ?? []).map((t) => ({ type: t.type, bizTransaction: t.id })),
    what: { items: summarise(posting.lines, new Map(productRows.map((p) => [p.id, p.udiDi]))) },
    sourceType: posting.sourceType,
    sourceId: posting.sourceId,
    commandId: ctx.commandId,
  }, posting.lines, ctx.now);
  ctx.emit('inventory.stock.moved', { eventId, step: posting.step, bizStep: mapping.bizStep, sourceType: posting.sourceType, sourceId: posting.sourceId, movements: posting.lines.length });
  return { eventId, movements: posting.lines.length };
}
