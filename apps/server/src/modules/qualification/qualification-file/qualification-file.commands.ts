import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { nextNumber } from '../../../platform/document/numbering.ts';
import { lockEditable, transitionCommands, type DocumentRow } from '../../../platform/document/document.ts';
import { documentMeta } from '../../../platform/document/document.queries.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import { missingItems, qualificationFileDocument, type FileKind } from './qualification-file.model.ts';

const SUBJECT_KIND: Record<FileKind, string[]> = { supplier: ['supplier', 'manufacturer'], customer: ['customer'], product: [] };

function fileRepo(db: Queryable) {
  return {
    async subject(orgId: string, kind: FileKind, subjectId: string): Promise<{ name: string; kinds?: string[] } | undefined> {
      const table = kind === 'product' ? 'master_data.product' : 'master_data.party';
      const columns = kind === 'product' ? 'name' : 'name, kinds';
      return (await db.query<{ name: string; kinds?: string[] }>(`SELECT ${columns} FROM ${table} WHERE org_id = $1 AND id = $2`, [orgId, subjectId])).rows[0];
    },
    async open(orgId: string, kind: string, subjectId: string) {
      return (await db.query<{ number: string; status: string }>(
        `SELECT number, status FROM qualification.qualification_file WHERE org_id = $1 AND kind = $2 AND subject_id = $3 AND status <> 'rejected'`,
        [orgId, kind, subjectId],
      )).rows[0];
    },
    async insert(row: Record<string, unknown>) {
      const columns = Object.keys(row);
      await db.query(`INSERT INTO qualification.qualification_file (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`, columns.map((c) => row[c]));
    },
    async list(orgId: string, filter: { kind?: string; status?: string; subjectId?: string }) {
      return (await db.query<DocumentRow>(
        `SELECT f.*, coalesce(p.name, pr.name) AS subject_name FROM qualification.qualification_file f
           LEFT JOIN master_data.party p ON p.org_id = f.org_id AND p.id = f.subject_id
           LEFT JOIN master_data.product pr ON pr.org_id = f.org_id AND pr.id = f.subject_id
          WHERE f.org_id = $1 AND ($2::text IS NULL OR f.kind = $2) AND ($3::text IS NULL OR f.status = $3) AND ($4::text IS NULL OR f.subject_id = $4)
          ORDER BY f.number DESC LIMIT 500`,
        [orgId, filter.kind ?? null, filter.status ?? null, filter.subjectId ?? null],
      )).rows;
    },
    async get(orgId: string, id: string) {
      return (await db.query<DocumentRow>(
        `SELECT f.*, coalesce(p.name, pr.name) AS subject_name FROM qualification.qualification_file f
           LEFT JOIN master_data.party p ON p.org_id = f.org_id AND p.id = f.subject_id
           LEFT JOIN master_data.product pr ON pr.org_id = f.org_id AND pr.id = f.subject_id
          WHERE f.org_id = $1 AND f.id = $2`,
        [orgId, id],
      )).rows[0];
    },
  };
}

export const createQualificationFile = defineCommand({
  name: 'qualification.file.create',
  summary: { 'zh-CN': '新建首营档案', en: 'Open a qualification file' },
  input: z.strictObject({
    kind: z.enum(['supplier', 'product', 'customer']),
    subjectId: z.string().min(1).max(64),
    note: z.string().trim().max(2000).nullable().default(null),
  }),
  async handler(ctx, input) {
    const repo = ctx.repo(fileRepo);
    const subject = await repo.subject(ctx.orgId, input.kind, input.subjectId);
    if (!subject) throw errors.notFound(`${input.kind === 'product' ? 'product' : 'party'} ${input.subjectId}`);
    const allowed = SUBJECT_KIND[input.kind];
    if (allowed.length && !subject.kinds!.some((k) => allowed.includes(k))) {
      throw errors.badRequest([{ path: 'subjectId', message: `the party is not a ${allowed.join(' or ')}` }]);
    }
    const open = await repo.open(ctx.orgId, input.kind, input.subjectId);
    if (open) {
      throw errors.conflict('FILE_EXISTS', { 'zh-CN': `已有首营档案 ${open.number}（${open.status}）`, en: `Qualification file ${open.number} already exists (${open.status})` });
    }
    const id = newId('qf');
    const number = await nextNumber(ctx, 'QF');
    await repo.insert({
      org_id: ctx.orgId, id, number, kind: input.kind, subject_id: input.subjectId, note: input.note, status: 'draft', version: 1,
      created_by: ctx.actor.userId, created_at: ctx.now, updated_at: ctx.now,
    });
    ctx.emit('qualification.file.created', { id, number, kind: input.kind, subjectId: input.subjectId });
    return { id, number };
  },
});

export const updateQualificationFile = defineCommand({
  name: 'qualification.file.update',
  summary: { 'zh-CN': '修改首营档案备注', en: 'Change the note of a qualification file' },
  input: z.strictObject({ id: z.string().min(1).max(64), note: z.string().trim().max(2000).nullable() }),
  async handler(ctx, input) {
    await lockEditable(ctx, qualificationFileDocument, input.id);
    await ctx.repo((db) => db.query('UPDATE qualification.qualification_file SET note = $3, version = version + 1, updated_at = $4 WHERE org_id = $1 AND id = $2', [ctx.orgId, input.id, input.note, ctx.now]));
    return { id: input.id };
  },
});

async function view(db: Queryable, joined: DocumentRow, actor: Actor, today: string) {
  // The subject name is joined for display; signatures cover the stored row only.
  const { subject_name: subjectName, ...row } = joined;
  const meta = await documentMeta(db, qualificationFileDocument, row as DocumentRow, actor);
  const missing = ['draft', 'rejected', 'locked'].includes(row.status)
    ? await missingItems({ orgId: row.org_id, repo: (factory) => factory(db) }, row.kind as FileKind, row.subject_id as string, today)
    : [];
  return {
    id: row.id, number: row.number, kind: row.kind, subjectId: row.subject_id, subjectName, note: row.note,
    reviewedBy: row.reviewed_by, reviewedAt: row.reviewed_at, missing, ...meta,
  };
}

export const listQualificationFiles = defineQuery({
  name: 'qualification.file.list',
  permission: 'qualification.file.read',
  summary: { 'zh-CN': '首营档案列表', en: 'List qualification files' },
  input: z.strictObject({
    kind: z.enum(['supplier', 'product', 'customer']).optional(),
    status: z.string().max(20).optional(),
    subjectId: z.string().max(64).optional(),
  }),
  async handler(ctx, input) {
    const rows = await ctx.repo(fileRepo).list(ctx.orgId, input);
    const today = ctx.today;
    return { items: await Promise.all(rows.map((row) => ctx.repo((db) => view(db, row, ctx.actor, today)))), total: rows.length };
  },
});

export const getQualificationFile = defineQuery({
  name: 'qualification.file.get',
  permission: 'qualification.file.read',
  summary: { 'zh-CN': '首营档案详情', en: 'Qualification file detail' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    const row = await ctx.repo(fileRepo).get(ctx.orgId, input.id);
    if (!row) throw errors.notFound(`qualification file ${input.id}`);
    return ctx.repo((db) => view(db, row, ctx.actor, ctx.today));
  },
});

export const qualificationFileCommands = [createQualificationFile, updateQualificationFile, ...transitionCommands(qualificationFileDocument)];
export const qualificationFileQueries = [listQualificationFiles, getQualificationFile];
