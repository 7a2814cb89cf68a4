import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { qualityStatuses } from '../ledger/cbv.ts';

const decimal = (pattern: RegExp) => z.union([z.number(), z.string().regex(pattern)]).transform(String);
const temperature = decimal(/^-?\d{1,3}(\.\d)?$/).nullable().default(null);
const humidity = decimal(/^\d{1,3}(\.\d)?$/).nullable().default(null);

/** A bin: its zone, the quality statuses it may hold (CN-INV-01) and the conditions it keeps (CN-INV-06). */
export const createLocation = defineCommand({
  name: 'inventory.location.create',
  summary: { 'zh-CN': '新建货位', en: 'Create a storage location' },
  input: z.strictObject({
    warehouseId: z.string().min(1).max(64),
    code: z.string().regex(/^[A-Z0-9-]{2,40}$/),
    name: z.string().trim().min(1).max(100),
    zone: z.enum(['receiving', 'quarantine', 'storage', 'rejected', 'returns', 'shipping', 'hold']),
    statuses: z.array(z.enum(qualityStatuses)).min(1),
    tempMin: temperature,
    tempMax: temperature,
    humidityMin: humidity,
    humidityMax: humidity,
    lightProtected: z.boolean().default(false),
  }),
  async handler(ctx, input) {
    const warehouse = await ctx.repo((db) => db.query('SELECT 1 FROM master_data.warehouse WHERE org_id = $1 AND id = $2', [ctx.orgId, input.warehouseId]));
    if (warehouse.rowCount !== 1) throw errors.notFound(`warehouse ${input.warehouseId}`);
    if (input.tempMin !== null && input.tempMax !== null && Number(input.tempMin) > Number(input.tempMax)) {
      throw errors.badRequest([{ path: 'tempMax', message: 'tempMax is below tempMin' }]);
    }
    const id = newId('loc');
    await ctx.repo((db) => db.query(
      `INSERT INTO inventory.location (org_id, id, warehouse_id, code, name, zone, statuses, temp_min, temp_max, humidity_min, humidity_max, light_protected, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, true)`,
      [ctx.orgId, id, input.warehouseId, input.code, input.name, input.zone, input.statuses, input.tempMin, input.tempMax, input.humidityMin, input.humidityMax, input.lightProtected],
    ));
    return { id, code: input.code };
  },
});

export const listLocations = defineQuery({
  name: 'inventory.location.list',
  permission: 'inventory.stock.read',
  summary: { 'zh-CN': '货位列表', en: 'Storage locations' },
  input: z.strictObject({ warehouseId: z.string().max(64).optional() }),
  async handler(ctx, input) {
    const rows = await ctx.repo((db) => db.query(
      `SELECT l.id, l.warehouse_id AS "warehouseId", w.code AS "warehouseCode", l.code, l.name, l.zone, l.statuses, l.temp_min AS "tempMin", l.temp_max AS "tempMax",
              l.humidity_min AS "humidityMin", l.humidity_max AS "humidityMax", l.light_protected AS "lightProtected", l.active
         FROM inventory.location l JOIN master_data.warehouse w ON w.org_id = l.org_id AND w.id = l.warehouse_id
        WHERE l.org_id = $1 AND ($2::text IS NULL OR l.warehouse_id = $2) ORDER BY l.code`,
      [ctx.orgId, input.warehouseId ?? null],
    ));
    return { items: rows.rows };
  },
});
