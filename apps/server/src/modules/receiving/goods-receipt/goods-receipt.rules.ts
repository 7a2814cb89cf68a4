import { Decimal } from 'decimal.js';
import { tryParse } from '@custodia/gs1';
import type { AggregationInput, ColdChainInput, ComposedLine, Flag, OrderedLine, ProductFacts, ReceiptLineInput } from './goods-receipt.model.ts';

/** GS1 AI (21) serials: up to 20 characters of the CSET 82 set. Other shapes are flagged, not refused. */
const GS1_SERIAL = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$/;

const flag = (code: string, severity: Flag['severity'], line: number | null, zh: string, en: string, requirement?: string, facts?: Record<string, unknown>): Flag =>
  ({ code, severity, line, message: { 'zh-CN': zh, en }, ...(requirement ? { requirement } : {}), ...(facts ? { facts } : {}) });

/** Which ordered product a DI names: its unit DI (×1) or one of its packaging-level DIs (× the package quantity). */
export function resolveDi(di: string, products: ProductFacts[]): { productId: string; multiplier: number } | null {
  for (const product of products) {
    if (product.udiDi === di) return { productId: product.id, multiplier: 1 };
    const pack = product.packages.find((p) => p.udiDi === di);
    if (pack) return { productId: product.id, multiplier: pack.quantity };
  }
  return null;
}

/** Outside the product's storage range (an unset bound accepts anything). */
export function outOfRange(celsius: number, product: Pick<ProductFacts, 'storageTempMin' | 'storageTempMax'>): boolean {
  if (product.storageTempMin !== null && new Decimal(celsius).lt(product.storageTempMin)) return true;
  if (product.storageTempMax !== null && new Decimal(celsius).gt(product.storageTempMax)) return true;
  return false;
}

/** CN-REC-03: cold-chain goods are products kept at ≤ 8 ℃, or whatever the receiver declares delivered in cold chain. */
export function needsColdChain(products: ProductFacts[]): boolean {
  return products.some((p) => p.storageTempMax !== null && new Decimal(p.storageTempMax).lte(8));
}

export interface ComposeFacts {
  today: string;
  orderLines: OrderedLine[];
  products: Map<string, ProductFacts>;
  coldChain: ColdChainInput | undefined;
}

/**
 * Turns delivered lines (scans and typed fields) into receipt lines and the flags a receiver and the
 * inspector see: wrong DI (CN-UDI-03), over-receipt and expiry against the delivery note (CN-REC-01),
 * unknown serial formats, missing or out-of-range cold-chain records (CN-REC-03). Pure.
 */
