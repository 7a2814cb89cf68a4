import { createHmac } from 'node:crypto';
import type { Db } from '../db/db.ts';

export interface DispatcherOptions {
  /** First retry delay; doubles with each attempt. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** After this many failed attempts a delivery is dead-lettered for an admin to retry. */
  maxAttempts: number;
  pollIntervalMs: number;
  timeoutMs: number;
  batchSize: number;
}

export const defaultDispatcherOptions: DispatcherOptions = {
  baseDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 8,
  pollIntervalMs: 2_000,
  timeoutMs: 10_000,
  batchSize: 50,
};

interface DueDelivery {
  org_id: string;
  id: string;
  event_id: string;
  event_type: string;
  attempts: number;
  url: string;
  secret: string;
  payload: unknown;
  created_at: Date;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the scheme receivers verify. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

export function computeBackoff(attempts: number, options: Pick<DispatcherOptions, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(options.baseDelayMs * 2 ** Math.max(0, attempts - 1), options.maxDelayMs);
}

/**
 * Delivers outbox events to webhook endpoints after commit. One dispatcher per process; a delivery
 * keeps its id across retries so receivers can drop duplicates.
 */
export class WebhookDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly options: DispatcherOptions = defaultDispatcherOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.options.pollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs a pass now (or right after the current one). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Delivers everything due; returns when nothing due is left (used by tests). */
  async drain(): Promise<void> {
    for (;;) {
      const due = await this.db.query<DueDelivery>(
        `SELECT d.org_id, d.id, d.event_id, d.event_type, d.attempts, e.url, e.secret, o.payload, o.created_at
           FROM platform.webhook_delivery d
           JOIN platform.webhook_endpoint e ON e.org_id = d.org_id AND e.id = d.endpoint_id
           JOIN platform.outbox o ON o.org_id = d.org_id AND o.id = d.event_id
          WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= now()
          ORDER BY d.next_attempt_at LIMIT ${this.options.batchSize}`,
      );
      if (due.rows.length === 0 || this.stopped) return;
      await Promise.all(due.rows.map((delivery) => this.deliver(delivery)));
    }
  }

  private async deliver(delivery: DueDelivery): Promise<void> {
    const body = JSON.stringify({
      id: delivery.event_id,
      deliveryId: delivery.id,
      type: delivery.event_type,
      createdAt: new Date(delivery.created_at).toISOString(),
      data: delivery.payload,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    let error: string | null = null;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'custodia-delivery': delivery.id,
          'custodia-event': delivery.event_type,
          'custodia-signature': signWebhook(delivery.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'manual',
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
    } catch (caught) {
      error = (caught as Error).message || String(caught);
    }
    const attempts = delivery.attempts + 1;
    if (error === null) {
      await this.db.query(
        `UPDATE platform.webhook_delivery SET status = 'delivered', attempts = $3, delivered_at = now(), last_error = NULL
          WHERE org_id = $1 AND id = $2`,
        [delivery.org_id, delivery.id, attempts],
      );
      return;
    }
    const dead = attempts >= this.options.maxAttempts;
    await this.db.query(
      `UPDATE platform.webhook_delivery
          SET status = $3, attempts = $4, last_error = $5, next_attempt_at = now() + ($6 || ' milliseconds')::interval
        WHERE org_id = $1 AND id = $2`,
      [delivery.org_id, delivery.id, dead ? 'dead' : 'failed', attempts, error.slice(0, 500), String(computeBackoff(attempts, this.options))],
    );
  }
}
