import type { Core } from './app.ts';
import { systemActor } from './platform/authz/actor.ts';
import { migrate } from './platform/db/migrate.ts';
import { newId } from './platform/ids.ts';

export const DEFAULT_ORG_NAME = { name: '华东医疗器械供应链有限公司', nameEn: 'East China Medical Device Supply Chain Co., Ltd.' };

/**
 * Migrates, then on first start creates the legal entity, the roles and the `admin` user.
 * Returns the org id and whether this start created it.
 */
export async function bootstrap(core: Core, adminPassword: string | undefined): Promise<{ orgId: string; created: boolean; migrations: string[] }> {
  const migrations = await migrate(core.db);
  const existing = (await core.db.query<{ org_id: string }>('SELECT org_id FROM platform.org ORDER BY created_at LIMIT 1')).rows[0];
  const orgId = existing?.org_id ?? newId('org');
  const system = systemActor(orgId);
  if (!existing) {
    await core.bus.execute('platform.org.bootstrap', { ...DEFAULT_ORG_NAME, creditCode: '91310000MA1K4ABC7Q' }, system);
  }
  // Roles follow the permission catalog at every start, so new commands reach their roles.
  await core.bus.execute('identity.role.sync', { catalog: core.registry.permissionKeys() }, system);
  await core.bus.execute('qualification.rule.seed', {}, system);
  if (!existing) {
    if (!adminPassword) throw new Error('CUSTODIA_ADMIN_PASSWORD is not set');
    await core.bus.execute(
      'identity.user.create',
      { username: 'admin', displayName: '系统管理员 Admin', password: adminPassword, roles: ['admin'], locale: 'zh-CN' },
      system,
    );
  }
  return { orgId, created: !existing, migrations };
}
