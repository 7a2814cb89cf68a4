import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineCommand } from '../../../platform/bus/definitions.ts';
import { newId } from '../../../platform/ids.ts';
import { sessionRepo } from './session.repo.ts';

export const SESSION_HOURS = 12;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a web session; the token is created here and returned once, only its hash is stored. */
export const openSession = defineCommand({
  name: 'identity.session.open',
  summary: { 'zh-CN': '登录（创建会话）', en: 'Sign in (open a session)' },
  access: 'system',
  input: z.strictObject({ userId: z.string() }),
  async handler(ctx, input) {
    const token = randomBytes(32).toString('base64url');
    const id = newId('ses');
    const expiresAt = new Date(ctx.now.getTime() + SESSION_HOURS * 3_600_000);
    await ctx.repo(sessionRepo).insert({ org_id: ctx.orgId, id, user_id: input.userId, token_hash: hashToken(token), created_at: ctx.now, expires_at: expiresAt });
    return { id, token, expiresAt };
  },
});

export const closeSession = defineCommand({
  name: 'identity.session.close',
  summary: { 'zh-CN': '退出登录', en: 'Sign out' },
  access: 'system',
  input: z.strictObject({ id: z.string() }),
  async handler(ctx, input) {
    await ctx.repo(sessionRepo).close(ctx.orgId, input.id, ctx.now);
    return {};
  },
});

export const sessionCommands = [openSession, closeSession];
