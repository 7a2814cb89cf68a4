import { z } from 'zod';
import { defineQuery } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { BUSINESS_TIME_ZONE } from '../../../platform/calendar.ts';
import { renderPdf } from '../../../platform/pdf/pdf.ts';
import { signatureRepo, verifySignature } from '../../../platform/signature/signature.ts';
import { acceptanceRepo } from './acceptance.repo.ts';
import { acceptanceDocument } from './acceptance.document.ts';

/** What the printed 进货查验记录 shows (F-CN-5, US-P11-07): built from the stored record, never from input. */
export interface AcceptanceRecordView {
  company: { name: string; nameEn: string | null };
  number: string;
  status: string;
  acceptanceDate: string | null;
  receiptNo: string;
  purchaseOrderNo: string;
  purchaseDate: string | null;
  supplier: { name: string | null; address: string | null; contact: string | null };
  inspector: string | null;
  lines: {
    lineNo: number; productName: string | null; model: string | null; quantity: string; registrationNo: string | null; registrant: string | null;
    lot: string; serials: string[]; serialCount: number; expiry: string | null; udiDi: string | null; verdict: string; acceptedQuantity: string;
    rejectedQuantity: string; defects: string | null; rejectedSerials: { serial: string; defect: string }[]; disposition: string | null;
  }[];
  signatures: { signerName: string; signedAt: Date; meaning: string; contentHash: string; valid: boolean }[];
  printedAt: Date;
}

/** The F-CN-5 columns, in the order of 《医疗器械经营质量管理规范》 进货查验记录. */
export const F_CN_5_COLUMNS = [
  '名称 Name', '型号规格 Model / spec', '数量 Quantity', '注册证编号 Registration no.', '注册人/受托生产企业 Registrant / contract manufacturer',
  '批号/序列号 Lot / serial', '有效期 Expiry', '购货日期 Purchase date', 'UDI', '验收结论 Verdict', '合格数量 Accepted qty', '不合格事项及处置 Defects and disposition',
] as const;

const MEANINGS: Record<string, [string, string]> = {
  approved: ['批准', 'Approved'],
  reviewed: ['审核', 'Reviewed'],
  rejected: ['驳回', 'Rejected'],
  released: ['放行', 'Released'],
  authored: ['编制', 'Authored'],
};
const VERDICTS: Record<string, string> = { accepted: '合格 Accepted', partial: '部分合格 Partly accepted', rejected: '不合格 Rejected' };
const DISPOSITIONS: Record<string, string> = {
  return_to_supplier: '退货 Return to supplier', destroy: '销毁 Destroy', quarantine_hold: '隔离待处理 Quarantine hold', other: '其他 Other',
};
const SERIALS_SHOWN = 20;

/** 2026-11-26 07:57:03 CST (UTC+08:00) — the signing time as read in China, with its zone. */
export function formatSignedAt(at: Date): string {
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: BUSINESS_TIME_ZONE, dateStyle: 'short', timeStyle: 'medium', hourCycle: 'h23' }).format(at);
  return `${local} ${BUSINESS_TIME_ZONE} (UTC+08:00)`;
}

export function meaningText(meaning: string): string {
  const [zh, en] = MEANINGS[meaning] ?? [meaning, meaning];
  return `${zh} / ${en}`;
}

const dash = (value: string | null | undefined) => (value == null || value === '' ? '—' : value);
const qty = (value: string) => value.replace(/\.?0+$/, '') || '0';

function lotCell(line: AcceptanceRecordView['lines'][number]): string {
  const parts = line.lot ? [`批号 Lot ${line.lot}`] : [];
  if (line.serialCount > 0) {
    const shown = line.serials.slice(0, SERIALS_SHOWN).join(', ');
    parts.push(`序列号 SN ${shown}${line.serialCount > SERIALS_SHOWN ? ` …（共 ${line.serialCount} / ${line.serialCount} in all）` : ''}`);
  }
  return parts.join('\n') || '—';
}

