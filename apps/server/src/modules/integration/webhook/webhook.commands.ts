import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defineCommand, defineQuery } from '../../../platform/bus/definitions.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { errors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';

const eventPattern = z.string().regex(/^(\*|[a-z_]+(\.[a-z_]+){0,2}(\.\*)?)$/, 'event type or pattern such as master_data.product.* or *');

function webhookRepo(db: Queryable) {
  return {
    async insert(row: { org_id: string; id: string; url: string; events: string[]; secret: string; created_at: Date }) {
      await db.query(
        'INSERT INTO platform.webhook_endpoint (org_id, id, url, events, secret, active, created_at) VALUES ($1, $2, $3, $4, $5, true, $6)',
        [row.org_id, row.id, row.url, row.events, row.secret, row.created_at],
      );
    },
    async deactivate(orgId: string, id: string) {
      return (await db.query('UPDATE platform.webhook_endpoint SET active = false WHERE org_id = $1 AND id = $2 AND active', [orgId, id])).rowCount;
    },
    async list(orgId: string) {
      return (
        await db.query(
          'SELECT id, url, events, active, created_at AS "createdAt" FROM platform.webhook_endpoint WHERE org_id = $1 ORDER BY created_at',
          [orgId],
        )
      ).rows;
    },
    async deliveries(orgId: string, status: string | undefined, limit: number) {
      return (
        await db.query(
          `SELECT d.id, d.event_id AS "eventId", d.event_type AS "eventType", d.endpoint_id AS "endpointId", e.url, d.status,
                  d.attempts, d.last_error AS "lastError", d.next_attempt_at AS "nextAttemptAt", d.delivered_at AS "deliveredAt"
             FROM platform.webhook_delivery d JOIN platform.webhook_endpoint e ON e.org_id = d.org_id AND e.id = d.endpoint_id
            WHERE d.org_id = $1 AND ($2::text IS NULL OR d.status = $2) ORDER BY d.created_at DESC LIMIT $3`,
          [orgId, status ?? null, limit],
        )
      ).rows;
    },
    async requeue(orgId: string, id: string, now: Date) {
      return (
        await db.query(
          `UPDATE platform.webhook_delivery SET status = 'pending', attempts = 0, next_attempt_at = $3
            WHERE org_id = $1 AND id = $2 AND status IN ('dead', 'failed')`,
          [orgId, id, now],
        )
      ).rowCount;
    },
  };
}

export const createWebhook = defineCommand({
  name: 'integration.webhook.create',
  summary: { 'zh-CN': '登记 Webhook 接收端', en: 'Register a webhook endpoint' },
  input: z.strictObject({
    url: z.url({ protocol: /^https?$/ }).max(500),
    events: z.array(eventPattern).min(1).max(50),
  }),
  async handler(ctx, input) {
    const id = newId('whk');
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    await ctx.repo(webhookRepo).insert({ org_id: ctx.orgId, id, url: input.url, events: input.events, secret, created_at: ctx.now });
    // The secret is answered once, here; the audit trail never holds it.
    return { id, url: input.url, events: input.events, active: true, createdAt: ctx.now, secret };
  },
});

export const deactivateWebhook = defineCommand({
  name: 'integration.webhook.deactivate',
  summary: { 'zh-CN': '停用 Webhook 接收端', en: 'Deactivate a webhook endpoint' },
  input: z.strictObject({ id: z.string().min(1).max(64) }),
  reasonRequired: true,
  async handler(ctx, input) {
    if ((await ctx.repo(webhookRepo).deactivate(ctx.orgId, input.id)) === 0) throw errors.notFound(`webhook ${input.id}`);
    return { id: input.id, active: false };
  },
});

export const retryDelivery = defineCommand({
  name: 'integration.webhook_delivery.retry',
  summary: { 'zh-CN': '重新投递死信', en: 'Retry a dead-lettered delivery' },
  input: z.strictObject({ id: z.string().min(1).max(200) }),
  reasonRequired: true,
  async handler(ctx, input) {
    if ((await ctx.repo(webhookRepo).requeue(ctx.orgId, input.id, ctx.now)) === 0) throw errors.notFound(`failed delivery ${input.id}`);
    return { id: input.id, status: 'pending' };
  },
});

export const listWebhooks = defineQuery({
  name: 'integration.webhook.list',
  permission: 'integration.webhook.read',
  summary: { 'zh-CN': 'Webhook 接收端列表', en: 'List webhook endpoints' },
  input: z.strictObject({}),
  async handler(ctx) {
    return { items: await ctx.repo(webhookRepo).list(ctx.orgId) };
  },
});

export const listDeliveries = defineQuery({
  name: 'integration.webhook_delivery.list',
  permission: 'integration.webhook.read',
  summary: { 'zh-CN': 'Webhook 投递记录（含死信）', en: 'Webhook deliveries (including dead letters)' },
  input: z.strictObject({
    status: z.enum(['pending', 'delivered', 'failed', 'dead']).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  }),
  async handler(ctx, input) {
    return { items: await ctx.repo(webhookRepo).deliveries(ctx.orgId, input.status, input.limit) };
  },
});

export const webhookCommands = [createWebhook, deactivateWebhook, retryDelivery];
export const webhookQueries = [listWebhooks, listDeliveries];
