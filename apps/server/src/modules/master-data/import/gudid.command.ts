import { z } from 'zod';
import { defineCommand } from '../../../platform/bus/definitions.ts';
import { fieldErrors } from '../../../platform/bus/zod-errors.ts';
import { AppError, errors, type FieldError } from '../../../platform/errors.ts';
import { createRecord } from '../../../platform/document/record-commands.ts';
import { setPackaging } from '../packaging/packaging.commands.ts';
import { createProductInput, productShape } from '../product/product.model.ts';
import { existingRecordsRepo } from './existing-records.ts';
import { gudidRecords, mapGudidDevice, MAX_GUDID_DEVICES, type GudidDraft } from './gudid-map.ts';

const MAX_XML_CHARS = 4 * 1024 * 1024;

const input = z.strictObject({
  document: z.union([
    z.string().min(1).max(MAX_XML_CHARS),
    z.record(z.string(), z.unknown()),
    z.array(z.unknown()).min(1).max(MAX_GUDID_DEVICES),
  ]).describe('AccessGUDID devices/lookup JSON (or devices/history JSON, or an array of them), or GUDID device XML as a string'),
  deviceClass: z.enum(['I', 'II', 'III']).optional().describe('NMPA class; defaults to the FDA class when the lookup response has it'),
  categoryCode: z.string().trim().regex(/^\d{2}(-\d{2}){0,2}$/, 'NMPA category code such as 07-03 or 07-03-01').optional()
    .describe('NMPA category code (cannot be derived from GUDID)'),
});

const prefixed = (index: number, list: FieldError[]) => list.map((e) => ({ path: `devices.${index}.${e.path}`, message: e.message }));

function duplicateDi(found: { udiDi: string; owner: string }[]) {
  return new AppError(409, 'DUPLICATE', {
    'zh-CN': `UDI-DI 已存在：${found.map((f) => `${f.udiDi}（${f.owner}）`).join('、')}`,
    en: `UDI-DI already used: ${found.map((f) => `${f.udiDi} (${f.owner})`).join(', ')}`,
  }, { errors: found.map((f) => ({ path: 'udiDi', message: `${f.udiDi} is used by ${f.owner}` })) });
}

/**
 * US-GUDID-01: creates a draft product per GUDID device record (AccessGUDID JSON or GUDID XML), with the
 * GS1 DI as 14 digits, then its packaging levels through the set_packaging step. One transaction: every
 * device or none. The NMPA category (and the class when the FDA class is unknown) come from the caller.
 */
export const importGudid = defineCommand({
  name: 'master_data.import.gudid',
  summary: { 'zh-CN': '从 FDA GUDID 记录创建产品草稿', en: 'Create product drafts from FDA GUDID device records' },
  input,
  reasonRequired: true,
  async handler(ctx, request) {
    const found = gudidRecords(request.document);
    if ('problem' in found) throw errors.badRequest([{ path: 'document', message: found.problem }]);
    const problems: FieldError[] = [];
    const drafts: { draft: GudidDraft; product: Record<string, unknown> }[] = [];
    found.records.forEach((record, index) => {
      const mapped = mapGudidDevice(record, { deviceClass: request.deviceClass, categoryCode: request.categoryCode });
      if ('problems' in mapped) return void problems.push(...prefixed(index, mapped.problems));
      const parsed = createProductInput.safeParse(mapped.draft.product);
      if (!parsed.success) return void problems.push(...prefixed(index, fieldErrors(parsed.error)));
      drafts.push({ draft: mapped.draft, product: parsed.data });
    });
    if (problems.length) throw errors.badRequest(problems);

    // The unit level carries the product's own DI; every other level needs a DI of its own.
    const dis = drafts.flatMap(({ draft, product }) => [product.udiDi, ...(draft.levels ?? []).filter((l) => l.level > 0).map((l) => l.udiDi)])
      .filter((d): d is string => typeof d === 'string');
    const repeated = [...new Set(dis.filter((d, i) => dis.indexOf(d) !== i))];
    const existing = await ctx.repo(existingRecordsRepo).lookup(ctx.orgId, { udiDis: [...new Set(dis)], creditCodes: [], licenceNumbers: [] });
    const taken = [...repeated.map((udiDi) => ({ udiDi, owner: 'this document / 本文档' })), ...[...existing.udiDis].map(([udiDi, owner]) => ({ udiDi, owner }))];
    if (taken.length) throw duplicateDi(taken);

    const items = [];
    for (const { draft, product } of drafts) {
      const { id, number } = await createRecord(ctx, productShape, product);
      if (draft.levels && draft.levels.length > 1) {
        const packaging = setPackaging.input.safeParse({ id, levels: draft.levels });
        if (!packaging.success) throw errors.badRequest(fieldErrors(packaging.error));
        await setPackaging.handler(ctx, packaging.data);
      }
      items.push({
        id, number, name: product.name, udiDi: product.udiDi, deviceClass: product.deviceClass,
        tracking: product.tracking, implantable: product.implantable, registrationNo: product.registrationNo, levels: draft.levels, ...draft.facts,
        warnings: draft.warnings,
      });
    }
    return { items };
  },
});