function defectCell(line: AcceptanceRecordView['lines'][number]): string {
  const parts = [
    ...(line.defects ? [line.defects] : []),
    ...line.rejectedSerials.map((s) => `${s.serial}: ${s.defect}`),
    ...(Number(line.rejectedQuantity) > 0 ? [`不合格数量 Rejected qty ${qty(line.rejectedQuantity)}`] : []),
    ...(line.disposition ? [`处置 ${DISPOSITIONS[line.disposition] ?? line.disposition}`] : []),
  ];
  return parts.join('\n') || '—';
}

/** The pdfmake document definition (pure, so the content can be checked without reading PDF text). */
export function buildAcceptanceRecordDefinition(view: AcceptanceRecordView): Record<string, unknown> {
  const small = { fontSize: 7 };
  const header = F_CN_5_COLUMNS.map((text) => ({ text, style: 'th' }));
  const rows = view.lines.map((l) => [
    l.productName, l.model, qty(l.quantity), l.registrationNo, l.registrant, lotCell(l), l.expiry, view.purchaseDate, l.udiDi,
    VERDICTS[l.verdict] ?? l.verdict, qty(l.acceptedQuantity), defectCell(l),
  ].map((text) => ({ text: dash(text), ...small })));
  const signatureBlocks = view.signatures.length === 0
    ? [{ text: '未签名 Not signed: this record has no electronic signature and is not a valid acceptance record.', color: '#b00020', margin: [0, 4, 0, 0] }]
    : view.signatures.map((s) => ({
      margin: [0, 4, 0, 4],
      table: {
        widths: [110, '*'],
        body: [
          [{ text: '签名人 Signed by', style: 'label' }, { text: s.signerName }],
          [{ text: '签名时间 Signed at', style: 'label' }, { text: formatSignedAt(s.signedAt) }],
          [{ text: '签名含义 Meaning', style: 'label' }, { text: meaningText(s.meaning) }],
          [{ text: '记录内容哈希 Record content hash (SHA-256)', style: 'label' }, { text: s.contentHash, fontSize: 7 }],
          [{ text: '校验 Verification', style: 'label' }, { text: s.valid ? '有效：签名覆盖本记录当前内容 Valid: covers this record as printed' : '无效或已变更 Invalid or superseded: the record changed after signing', color: s.valid ? '#000000' : '#b00020' }],
        ],
      },
      layout: 'lightHorizontalLines',
    }));
  return {
    info: { title: `进货查验记录 ${view.number}`, subject: 'Acceptance record', creator: 'Custodia' },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [28, 36, 28, 40],
    defaultStyle: { fontSize: 9 },
    styles: {
      company: { fontSize: 11 },
      title: { fontSize: 16, margin: [0, 2, 0, 6] },
      th: { fontSize: 7, fillColor: '#eeeeee' },
      label: { color: '#555555' },
      section: { fontSize: 11, margin: [0, 10, 0, 4] },
    },
    footer: (currentPage: number, pageCount: number) => ({
      columns: [
        { text: `${view.number} · 打印于 Printed ${formatSignedAt(view.printedAt)}`, fontSize: 7, color: '#555555' },
        { text: `第 ${currentPage} 页，共 ${pageCount} 页 · Page ${currentPage} of ${pageCount}`, alignment: 'right', fontSize: 7 },
      ],
      margin: [28, 12, 28, 0],
    }),
    content: [
      { text: view.company.nameEn ? `${view.company.name} / ${view.company.nameEn}` : view.company.name, style: 'company' },
      { text: '进货查验记录 / Acceptance record', style: 'title' },
      {
        columns: [
          { text: `编号 Number: ${view.number}\n日期 Date: ${dash(view.acceptanceDate)}\n状态 Status: ${view.status}` },
          { text: `收货单 Receipt: ${view.receiptNo}\n采购订单 Purchase order: ${view.purchaseOrderNo}\n购货日期 Purchase date: ${dash(view.purchaseDate)}` },
          { text: `供货者 Supplier: ${dash(view.supplier.name)}\n地址 Address: ${dash(view.supplier.address)}\n联系方式 Contact: ${dash(view.supplier.contact)}` },
        ],
        columnGap: 12,
      },
      { text: `验收人员 Inspector: ${dash(view.inspector)}`, margin: [0, 6, 0, 6] },
      {
        table: { headerRows: 1, dontBreakRows: true, widths: [58, 44, 30, 62, 70, 70, 44, 44, 56, 44, 34, '*'], body: [header, ...rows] },
        layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5 },
      },
      { text: '电子签名 Electronic signatures (21 CFR 11.50)', style: 'section' },
      ...signatureBlocks,
    ],
  };
}

