import { z } from 'zod';
import { defineCommand } from '../../../platform/bus/definitions.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { hashPassword } from '../password.ts';
import { roleRepo } from '../role/role.repo.ts';
import { userRepo } from './user.repo.ts';
import { createUserInput, resetPasswordInput, setRolesInput, toUserView, userIdInput } from './user.model.ts';
import { checkRoleKeys, computeFailedLogin } from './user.rules.ts';
import type { CommandContext } from '../../../platform/bus/definitions.ts';

async function assertRolesExist(ctx: CommandContext, roles: string[]) {
  const unknown = checkRoleKeys(roles, await ctx.repo(roleRepo).keys(ctx.orgId));
  if (unknown.length) throw errors.badRequest(unknown.map((key) => ({ path: 'roles', message: `unknown role ${key}` })));
}

async function loadUser(ctx: CommandContext, id: string) {
  const user = await ctx.repo(userRepo).lock(ctx.orgId, id);
  if (!user || user.is_system) throw errors.notFound(`user ${id}`);
  return user;
}

export const createUser = defineCommand({
  name: 'identity.user.create',
  summary: { 'zh-CN': '创建用户', en: 'Create a user' },
  input: createUserInput,
  async handler(ctx, input) {
    await assertRolesExist(ctx, input.roles);
    const users = ctx.repo(userRepo);
    const id = newId('usr');
    await users.insert({
      org_id: ctx.orgId, id, username: input.username, display_name: input.displayName,
      password_hash: await hashPassword(input.password), locale: input.locale, active: true, is_system: false,
      password_changed_at: ctx.now, created_at: ctx.now, updated_at: ctx.now,
    });
    await users.replaceRoles(ctx.orgId, id, input.roles, () => newId('urol'));
    ctx.emit('identity.user.created', { id, username: input.username });
    return toUserView((await users.byId(ctx.orgId, id))!);
  },
});

export const setUserRoles = defineCommand({
  name: 'identity.user.set_roles',
  summary: { 'zh-CN': '设置用户角色', en: 'Set the roles of a user' },
  input: setRolesInput,
  reasonRequired: true,
  async handler(ctx, input) {
    await loadUser(ctx, input.id);
    await assertRolesExist(ctx, input.roles);
    await ctx.repo(userRepo).replaceRoles(ctx.orgId, input.id, input.roles, () => newId('urol'));
    ctx.emit('identity.user.roles_changed', { id: input.id, roles: input.roles });
    return toUserView((await ctx.repo(userRepo).byId(ctx.orgId, input.id))!);
  },
});

export const unlockUser = defineCommand({
  name: 'identity.user.unlock',
  summary: { 'zh-CN': '解锁用户', en: 'Unlock a user' },
  input: userIdInput,
  reasonRequired: true,
  async handler(ctx, input) {
    await loadUser(ctx, input.id);
    await ctx.repo(userRepo).setLoginState(ctx.orgId, input.id, 0, null, ctx.now);
    return toUserView((await ctx.repo(userRepo).byId(ctx.orgId, input.id))!);
  },
});

export const resetPassword = defineCommand({
  name: 'identity.user.reset_password',
  summary: { 'zh-CN': '重置密码', en: 'Reset a password' },
  input: resetPasswordInput,
  reasonRequired: true,
  async handler(ctx, input) {
    await loadUser(ctx, input.id);
    await ctx.repo(userRepo).setPassword(ctx.orgId, input.id, await hashPassword(input.password), ctx.now);
    return { id: input.id };
  },
});

/** Server bookkeeping of a failed sign-in or signing attempt; locks the account at the limit. */
export const recordLoginFailure = defineCommand({
  name: 'identity.user.record_login_failure',
  summary: { 'zh-CN': '记录登录失败', en: 'Record a failed sign-in' },
  access: 'system',
  input: z.strictObject({ id: z.string(), context: z.enum(['login', 'signature']) }),
  async handler(ctx, input) {
    const user = await ctx.repo(userRepo).lock(ctx.orgId, input.id);
    if (!user) throw errors.notFound(`user ${input.id}`);
    const next = computeFailedLogin({ failedAttempts: user.failed_attempts, lockedUntil: user.locked_until }, ctx.now);
    await ctx.repo(userRepo).setLoginState(ctx.orgId, user.id, next.failedAttempts, next.lockedUntil, ctx.now);
    if (next.lockedNow) ctx.emit('identity.user.locked', { id: user.id, username: user.username, until: next.lockedUntil?.toISOString() });
    return next;
  },
});

/** A sign-in with an unknown user name still leaves a trace (11.300(d): detect attempts). */
export const recordUnknownLogin = defineCommand({
  name: 'identity.login.record_unknown_user',
  summary: { 'zh-CN': '记录未知用户登录尝试', en: 'Record a sign-in attempt with an unknown user name' },
  access: 'system',
  input: z.strictObject({ username: z.string().max(200) }),
  async handler() {
    return {};
  },
});

export const recordLoginSuccess = defineCommand({
  name: 'identity.user.record_login_success',
  summary: { 'zh-CN': '记录登录成功', en: 'Record a successful sign-in' },
  access: 'system',
  input: z.strictObject({ id: z.string() }),
  async handler(ctx, input) {
    const user = await ctx.repo(userRepo).lock(ctx.orgId, input.id);
    if (user && user.failed_attempts > 0) await ctx.repo(userRepo).setLoginState(ctx.orgId, input.id, 0, null, ctx.now);
    return {};
  },
});

export const userCommands = [createUser, setUserRoles, unlockUser, resetPassword, recordLoginFailure, recordUnknownLogin, recordLoginSuccess];
