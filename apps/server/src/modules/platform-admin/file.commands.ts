import { createHash } from 'node:crypto';
import { z } from 'zod';
import { defineCommand, defineQuery } from '../../platform/bus/definitions.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { errors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';

/** Scans and images: PDF, PNG, JPEG; the first bytes must match the declared type. */
const SIGNATURES: Record<string, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46],
  'image/png': [0x89, 0x50, 0x4e, 0x47],
  'image/jpeg': [0xff, 0xd8, 0xff],
};
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export function checkFileContent(mime: string, content: Buffer): string | null {
  const signature = SIGNATURES[mime];
  if (!signature) return `type ${mime} is not accepted (PDF, PNG, JPEG)`;
  if (content.length === 0) return 'the file is empty';
  if (content.length > MAX_FILE_BYTES) return `the file exceeds ${MAX_FILE_BYTES} bytes`;
  if (!signature.every((byte, i) => content[i] === byte)) return `the content is not a ${mime} file`;
  return null;
}

function fileRepo(db: Queryable) {
  return {
    async insert(row: { org_id: string; id: string; name: string; mime: string; size: number; sha256: string; content: Buffer; uploaded_by: string; uploaded_at: Date }) {
      await db.query(
        `INSERT INTO platform.file (org_id, id, name, mime, size, sha256, content, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [row.org_id, row.id, row.name, row.mime, row.size, row.sha256, row.content, row.uploaded_by, row.uploaded_at],
      );
    },
    async get(orgId: string, id: string) {
      return (await db.query<{ id: string; name: string; mime: string; size: number; sha256: string; content: Uint8Array; uploaded_at: Date }>(
        'SELECT id, name, mime, size, sha256, content, uploaded_at FROM platform.file WHERE org_id = $1 AND id = $2', [orgId, id],
      )).rows[0];
    },
  };
}

/** Stores a scanned document with its SHA-256; files are insert-only, a new scan is a new file. */
export const uploadFile = defineCommand({
  name: 'platform.file.upload',
  summary: { 'zh-CN': '上传扫描件', en: 'Upload a scanned document' },
  input: z.strictObject({
    name: z.string().trim().min(1).max(200),
    mime: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
    contentBase64: z.base64().max(Math.ceil(MAX_FILE_BYTES / 3) * 4),
  }),
  async handler(ctx, input) {
    const content = Buffer.from(input.contentBase64, 'base64');
    const problem = checkFileContent(input.mime, content);
    if (problem) throw errors.badRequest([{ path: 'contentBase64', message: problem }]);
    const id = newId('fil');
    const sha256 = createHash('sha256').update(content).digest('hex');
    await ctx.repo(fileRepo).insert({ org_id: ctx.orgId, id, name: input.name, mime: input.mime, size: content.length, sha256, content, uploaded_by: ctx.actor.userId, uploaded_at: ctx.now });
    return { id, name: input.name, mime: input.mime, size: content.length, sha256 };
  },
});

export const getFile = defineQuery({
  name: 'platform.file.get',
  permission: 'platform.file.read',
  summary: { 'zh-CN': '下载扫描件', en: 'Download a scanned document' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  async handler(ctx, input) {
    const file = await ctx.repo(fileRepo).get(ctx.orgId, input.id);
    if (!file) throw errors.notFound(`file ${input.id}`);
    return { binary: true as const, name: file.name, mime: file.mime, sha256: file.sha256, content: Buffer.from(file.content) };
  },
});
