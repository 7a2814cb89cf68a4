import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApi, type TestApi } from '../../testing/http.ts';
import { computeFailedLogin, isLocked, lockoutPolicy } from './user/user.rules.ts';
import { expandPatterns } from './role/role.catalog.ts';

describe('identity rules', () => {
  test('US-P11-11: the fifth failure locks the account for the lock period', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    let state = { failedAttempts: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < lockoutPolicy.maxFailedAttempts; i++) {
      const next = computeFailedLogin(state, now);
      assert.equal(next.lockedNow, false);
      state = next;
    }
    const locked = computeFailedLogin(state, now);
    assert.equal(locked.lockedNow, true);
    assert.equal(locked.lockedUntil!.getTime() - now.getTime(), lockoutPolicy.lockMinutes * 60_000);
    assert.equal(isLocked(locked.lockedUntil, now), true);
    assert.equal(isLocked(locked.lockedUntil, new Date(locked.lockedUntil!.getTime() + 1)), false);
  });

  test('permission patterns: deny by default, prefixes and *.read expand against the catalog', () => {
    const catalog = ['a.x.create', 'a.x.read', 'b.y.read', 'b.y.approve'];
    assert.deepEqual(expandPatterns([], catalog), []);
    assert.deepEqual(expandPatterns(['a.*'], catalog), ['a.x.create', 'a.x.read']);
    assert.deepEqual(expandPatterns(['*.read'], catalog), ['a.x.read', 'b.y.read']);
    assert.deepEqual(expandPatterns(['b.y.approve', 'nope'], catalog), ['b.y.approve']);
  });
});