export function composeReceiptLines(inputs: ReceiptLineInput[], facts: ComposeFacts): { lines: ComposedLine[]; flags: Flag[] } {
  const flags: Flag[] = [];
  const lines: ComposedLine[] = [];
  const ordered = [...new Set(facts.orderLines.map((l) => l.productId))].map((id) => facts.products.get(id)).filter((p): p is ProductFacts => !!p);

  inputs.forEach((input, index) => {
    const no = index + 1;
    const block = (code: string, zh: string, en: string, requirement?: string, more?: Record<string, unknown>) => flags.push(flag(code, 'block', no, zh, en, requirement, more));
    const warn = (code: string, zh: string, en: string, requirement?: string, more?: Record<string, unknown>) => flags.push(flag(code, 'warn', no, zh, en, requirement, more));

    let productId = input.productId ?? (input.orderLineId ? facts.orderLines.find((l) => l.id === input.orderLineId)?.productId : undefined);
    let scannedQuantity = new Decimal(0);
    const lots = new Set<string>();
    const expiries = new Set<string>();
    const productionDates = new Set<string>();
    const serials: string[] = [];
    for (const scan of input.scans ?? []) {
      const parsed = tryParse(scan);
      if (!parsed.ok) {
        block('SCAN_UNREADABLE', `无法识别的条码：${parsed.error.message.zh}`, `Unreadable code: ${parsed.error.message.en}`, 'CN-UDI-03', { scan });
        continue;
      }
      const value = parsed.value;
      const di = value.gtin ?? value.di;
      const resolved = di ? resolveDi(di, ordered) : null;
      if (!di || !resolved || (productId && resolved.productId !== productId)) {
        block('WRONG_DI', `扫描的产品标识 ${di ?? '-'} 不是所订购产品的 UDI-DI`, `Scanned DI ${di ?? '-'} is not the ordered product's UDI-DI`, 'CN-UDI-03', { di, scan });
        continue;
      }
      productId = resolved.productId;
      scannedQuantity = scannedQuantity.plus(resolved.multiplier);
      if (value.lot) lots.add(value.lot);
      if (value.expiry) expiries.add(value.expiry);
      if (value.productionDate) productionDates.add(value.productionDate);
      if (value.serial) serials.push(value.serial);
    }
    if (input.lot) lots.add(input.lot);
    if (input.expiry) expiries.add(input.expiry);
    if (input.productionDate) productionDates.add(input.productionDate);
    serials.push(...(input.serials ?? []).filter((s) => !serials.includes(s)));

    const orderLine = facts.orderLines.find((l) => (input.orderLineId ? l.id === input.orderLineId : l.productId === productId));
    if (!productId || !orderLine || orderLine.productId !== productId) {
      block('NOT_ORDERED', '该产品不在采购订单上', 'The product is not on the purchase order', 'CN-REC-01', { productId });
      return;
    }
    const product = facts.products.get(productId)!;
    if (lots.size > 1) block('LOT_MISMATCH', `一行只能有一个批号（${[...lots].join('、')}）`, `One lot per line (${[...lots].join(', ')})`, 'CN-SYS-10');
    if (expiries.size > 1) block('EXPIRY_CONFLICT', '同一批号的有效期不一致', 'Conflicting expiry dates for one lot', 'CN-REC-01');
    const lot = [...lots][0] ?? '';
    const expiry = [...expiries][0] ?? null;
    if (product.tracking !== 'serial' && !lot) block('LOT_REQUIRED', '必须提供批号', 'A lot number is required', 'CN-SYS-10');

    const unique = new Set(serials);
    if (unique.size !== serials.length) {
      block('DUPLICATE_SERIAL', '序列号重复', 'A serial appears twice', 'CN-SYS-10');
      // Stored once each: the flag keeps the draft from posting.
      serials.splice(0, serials.length, ...unique);
    }
    const odd = serials.filter((s) => !GS1_SERIAL.test(s));
    if (odd.length) warn('UNKNOWN_SERIAL_FORMAT', `序列号格式不符合 GS1 AI(21)：${odd.slice(0, 5).join('、')}`, `Serial format is not GS1 AI (21): ${odd.slice(0, 5).join(', ')}`, 'CN-UDI-03', { serials: odd.slice(0, 20) });

    let quantity: Decimal;
    if (product.tracking === 'lot') {
      if (serials.length) warn('SERIAL_IGNORED', '按批号管理的产品，序列号不入账', 'Lot-tracked product: serials are not booked', 'CN-SYS-10');
      serials.length = 0;
      quantity = input.quantity ? new Decimal(input.quantity) : scannedQuantity;
      // A sample scan for lot and expiry is normal; more units scanned than typed is not.
      if (input.quantity && scannedQuantity.gt(input.quantity)) {
        warn('SCAN_COUNT_DIFFERS', `扫描数量 ${scannedQuantity} 与录入数量 ${input.quantity} 不一致`, `Scanned count ${scannedQuantity} differs from the typed quantity ${input.quantity}`, 'CN-REC-01');
      }
    } else {
      if (!serials.length) block('SERIAL_REQUIRED', '按序列号管理的产品必须提供序列号', 'A serialised product needs its serials', 'CN-SYS-10');
      quantity = new Decimal(serials.length);
      if (input.quantity && !quantity.eq(input.quantity)) block('QUANTITY_SERIALS', `数量 ${input.quantity} 与序列号个数 ${serials.length} 不一致`, `Quantity ${input.quantity} differs from ${serials.length} serials`, 'CN-SYS-10');
    }
    if (quantity.lte(0)) block('NO_QUANTITY', '数量必须大于 0', 'The quantity must be greater than 0');

    if (expiry && input.deliveryNoteExpiry && expiry !== input.deliveryNoteExpiry) {
      warn('EXPIRY_MISMATCH', `货品有效期 ${expiry} 与随货同行单 ${input.deliveryNoteExpiry} 不一致`, `Expiry on the goods ${expiry} differs from the delivery note ${input.deliveryNoteExpiry}`, 'CN-REC-01');
    }
    if (expiry && expiry < facts.today) block('EXPIRED', `有效期 ${expiry} 已过，不得收货`, `Expired on ${expiry}: cannot be received`, 'CN-SYS-09');

    let excursion = false;
    if (facts.coldChain) {
      const temps = [facts.coldChain.arrivalTemperature, ...(facts.coldChain.readings ?? []).map((r) => r.celsius)];
      excursion = temps.some((t) => outOfRange(t, product));
      if (excursion) {
        warn('COLD_CHAIN_EXCURSION', `运输或到货温度超出产品贮存范围（${product.storageTempMin ?? '-'}~${product.storageTempMax ?? '-'}℃），货品入不合格区，不得验收合格`,
          `Transport or arrival temperature outside the product range (${product.storageTempMin ?? '-'}–${product.storageTempMax ?? '-'} °C): goods go to rejected and cannot be accepted`, 'CN-REC-03',
          { arrivalTemperature: facts.coldChain.arrivalTemperature });
      }
    }
    lines.push({
      lineNo: no, orderLineId: orderLine.id, productId, productName: orderLine.productName, productModel: orderLine.productModel,
      registrant: orderLine.registrant, registrationNo: orderLine.registrationNo, udiDi: product.udiDi, tracking: product.tracking, unit: orderLine.unit,
      lot, productionDate: [...productionDates][0] ?? null, expiry, deliveryNoteExpiry: input.deliveryNoteExpiry ?? null,
      quantity: quantity.toString(), serials, coldChainExcursion: excursion,
    });
  });

  flags.push(...checkOverReceipt(lines, facts.orderLines));
  if (!facts.coldChain && needsColdChain(lines.map((l) => facts.products.get(l.productId)!))) {
    flags.push(flag('COLD_CHAIN_RECORD_MISSING', 'block', null, '冷链产品必须记录运输方式、温度记录、启运与到达时间及到货温度', 'Cold-chain goods need transport mode, temperature record, departure and arrival time and arrival temperature', 'CN-REC-03'));
  }
  return { lines, flags };
}

