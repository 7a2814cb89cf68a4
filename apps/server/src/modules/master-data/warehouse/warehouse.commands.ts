import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import { newId } from '../../../platform/ids.ts';
import type { Queryable } from '../../../platform/db/db.ts';

function warehouseRepo(db: Queryable) {
  return {
    async insert(row: { org_id: string; id: string; code: string; name: string; address: string; cold_chain: boolean }) {
      await db.query('INSERT INTO master_data.warehouse (org_id, id, code, name, address, cold_chain) VALUES ($1, $2, $3, $4, $5, $6)', [
        row.org_id, row.id, row.code, row.name, row.address, row.cold_chain,
      ]);
    },
    async list(orgId: string) {
      return (await db.query('SELECT id, code, name, address, cold_chain AS "coldChain" FROM master_data.warehouse WHERE org_id = $1 ORDER BY code', [orgId])).rows;
    },
  };
}

export const createWarehouse = defineCommand({
  name: 'master_data.warehouse.create',
  summary: { 'zh-CN': '新建仓库', en: 'Create a warehouse' },
  input: z.strictObject({
    code: z.string().regex(/^[A-Z0-9-]{2,20}$/),
    name: z.string().trim().min(1).max(100),
    address: z.string().trim().min(1).max(300),
    coldChain: z.boolean().default(false),
  }),
  async handler(ctx, input) {
    const id = newId('whs');
    await ctx.repo(warehouseRepo).insert({ org_id: ctx.orgId, id, code: input.code, name: input.name, address: input.address, cold_chain: input.coldChain });
    return { id };
  },
});

export const listWarehouses = defineQuery({
  name: 'master_data.warehouse.list',
  permission: 'master_data.warehouse.read',
  summary: { 'zh-CN': '仓库列表', en: 'List warehouses' },
  input: z.strictObject({}),
  async handler(ctx) {
    return { items: await ctx.repo(warehouseRepo).list(ctx.orgId) };
  },
});
