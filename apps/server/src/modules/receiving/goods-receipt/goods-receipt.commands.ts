import { defineCommand } from '../../../platform/bus/definitions.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextNumber } from '../../../platform/document/numbering.ts';
import { transitionCommands } from '../../../platform/document/document.ts';
import { receivingFactsRepo } from '../shared.repo.ts';
import { createReceiptInput } from './goods-receipt.model.ts';
import { checkAggregations, composeReceiptLines } from './goods-receipt.rules.ts';
import { goodsReceiptRepo } from './goods-receipt.repo.ts';
import { assertReceiptQualified, loadOrder } from './goods-receipt.compose.ts';
import { goodsReceiptDocument } from './goods-receipt.document.ts';

const binRefused = (zh: string, en: string) => new AppError(422, 'RECEIVING_BIN', { 'zh-CN': zh, en }, { requirement: 'CN-INV-01', errors: [{ path: 'locationId', message: en }] });

export const createGoodsReceipt = defineCommand({
  name: 'receiving.goods_receipt.create',
  summary: { 'zh-CN': '登记收货（扫码或录入，返回差异标记）', en: 'Record a goods receipt (scans or typed; returns the flags)' },
  input: createReceiptInput,
  async handler(ctx, input) {
    const { order, orderLines, products } = await loadOrder(ctx, input.purchaseOrderId);
    const facts = ctx.repo(receivingFactsRepo);
    const bin = await facts.bin(ctx.orgId, input.locationId);
    if (!bin || !['receiving', 'quarantine'].includes(bin.zone)) throw binRefused('收货货位必须是收货区或待验区', 'The receiving bin must be in a receiving or quarantine zone');
    const reject = input.rejectLocationId ? await facts.bin(ctx.orgId, input.rejectLocationId) : await facts.rejectBin(ctx.orgId, bin.warehouseId);
    const { lines, flags } = composeReceiptLines(input.lines, { today: ctx.today, orderLines, products, coldChain: input.coldChain });
    flags.push(...checkAggregations(input.aggregations, lines));
    if (lines.some((l) => l.coldChainExcursion) && !reject) throw binRefused('本仓库没有不合格品区', 'This warehouse has no rejected bin');
    // Qualification is a hard block at once (CN-SYS-07): nothing is recorded for an unqualified supplier.
    await assertReceiptQualified(ctx, order.supplier_id as string, lines.map((l) => l.productId));

    const repo = ctx.repo(goodsReceiptRepo);
    const id = newId('grn');
    const number = await nextNumber(ctx, 'GR');
    const cold = input.coldChain;
    await repo.insert({
      org_id: ctx.orgId, id, number, purchase_order_id: order.id, purchase_order_no: order.number, order_date: order.order_date,
      supplier_id: order.supplier_id, supplier_name: order.supplier_name, supplier_address: order.supplier_address,
      supplier_contact: order.supplier_contact, supplier_phone: order.supplier_phone,
      delivery_note_no: input.deliveryNoteNo, deliverer_name: input.delivererName,
      receiver_id: ctx.actor.userId, receiver_name: ctx.actor.displayName, receipt_date: ctx.today,
      location_id: bin.id, reject_location_id: reject?.id ?? null,
      cold_chain: !!cold, transport_mode: cold?.transportMode ?? null, temperature_file_id: cold?.temperatureFileId ?? null,
      temperature_readings: cold?.readings ? JSON.stringify(cold.readings) : null, departed_at: cold?.departedAt ?? null,
      arrived_at: cold?.arrivedAt ?? null, arrival_temperature: cold?.arrivalTemperature ?? null,
      flags: JSON.stringify(flags), blocking: flags.some((f) => f.severity === 'block'),
      status: goodsReceiptDocument.lifecycle.initial, version: 1, created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
    });
    const lineIds = lines.map(() => newId('grl'));
    await repo.insertLines(lines.map((l, i) => ({
      org_id: ctx.orgId, id: lineIds[i], receipt_id: id, line_no: l.lineNo, order_line_id: l.orderLineId, product_id: l.productId,
      product_name: l.productName, product_model: l.productModel, registrant: l.registrant, registration_no: l.registrationNo, udi_di: l.udiDi,
      tracking: l.tracking, unit: l.unit, lot: l.lot, production_date: l.productionDate, expiry: l.expiry, delivery_note_expiry: l.deliveryNoteExpiry,
      quantity: l.quantity, serial_count: l.serials.length, cold_chain_excursion: l.coldChainExcursion,
      received_status: l.coldChainExcursion ? 'rejected' : 'quarantine', created_at: ctx.now,
    })));
    await repo.insertUnits(ctx.orgId, id, lines.flatMap((l, i) => l.serials.map((serial) => ({ lineId: lineIds[i], productId: l.productId, serial }))));
    const bySerial = new Map(lines.flatMap((l) => l.serials.map((s) => [s, l] as const)));
    const links = new Map<string, unknown[]>();
    for (const a of input.aggregations) {
      for (const child of a.ssccs) links.set(`${a.sscc}|sscc|${child}`, [ctx.orgId, id, a.sscc, 'sscc', child, '', '', '']);
      for (const s of a.serials.filter((serial) => bySerial.has(serial))) {
        const line = bySerial.get(s)!;
        links.set(`${a.sscc}|serial|${line.productId}|${s}`, [ctx.orgId, id, a.sscc, 'serial', '', line.productId, line.lot, s]);
      }
    }
    await repo.insertLinks([...links.values()]);
    ctx.emit('receiving.goods_receipt.created', { id, number, purchaseOrderNo: order.number, flags: flags.map((f) => f.code) });
    return { id, number, flags };
  },
});

export const goodsReceiptCommands = [createGoodsReceipt, ...transitionCommands(goodsReceiptDocument)];
