import { z } from 'zod';
import { defineCommand } from '../../../platform/bus/definitions.ts';
import { newId } from '../../../platform/ids.ts';
import { expandPatterns, roleCatalog } from './role.catalog.ts';
import { roleRepo } from './role.repo.ts';

/** Brings the seeded roles in line with the permission catalog (run at bootstrap and at each start). */
export const syncRoles = defineCommand({
  name: 'identity.role.sync',
  summary: { 'zh-CN': '同步角色权限', en: 'Synchronise role permissions' },
  access: 'system',
  input: z.strictObject({ catalog: z.array(z.string()) }),
  async handler(ctx, input) {
    const roles = ctx.repo(roleRepo);
    for (const seed of roleCatalog) {
      await roles.upsert({
        org_id: ctx.orgId, id: newId('rol'), key: seed.key, name_zh: seed.nameZh, name_en: seed.nameEn,
        permissions: expandPatterns(seed.patterns, input.catalog),
      });
    }
    return { roles: roleCatalog.length };
  },
});
