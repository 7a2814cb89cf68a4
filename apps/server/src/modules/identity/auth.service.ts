import type { Bus } from '../../platform/bus/bus.ts';
import type { Db } from '../../platform/db/db.ts';
import { systemActor, type Actor } from '../../platform/authz/actor.ts';
import { errors } from '../../platform/errors.ts';
import { checkPassword } from './password.ts';
import { userRepo, type UserWithAccess } from './user/user.repo.ts';
import { isLocked } from './user/user.rules.ts';
import { hashToken } from './session/session.commands.ts';
import { sessionRepo } from './session/session.repo.ts';
import { apiKeyRepo } from './api-key/api-key.repo.ts';

export function actorFromUser(user: UserWithAccess, kind: Actor['kind'], sessionId?: string): Actor {
  return {
    kind,
    orgId: user.org_id,
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    roles: user.roles,
    permissions: new Set(user.permissions),
    locale: user.locale,
    sessionId,
  };
}

/** Sign-in, sessions, API keys and signer re-authentication; every outcome is written through the bus. */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly bus: () => Bus,
  ) {}

  async login(username: string, password: string): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
    const users = userRepo(this.db);
    const [user] = await users.byUsername(username);
    if (!user || user.is_system) {
      const orgId = (await this.db.query<{ org_id: string }>('SELECT org_id FROM platform.org ORDER BY created_at LIMIT 1')).rows[0]?.org_id;
      if (orgId) await this.bus().execute('identity.login.record_unknown_user', { username: username.slice(0, 200) }, systemActor(orgId));
      throw errors.badCredentials();
    }
    const now = new Date();
    if (user.locked_until && isLocked(user.locked_until, now)) throw errors.locked(new Date(user.locked_until));
    if (!user.active || !(await checkPassword(user.password_hash, password))) {
      const outcome = await this.bus().execute<{ lockedUntil: Date | null; lockedNow: boolean }>(
        'identity.user.record_login_failure', { id: user.id, context: 'login' }, systemActor(user.org_id),
      );
      if (outcome.lockedNow && outcome.lockedUntil) throw errors.locked(new Date(outcome.lockedUntil));
      throw errors.badCredentials();
    }
    const system = systemActor(user.org_id);
    await this.bus().execute('identity.user.record_login_success', { id: user.id }, system);
    const session = await this.bus().execute<{ id: string; token: string; expiresAt: Date }>('identity.session.open', { userId: user.id }, system);
    return { token: session.token, expiresAt: session.expiresAt, actor: actorFromUser(user, 'user', session.id) };
  }

  async logout(actor: Actor): Promise<void> {
    if (actor.sessionId) await this.bus().execute('identity.session.close', { id: actor.sessionId }, systemActor(actor.orgId));
  }

  async actorForSession(token: string): Promise<Actor | null> {
    const session = await sessionRepo(this.db).activeByToken(hashToken(token));
    if (!session) return null;
    const user = await userRepo(this.db).byId(session.org_id, session.user_id);
    if (!user || !user.active) return null;
    return actorFromUser(user, 'user', session.id);
  }

  async actorForApiKey(key: string): Promise<Actor | null> {
    const row = await apiKeyRepo(this.db).activeByHash(hashToken(key));
    if (!row) return null;
    const user = await userRepo(this.db).byId(row.org_id, row.user_id);
    if (!user || !user.active) return null;
    return actorFromUser(user, 'api_key');
  }

  /** 21 CFR 11.200: each signing re-checks the password; failures count toward lockout. */
  async checkSignerPassword(actor: Actor, password: string): Promise<boolean> {
    const user = await userRepo(this.db).byId(actor.orgId, actor.userId);
    if (!user || !user.active || isLocked(user.locked_until, new Date())) return false;
    if (await checkPassword(user.password_hash, password)) return true;
    await this.bus().execute('identity.user.record_login_failure', { id: user.id, context: 'signature' }, systemActor(user.org_id));
    return false;
  }
}
