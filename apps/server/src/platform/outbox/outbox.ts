import type { Queryable } from '../db/db.ts';
import { newId } from '../ids.ts';

export interface PendingEvent {
  type: string;
  payload: Record<string, unknown>;
}

/**
 * Writes a command's events into the outbox and, in the same statement, one delivery row per
 * matching active webhook endpoint: the fan-out commits or rolls back with the command.
 */
export async function writeEvents(tx: Queryable, events: PendingEvent[], at: { orgId: string; commandId: string; now: Date }) {
  for (const event of events) {
    await tx.query(
      `WITH ev AS (
         INSERT INTO platform.outbox (org_id, id, event_type, payload, command_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING org_id, id, event_type, created_at)
       INSERT INTO platform.webhook_delivery (org_id, id, endpoint_id, event_id, event_type, status, next_attempt_at, created_at)
       SELECT ev.org_id, 'whd_' || substr(ev.id, 5) || '_' || substr(e.id, 5), e.id, ev.id, ev.event_type, 'pending', ev.created_at, ev.created_at
         FROM ev JOIN platform.webhook_endpoint e ON e.org_id = ev.org_id AND e.active
        WHERE EXISTS (SELECT 1 FROM unnest(e.events) p WHERE ev.event_type LIKE replace(p, '*', '%'))`,
      [at.orgId, newId('evt'), event.type, JSON.stringify(event.payload), at.commandId, at.now],
    );
  }
}
