import type { z } from 'zod';
import type { Queryable } from '../db/db.ts';
import { defineCommand, defineQuery, type CommandContext, type CommandDefinition, type QueryDefinition } from '../bus/definitions.ts';
import { newId } from '../ids.ts';
import { nextNumber } from './numbering.ts';
import { lockEditable, transitionCommands, type DocumentDefinition, type DocumentRow } from './document.ts';
import { documentMeta, getInput, getRow, listInput, listRows, type DocumentMeta } from './document.queries.ts';

/** How a document's API fields map onto its table, and how it is numbered and searched. */
export interface RecordShape {
  doc: DocumentDefinition;
  idPrefix: string;
  series: string;
  /** API field name → column name. */
  columns: Record<string, string>;
  /** Shown in views, written only by the system (e.g. an expiry lock). */
  readOnlyColumns?: Record<string, string>;
  searchColumns: string[];
  createInput: z.ZodType<Record<string, unknown>>;
  updateInput: z.ZodType<{ id: string } & Record<string, unknown>>;
  /** Fields echoed in the `created` event. */
  eventFields: string[];
}

function recordRepo(shape: RecordShape) {
  return (db: Queryable) => ({
    async insert(row: Record<string, unknown>): Promise<void> {
      const columns = Object.keys(row);
      await db.query(
        `INSERT INTO ${shape.doc.table} (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => row[c]),
      );
    },
    /** Applies the changed fields and bumps the version: a new version of the content. */
    async update(orgId: string, id: string, fields: Record<string, unknown>, now: Date): Promise<void> {
      const sets = ['version = version + 1', 'updated_at = $3'];
      const params: unknown[] = [orgId, id, now];
      for (const [field, value] of Object.entries(fields)) {
        const column = shape.columns[field];
        if (!column) continue;
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      }
      await db.query(`UPDATE ${shape.doc.table} SET ${sets.join(', ')} WHERE org_id = $1 AND id = $2`, params);
    },
  });
}

export function toRecordView(shape: RecordShape, row: DocumentRow, meta: DocumentMeta) {
  return {
    id: row.id,
    number: row.number,
    ...Object.fromEntries(Object.entries({ ...shape.columns, ...shape.readOnlyColumns }).map(([field, column]) => [field, row[column] ?? null])),
    ...meta,
  };
}

/**
 * The create step of a record: next number of its series, initial lifecycle state, version 1, the
 * `created` event. `input` must already have passed `shape.createInput`. Shared by the create command and
 * by importers that create many records inside one command.
 */
export async function createRecord(ctx: CommandContext, shape: RecordShape, input: Record<string, unknown>): Promise<{ id: string; number: string }> {
  const { doc } = shape;
  const id = newId(shape.idPrefix);
  const number = await nextNumber(ctx, shape.series);
  const row: Record<string, unknown> = {
    org_id: ctx.orgId, id, number, status: doc.lifecycle.initial, version: 1,
    created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
  };
  for (const [field, column] of Object.entries(shape.columns)) row[column] = input[field] ?? null;
  await ctx.repo(recordRepo(shape)).insert(row);
  ctx.emit(`${doc.name}.created`, { id, number, ...Object.fromEntries(shape.eventFields.map((f) => [f, input[f]])) });
  return { id, number };
}

/** create, update (editable states only) and one command per lifecycle transition. */
export function recordCommands(shape: RecordShape): CommandDefinition[] {
  const { doc } = shape;
  const create = defineCommand({
    name: `${doc.name}.create`,
    summary: { 'zh-CN': `新建${doc.label['zh-CN']}（草稿）`, en: `Create a ${doc.label.en.toLowerCase()} (draft)` },
    input: shape.createInput,
    handler: (ctx, input) => createRecord(ctx, shape, input),
  });
  const update = defineCommand({
    name: `${doc.name}.update`,
    summary: { 'zh-CN': `修改${doc.label['zh-CN']}（仅草稿或已驳回）`, en: `Change a ${doc.label.en.toLowerCase()} (draft or rejected only)` },
    input: shape.updateInput,
    async handler(ctx, input) {
      const { id, ...fields } = input;
      await lockEditable(ctx, doc, id);
      await ctx.repo(recordRepo(shape)).update(ctx.orgId, id, fields, ctx.now);
      ctx.emit(`${doc.name}.updated`, { id, fields: Object.keys(fields) });
      return { id };
    },
  });
  return [create, update, ...transitionCommands(doc)];
}

/** list and get, each with status, verified signatures and the actions open to the caller. */
export function recordQueries(shape: RecordShape): QueryDefinition[] {
  const { doc } = shape;
  const list = defineQuery({
    name: `${doc.name}.list`,
    permission: `${doc.name}.read`,
    summary: { 'zh-CN': `${doc.label['zh-CN']}列表`, en: `List ${doc.label.en.toLowerCase()}s` },
    input: listInput,
    async handler(ctx, input) {
      const { rows, total } = await ctx.repo((db) => listRows(db, doc, ctx.orgId, input, shape.searchColumns));
      const items = await Promise.all(rows.map(async (row) => toRecordView(shape, row, await ctx.repo((db) => documentMeta(db, doc, row, ctx.actor)))));
      return { items, total };
    },
  });
  const get = defineQuery({
    name: `${doc.name}.get`,
    permission: `${doc.name}.read`,
    summary: { 'zh-CN': `${doc.label['zh-CN']}详情`, en: `${doc.label.en} detail` },
    input: getInput,
    async handler(ctx, input) {
      const row = await ctx.repo((db) => getRow(db, doc, ctx.orgId, input.id));
      return toRecordView(shape, row, await ctx.repo((db) => documentMeta(db, doc, row, ctx.actor)));
    },
  });
  return [list, get];
}