describe('identity over HTTP', () => {
  let api: TestApi;
  let admin: string;
  before(async () => {
    api = await createTestApi();
    admin = await api.login('admin');
  });
  after(() => api.close());

  test('US-P11-11: repeated failures lock the account, the lock is in the audit trail, an admin unlocks with a reason', async () => {
    const created = await api.call('POST', '/api/v1/identity/users', {
      cookie: admin, body: { username: 'lockme', displayName: '锁定测试', password: 'Lock-me-2026!', roles: ['sales'] },
    });
    assert.equal(created.statusCode, 201, created.body);
    const userId = created.json().id;
    for (let i = 0; i < lockoutPolicy.maxFailedAttempts - 1; i++) {
      const failed = await api.call('POST', '/api/v1/auth/login', { body: { username: 'lockme', password: 'wrong' } });
      assert.equal(failed.statusCode, 401);
    }
    const locking = await api.call('POST', '/api/v1/auth/login', { body: { username: 'lockme', password: 'wrong' }, lang: 'en' });
    assert.equal(locking.statusCode, 423);
    assert.equal(locking.json().code, 'AUTH_LOCKED');
    assert.equal(locking.json().requirement, 'US-P11-11');
    // Even the right password is refused while locked.
    const right = await api.call('POST', '/api/v1/auth/login', { body: { username: 'lockme', password: 'Lock-me-2026!' } });
    assert.equal(right.statusCode, 423);
    const trail = (await api.core.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit.command_log WHERE command = 'identity.user.record_login_failure' AND input->>'id' = $1`, [userId],
    )).rows[0].n;
    assert.equal(trail, lockoutPolicy.maxFailedAttempts);
    const lockEvent = (await api.core.db.query(`SELECT 1 FROM platform.outbox WHERE event_type = 'identity.user.locked' AND payload->>'id' = $1`, [userId])).rowCount;
    assert.equal(lockEvent, 1);
    const noReason = await api.call('POST', `/api/v1/identity/users/${userId}/unlock`, { cookie: admin, body: {} });
    assert.equal(noReason.json().code, 'REASON_REQUIRED');
    const unlocked = await api.call('POST', `/api/v1/identity/users/${userId}/unlock`, { cookie: admin, body: { reason: '用户确认身份' } });
    assert.equal(unlocked.statusCode, 200);
    assert.equal((await api.call('POST', '/api/v1/auth/login', { body: { username: 'lockme', password: 'Lock-me-2026!' } })).statusCode, 200);
  });

  test('an unknown user name is refused like a wrong password and still recorded', async () => {
    const response = await api.call('POST', '/api/v1/auth/login', { body: { username: 'ghost', password: 'whatever' } });
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, 'BAD_CREDENTIALS');
    const recorded = (await api.core.db.query(`SELECT 1 FROM audit.command_log WHERE command = 'identity.login.record_unknown_user' AND input->>'username' = 'ghost'`)).rowCount;
    assert.equal(recorded, 1);
  });

  test('passwords and secrets never enter the audit trail', async () => {
    const rows = (await api.core.db.query<{ t: string }>(`SELECT input::text AS t FROM audit.command_log WHERE command = 'identity.user.create'`)).rows;
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.doesNotMatch(row.t, /Custodia#2026|Lock-me-2026/);
      assert.match(row.t, /\[redacted\]/);
    }
    const images = (await api.core.db.query<{ t: string }>(`SELECT after::text AS t FROM audit.row_change WHERE table_name IN ('platform.app_user', 'platform.session')`)).rows;
    for (const image of images) assert.doesNotMatch(image.t, /password_hash|token_hash|argon2/);
  });

  test('API keys authenticate systems with the permissions of their user; a revoked key is refused', async () => {
    const users = (await api.call('GET', '/api/v1/identity/users', { cookie: admin })).json().items as { id: string; username: string }[];
    const auditor = users.find((u) => u.username === 'auditor')!;
    const created = await api.call('POST', '/api/v1/identity/api-keys', { cookie: admin, body: { userId: auditor.id, name: '监管平台对接' } });
    assert.equal(created.statusCode, 201, created.body);
    const key = created.json().key as string;
    assert.match(key, /^ck_[0-9a-f]{8}_/);
    const read = await api.call('GET', '/api/v1/master-data/products', { headers: { authorization: `Bearer ${key}` } });
    assert.equal(read.statusCode, 200);
    const write = await api.call('POST', '/api/v1/master-data/parties', { headers: { 'x-api-key': key }, body: { name: 'x' } });
    assert.equal(write.statusCode, 400); // validation comes before authorization; a valid body is refused below
    const validWrite = await api.call('POST', '/api/v1/master-data/warehouses', { headers: { 'x-api-key': key }, body: { code: 'XX-1', name: 'x', address: 'y' } });
    assert.equal(validWrite.statusCode, 403);
    await api.call('POST', `/api/v1/identity/api-keys/${created.json().id}/revoke`, { cookie: admin, body: { reason: '对接结束' } });
    const after = await api.call('GET', '/api/v1/master-data/products', { headers: { authorization: `Bearer ${key}` } });
    assert.equal(after.statusCode, 401);
  });

  test('US-P11-09: user names are unique; unknown roles are refused', async () => {
    const duplicate = await api.call('POST', '/api/v1/identity/users', { cookie: admin, body: { username: 'qa', displayName: 'x', password: 'Long-enough-1', roles: [] } });
    assert.equal(duplicate.statusCode, 409);
    const unknownRole = await api.call('POST', '/api/v1/identity/users', { cookie: admin, body: { username: 'newbie', displayName: 'x', password: 'Long-enough-1', roles: ['god'] } });
    assert.equal(unknownRole.statusCode, 400);
    const weak = await api.call('POST', '/api/v1/identity/users', { cookie: admin, body: { username: 'weak', displayName: 'x', password: 'short', roles: [] } });
    assert.equal(weak.statusCode, 400);
  });

  test('sign-out closes the session', async () => {
    const cookie = await api.login('sales');
    assert.equal((await api.call('GET', '/api/v1/auth/me', { cookie })).statusCode, 200);
    assert.equal((await api.call('POST', '/api/v1/auth/logout', { cookie })).statusCode, 200);
    assert.equal((await api.call('GET', '/api/v1/auth/me', { cookie })).statusCode, 401);
  });
});