/** CN-REC-01: what this receipt brings plus what earlier receipts brought never exceeds the ordered quantity. */
export function checkOverReceipt(lines: Pick<ComposedLine, 'orderLineId' | 'quantity'>[], orderLines: OrderedLine[]): Flag[] {
  const flags: Flag[] = [];
  for (const orderLine of orderLines) {
    const now = lines.filter((l) => l.orderLineId === orderLine.id).reduce((sum, l) => sum.plus(l.quantity), new Decimal(0));
    if (now.isZero()) continue;
    const total = now.plus(orderLine.receivedBefore);
    if (total.gt(orderLine.quantity)) {
      flags.push(flag('OVER_RECEIPT', 'block', null, `第 ${orderLine.lineNo} 行超收：订购 ${new Decimal(orderLine.quantity)}，累计收货 ${total}`,
        `Order line ${orderLine.lineNo} over-received: ordered ${new Decimal(orderLine.quantity)}, received ${total} in total`, 'CN-REC-01',
        { orderLineId: orderLine.id, ordered: orderLine.quantity, receivedBefore: orderLine.receivedBefore, receivedNow: now.toString() }));
    }
  }
  return flags;
}

/** SSCC contents must name serials of this receipt, and an SSCC must carry a valid check digit. */
export function checkAggregations(aggregations: AggregationInput[], lines: ComposedLine[]): Flag[] {
  const flags: Flag[] = [];
  const serialProduct = new Map<string, ComposedLine>();
  for (const line of lines) for (const serial of line.serials) serialProduct.set(serial, line);
  for (const aggregation of aggregations) {
    for (const sscc of [aggregation.sscc, ...aggregation.ssccs]) {
      const parsed = tryParse(`(00)${sscc}`);
      if (!parsed.ok) flags.push(flag('SSCC_INVALID', 'block', null, `SSCC ${sscc} 无效`, `SSCC ${sscc} is invalid`, 'CN-UDI-03'));
    }
    const unknown = aggregation.serials.filter((s) => !serialProduct.has(s));
    if (unknown.length) {
      flags.push(flag('AGGREGATION_UNKNOWN_SERIAL', 'block', null, `SSCC ${aggregation.sscc} 含本次未收货的序列号：${unknown.slice(0, 5).join('、')}`,
        `SSCC ${aggregation.sscc} lists serials not received here: ${unknown.slice(0, 5).join(', ')}`, 'EPCIS-05', { serials: unknown.slice(0, 20) }));
    }
  }
  return flags;
}
