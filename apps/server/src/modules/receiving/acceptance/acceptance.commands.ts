import { createHash } from 'node:crypto';
import { defineCommand } from '../../../platform/bus/definitions.ts';
import { AppError, errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextNumber } from '../../../platform/document/numbering.ts';
import { transitionCommands } from '../../../platform/document/document.ts';
import { goodsReceiptRepo } from '../goods-receipt/goods-receipt.repo.ts';
import { receivingFactsRepo } from '../shared.repo.ts';
import { createAcceptanceInput, type ReceivedLine } from './acceptance.model.ts';
import { decideVerdicts } from './acceptance.rules.ts';
import { acceptanceRepo } from './acceptance.repo.ts';
import { acceptanceDocument, refused } from './acceptance.document.ts';

export const createAcceptance = defineCommand({
  name: 'receiving.acceptance.create',
  summary: { 'zh-CN': '填写验收记录（逐批、逐序列号判定）', en: 'Write an acceptance record (verdict per lot and serial)' },
  input: createAcceptanceInput,
  async handler(ctx, input) {
    const receipts = ctx.repo(goodsReceiptRepo);
    const receipt = await receipts.get(ctx.orgId, input.receiptId);
    if (!receipt) throw errors.notFound(`goods receipt ${input.receiptId}`);
    // CN-SYS-01: only goods posted into quarantine by a receipt can be judged, and only once.
    if (receipt.status !== 'received') {
      throw new AppError(422, 'RECEIPT_NOT_RECEIVED', { 'zh-CN': `收货单 ${receipt.number} 尚未收货入待验区`, en: `Goods receipt ${receipt.number} has not been posted to quarantine` }, { requirement: 'CN-SYS-01' });
    }
    const repo = ctx.repo(acceptanceRepo);
    const existing = await repo.live(ctx.orgId, receipt.id);
    if (existing) throw new AppError(409, 'ALREADY_INSPECTED', { 'zh-CN': `该收货单已有验收记录 ${existing.number}`, en: `This receipt already has acceptance record ${existing.number}` }, { requirement: 'CN-SYS-01' });
    if (input.rejectLocationId) {
      const bin = await ctx.repo(receivingFactsRepo).bin(ctx.orgId, input.rejectLocationId);
      if (!bin || !bin.statuses.includes('rejected')) throw new AppError(422, 'REJECT_BIN', { 'zh-CN': '拒收货位必须能存放不合格品', en: 'The reject bin must hold rejected stock' }, { requirement: 'CN-INV-01', errors: [{ path: 'rejectLocationId', message: 'not a rejected bin' }] });
    }
    const serials = await receipts.serials(ctx.orgId, receipt.id);
    const received: ReceivedLine[] = (await receipts.lines(ctx.orgId, receipt.id)).map((l) => ({
      id: l.id, lineNo: l.line_no, productId: l.product_id, productName: l.product_name, productModel: l.product_model, registrant: l.registrant,
      registrationNo: l.registration_no, udiDi: l.udi_di, tracking: l.tracking, lot: l.lot, expiry: l.expiry, quantity: l.quantity,
      serials: serials.get(l.id) ?? [], coldChainExcursion: l.cold_chain_excursion,
    }));
    const { lines, problems } = decideVerdicts(input.lines, received);
    if (problems.length) throw refused('ACCEPTANCE_REFUSED', problems);

    const id = newId('acc');
    const number = await nextNumber(ctx, 'ACC');
    const rows = lines.map((d) => {
      const r = received.find((l) => l.id === d.receiptLineId)!;
      return {
        org_id: ctx.orgId, id: newId('acl'), acceptance_id: id, line_no: d.lineNo, receipt_line_id: r.id, product_id: r.productId,
        product_name: r.productName, product_model: r.productModel, registrant: r.registrant, registration_no: r.registrationNo, udi_di: r.udiDi,
        tracking: r.tracking, lot: r.lot, serial_count: r.serials.length, expiry: r.expiry, quantity: r.quantity, verdict: d.verdict,
        accepted_quantity: d.acceptedQuantity, rejected_quantity: d.rejectedQuantity, rejected_serials: JSON.stringify(d.rejectedSerials),
        defects: d.defects, disposition: d.disposition, cold_chain_excursion: r.coldChainExcursion, created_at: ctx.now,
      };
    }).sort((a, b) => a.line_no - b.line_no);
    // The signature covers the header; the header covers every line through this digest.
    const digest = createHash('sha256').update(JSON.stringify(rows.map(({ id: _id, acceptance_id: _a, created_at: _c, ...content }) => content))).digest('hex');
    await repo.insert({
      org_id: ctx.orgId, id, number, receipt_id: receipt.id, receipt_no: receipt.number, purchase_order_no: receipt.purchase_order_no,
      purchase_date: receipt.order_date, supplier_id: receipt.supplier_id, supplier_name: receipt.supplier_name,
      supplier_address: receipt.supplier_address, supplier_contact: receipt.supplier_contact ?? receipt.supplier_phone,
      reject_location_id: input.rejectLocationId ?? null, lines_digest: digest,
      // Inspector and date from the session (CN-SYS-04), never typed.
      inspector_id: ctx.actor.userId, inspector_name: ctx.actor.displayName, acceptance_date: ctx.today,
      status: acceptanceDocument.lifecycle.initial, version: 1, created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
    });
    await repo.insertLines(rows);
    ctx.emit('receiving.acceptance.created', { id, number, receiptId: receipt.id, verdicts: lines.map((l) => l.verdict) });
    return { id, number };
  },
});

export const acceptanceCommands = [createAcceptance, ...transitionCommands(acceptanceDocument)];
