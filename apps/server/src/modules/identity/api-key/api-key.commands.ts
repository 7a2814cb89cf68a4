import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { hashToken } from '../session/session.commands.ts';
import { userRepo } from '../user/user.repo.ts';
import { apiKeyRepo, type ApiKeyRow } from './api-key.repo.ts';

const view = (row: ApiKeyRow) => ({ id: row.id, userId: row.user_id, name: row.name, prefix: row.prefix, active: row.active, createdAt: row.created_at });

/** Keys are `ck_<prefix>_<secret>`; shown once at creation, stored as a SHA-256 hash. */
export const createApiKey = defineCommand({
  name: 'identity.api_key.create',
  summary: { 'zh-CN': '创建 API 密钥', en: 'Create an API key' },
  input: z.strictObject({ userId: z.string().min(1).max(64), name: z.string().trim().min(1).max(100) }),
  async handler(ctx, input) {
    const user = await ctx.repo(userRepo).byId(ctx.orgId, input.userId);
    if (!user || user.is_system) throw errors.notFound(`user ${input.userId}`);
    const prefix = randomBytes(4).toString('hex');
    const key = `ck_${prefix}_${randomBytes(24).toString('base64url')}`;
    const row: ApiKeyRow = { org_id: ctx.orgId, id: newId('key'), user_id: input.userId, name: input.name, prefix, key_hash: hashToken(key), active: true, created_at: ctx.now };
    await ctx.repo(apiKeyRepo).insert(row);
    return { ...view(row), key };
  },
});

export const revokeApiKey = defineCommand({
  name: 'identity.api_key.revoke',
  summary: { 'zh-CN': '吊销 API 密钥', en: 'Revoke an API key' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  reasonRequired: true,
  async handler(ctx, input) {
    if ((await ctx.repo(apiKeyRepo).deactivate(ctx.orgId, input.id)) === 0) throw errors.notFound(`API key ${input.id}`);
    return { id: input.id, active: false };
  },
});

export const listApiKeys = defineQuery({
  name: 'identity.api_key.list',
  permission: 'identity.api_key.read',
  summary: { 'zh-CN': 'API 密钥列表', en: 'List API keys' },
  input: z.strictObject({}),
  async handler(ctx) {
    return { items: (await ctx.repo(apiKeyRepo).list(ctx.orgId)).map(view) };
  },
});

export const apiKeyCommands = [createApiKey, revokeApiKey];
export const apiKeyQueries = [listApiKeys];