export const printAcceptance = defineQuery({
  name: 'receiving.acceptance.pdf',
  permission: 'receiving.acceptance.read',
  summary: { 'zh-CN': '打印进货查验记录（PDF，含电子签名）', en: 'Printed acceptance record (PDF, with signatures)' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    const view = await ctx.repo(async (db): Promise<AcceptanceRecordView> => {
      const repo = acceptanceRepo(db);
      const row = await repo.get(ctx.orgId, input.id);
      if (!row) throw errors.notFound(`acceptance ${input.id}`);
      const lines = await repo.lines(ctx.orgId, row.id);
      const units = (await db.query<{ line_id: string; serial: string }>(
        'SELECT line_id, serial FROM receiving.received_unit WHERE org_id = $1 AND line_id = ANY($2::text[]) ORDER BY line_id, serial',
        [ctx.orgId, lines.map((l) => l.receipt_line_id)],
      )).rows;
      const org = (await db.query<{ name: string; name_en: string | null }>('SELECT name, name_en FROM platform.org WHERE org_id = $1 LIMIT 1', [ctx.orgId])).rows[0];
      const content = acceptanceDocument.signedContent(row);
      const signatures = await signatureRepo(db).forRecord(ctx.orgId, acceptanceDocument.table, row.id);
      return {
        company: { name: org?.name ?? ctx.orgId, nameEn: org?.name_en ?? null },
        number: String(row.number), status: String(row.status), acceptanceDate: (row.acceptance_date as string | null) ?? null,
        receiptNo: String(row.receipt_no), purchaseOrderNo: String(row.purchase_order_no), purchaseDate: (row.purchase_date as string | null) ?? null,
        supplier: { name: row.supplier_name as string | null, address: row.supplier_address as string | null, contact: row.supplier_contact as string | null },
        inspector: (row.inspector_name as string | null) ?? null,
        lines: lines.map((l) => {
          const rejected = new Set(l.rejected_serials.map((s) => s.serial));
          return {
            lineNo: l.line_no, productName: l.product_name, model: l.product_model, quantity: String(l.quantity), registrationNo: l.registration_no,
            registrant: l.registrant, lot: l.lot, serials: units.filter((u) => u.line_id === l.receipt_line_id).map((u) => u.serial).sort((a, b) => Number(rejected.has(b)) - Number(rejected.has(a)) || a.localeCompare(b)),
            serialCount: l.serial_count, expiry: l.expiry, udiDi: l.udi_di, verdict: l.verdict, acceptedQuantity: String(l.accepted_quantity),
            rejectedQuantity: String(l.rejected_quantity), defects: l.defects, rejectedSerials: l.rejected_serials, disposition: l.disposition,
          };
        }),
        signatures: signatures.map((s) => ({
          signerName: s.signer_name, signedAt: new Date(s.signed_at), meaning: s.meaning, contentHash: s.content_hash,
          valid: verifySignature(s, acceptanceDocument.table, row.id, content).valid,
        })),
        printedAt: new Date(),
      };
    });
    const pdf = await renderPdf(buildAcceptanceRecordDefinition(view));
    return { binary: true as const, name: `${view.number}.pdf`, mime: 'application/pdf', sha256: pdf.sha256, content: pdf.content };
  },
});
