import { Decimal } from 'decimal.js';
import type { FieldError } from '../../../platform/errors.ts';
import type { AcceptanceLineInput, DecidedLine, ReceivedLine } from './acceptance.model.ts';

export interface VerdictProblem extends FieldError {
  requirement: string;
  zh: string;
}

/**
 * The inspector's verdict per lot and per serial → accepted and rejected quantities (CN-ACC-01/02).
 * Rejection needs defects and a disposition; a cold-chain excursion can never be accepted (CN-REC-03);
 * every received line is judged exactly once. Pure.
 */
export function decideVerdicts(inputs: AcceptanceLineInput[], received: ReceivedLine[]): { lines: DecidedLine[]; problems: VerdictProblem[] } {
  const problems: VerdictProblem[] = [];
  const lines: DecidedLine[] = [];
  const add = (path: string, zh: string, en: string, requirement = 'CN-ACC-01') => problems.push({ path, message: en, zh, requirement });
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    const path = `lines.${index}`;
    const line = received.find((l) => l.id === input.receiptLineId);
    if (!line) return add(`${path}.receiptLineId`, '不是本收货单的明细', 'Not a line of this receipt');
    if (seen.has(line.id)) return add(`${path}.receiptLineId`, '同一明细只能判定一次', 'A line is judged once');
    seen.add(line.id);
    const quantity = new Decimal(line.quantity);
    let accepted: Decimal;
    const rejectedSerials = input.verdict === 'rejected' ? [] : input.rejectedSerials;
    if (input.verdict === 'rejected') accepted = new Decimal(0);
    else if (line.serials.length) {
      const unknown = rejectedSerials.filter((r) => !line.serials.includes(r.serial));
      if (unknown.length) add(`${path}.rejectedSerials`, `序列号不属于本行：${unknown[0].serial}`, `Serial not on this line: ${unknown[0].serial}`);
      accepted = quantity.minus(new Set(rejectedSerials.map((r) => r.serial)).size);
    } else {
      accepted = input.acceptedQuantity !== undefined ? new Decimal(input.acceptedQuantity) : quantity;
      if (accepted.gt(quantity)) add(`${path}.acceptedQuantity`, `合格数量不能超过收货数量 ${quantity}`, `Accepted quantity exceeds the received ${quantity}`);
    }
    const rejected = quantity.minus(accepted);
    if (rejected.gt(0) && !rejectedSerials.length && (!input.defects || !input.disposition)) {
      if (!input.defects) add(`${path}.defects`, '拒收必须填写质量问题', 'A rejection needs the defects found', 'CN-ACC-02');
      if (!input.disposition) add(`${path}.disposition`, '拒收必须填写处置方式', 'A rejection needs a disposition', 'CN-ACC-02');
    }
    if (rejectedSerials.length && !input.disposition) add(`${path}.disposition`, '拒收的序列号必须填写处置方式', 'Rejected serials need a disposition', 'CN-ACC-02');
    if (line.coldChainExcursion && accepted.gt(0)) {
      add(`${path}.verdict`, '冷链运输温度超标的货品不得验收合格', 'Goods with a cold-chain temperature excursion cannot be accepted', 'CN-REC-03');
    }
    lines.push({
      lineNo: line.lineNo, receiptLineId: line.id,
      verdict: accepted.isZero() ? 'rejected' : rejected.isZero() ? 'accepted' : 'partial',
      acceptedQuantity: accepted.toString(), rejectedQuantity: rejected.toString(), rejectedSerials,
      defects: input.defects ?? (rejectedSerials.length ? rejectedSerials.map((r) => `${r.serial}: ${r.defect}`).join('; ').slice(0, 2000) : null),
      disposition: input.disposition ?? null,
    });
  });
  received.filter((l) => !seen.has(l.id)).forEach((l) => add('lines', `第 ${l.lineNo} 行未判定`, `Receipt line ${l.lineNo} has no verdict`));
  return { lines, problems };
}

/** F-CN-5: the fields an acceptance record must carry before it is signed. */
const HEADER_FIELDS = [
  ['supplier_name', 'supplierName', '供货者名称'], ['supplier_address', 'supplierAddress', '供货者地址'], ['supplier_contact', 'supplierContact', '供货者联系方式'],
  ['purchase_date', 'purchaseDate', '购货日期'], ['inspector_name', 'inspector', '验收人员'], ['acceptance_date', 'acceptanceDate', '验收日期'],
] as const;
const LINE_FIELDS = [
  ['product_name', 'productName', '名称'], ['product_model', 'model', '型号/规格'], ['quantity', 'quantity', '数量'],
  ['registration_no', 'registrationNo', '注册证编号/备案编号'], ['registrant', 'registrant', '注册人/备案人/生产企业'],
  ['expiry', 'expiry', '有效期'], ['verdict', 'verdict', '验收结论'], ['accepted_quantity', 'acceptedQuantity', '合格数量'],
] as const;

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Lists every missing F-CN-5 field of a record (CN-ACC-01); an empty list means it may be signed. */
export function checkAcceptanceComplete(header: Record<string, unknown>, lines: Record<string, unknown>[]): VerdictProblem[] {
  const problems: VerdictProblem[] = [];
  const missing = (path: string, zh: string) => problems.push({ path, message: `${path} is required (F-CN-5)`, zh: `缺少${zh}`, requirement: 'CN-ACC-01' });
  for (const [column, path, zh] of HEADER_FIELDS) if (blank(header[column])) missing(path, zh);
  lines.forEach((line, index) => {
    for (const [column, path, zh] of LINE_FIELDS) if (blank(line[column])) missing(`lines.${index}.${path}`, zh);
    // 批号/序列号: a lot for lot-tracked goods, serials for serialised ones.
    if (line.tracking !== 'serial' && blank(line.lot)) missing(`lines.${index}.lot`, '批号');
    if (line.tracking !== 'lot' && !(Number(line.serial_count) > 0)) missing(`lines.${index}.serials`, '序列号');
  });
  return problems;
}
