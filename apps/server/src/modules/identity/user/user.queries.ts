import { z } from 'zod';
import { defineQuery } from '../../../platform/bus/definitions.ts';
import { roleRepo } from '../role/role.repo.ts';
import { userRepo } from './user.repo.ts';
import { toUserView } from './user.model.ts';

export const listUsers = defineQuery({
  name: 'identity.user.list',
  permission: 'identity.user.read',
  summary: { 'zh-CN': '用户列表', en: 'List users' },
  input: z.strictObject({}),
  async handler(ctx) {
    return { items: (await ctx.repo(userRepo).list(ctx.orgId)).map(toUserView) };
  },
});

export const listRoles = defineQuery({
  name: 'identity.role.list',
  permission: 'identity.role.read',
  summary: { 'zh-CN': '角色与权限', en: 'Roles and permissions' },
  input: z.strictObject({}),
  async handler(ctx) {
    const rows = await ctx.repo(roleRepo).list(ctx.orgId);
    return { items: rows.map((r) => ({ key: r.key, nameZh: r.name_zh, nameEn: r.name_en, permissions: r.permissions })) };
  },
});

export const userQueries = [listUsers, listRoles];
