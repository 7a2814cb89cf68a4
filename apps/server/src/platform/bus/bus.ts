import { createHash } from 'node:crypto';
import { businessDay } from '../calendar.ts';
import type { Db, Queryable } from '../db/db.ts';
import { sqlState } from '../db/db.ts';
import type { Actor } from '../authz/actor.ts';
import { AppError, constraintErrors, errors } from '../errors.ts';
import { newId } from '../ids.ts';
import { claimStreamSql, sealCommand, waitForStream } from '../audit/chain.ts';
import { writeEvents, type PendingEvent } from '../outbox/outbox.ts';
import { fieldErrors } from './zod-errors.ts';
import type { CommandContext, CommandDefinition, QueryContext, Registry, VerifiedSigner } from './definitions.ts';

export interface SignatureInput {
  password: string;
  meaning: string;
}

export interface ExecuteOptions {
  reason?: string | null;
  signature?: SignatureInput | null;
}

export interface BusOptions {
  /** Seal the command log onto the hash chain (off only to measure what the chain costs). */
  chain: boolean;
  /** Re-authenticates a signer (21 CFR 11.200): true when the password is the actor's. */
  checkSignerPassword(actor: Actor, password: string): Promise<boolean>;
  /** Told after every commit that wrote events, so delivery starts at once. */
  onEvents?(): void;
}

const ACCESS_DENIED = 'audit.access.denied';

/**
 * The one write path: parse → authorize → signature → BEGIN → handler → audit seal → outbox → COMMIT.
 * The lifecycle guard runs inside the transaction, on the locked row, so no race can slip past it.
 */
export class Bus {
  constructor(
    private readonly db: Db,
    readonly registry: Registry,
    private readonly options: BusOptions,
  ) {}

  async execute<R = unknown>(name: string, rawInput: unknown, actor: Actor, options: ExecuteOptions = {}): Promise<R> {
    const definition = this.registry.commands.get(name);
    if (!definition) throw errors.notFound(`command ${name}`);
    const parsed = definition.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw errors.badRequest(fieldErrors(parsed.error));
    await this.authorize(definition, actor);
    const reason = options.reason?.trim() || null;
    if (definition.reasonRequired && !reason) throw errors.reasonRequired();
    const signer = await this.checkSignature(definition, actor, options.signature ?? null);
    return (await this.run(definition, parsed.data, actor, reason, signer)) as R;
  }

  async query<R = unknown>(name: string, rawInput: unknown, actor: Actor): Promise<R> {
    const definition = this.registry.queries.get(name);
    if (!definition) throw errors.notFound(`query ${name}`);
    const parsed = definition.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw errors.badRequest(fieldErrors(parsed.error));
    if (actor.kind !== 'system' && !actor.permissions.has(definition.permission)) {
      await this.recordDenial(definition.permission, actor);
      throw errors.forbidden(definition.permission);
    }
    const ctx: QueryContext = { actor, orgId: actor.orgId, today: businessDay(), repo: (factory) => factory(this.db) };
    return (await definition.handler(ctx, parsed.data)) as R;
  }

  private async authorize(definition: CommandDefinition, actor: Actor): Promise<void> {
    if (actor.kind === 'system') return;
    if (definition.access === 'system' || !actor.permissions.has(definition.name)) {
      await this.recordDenial(definition.name, actor);
      throw errors.forbidden(definition.name);
    }
  }

  /** A refused attempt leaves an entry in the audit trail (CN-SYS-02). */
  private async recordDenial(permission: string, actor: Actor): Promise<void> {
    const definition = this.registry.commands.get(ACCESS_DENIED);
    if (definition) await this.run(definition, { permission }, actor, null, null);
  }

  private async checkSignature(definition: CommandDefinition, actor: Actor, signature: SignatureInput | null): Promise<VerifiedSigner | null> {
    if (!definition.signature) return null;
    if (!signature || typeof signature.password !== 'string' || !signature.password) throw errors.signatureRequired();
    if (!definition.signature.meanings.includes(signature.meaning)) throw errors.signatureMeaning([...definition.signature.meanings]);
    if (actor.kind !== 'user' || !(await this.options.checkSignerPassword(actor, signature.password))) {
      throw errors.signatureInvalid();
    }
    return { userId: actor.userId, printedName: actor.displayName, meaning: signature.meaning };
  }

  private async run(definition: CommandDefinition, input: unknown, actor: Actor, reason: string | null, signer: VerifiedSigner | null) {
    const commandId = newId('cmd');
    const events: PendingEvent[] = [];
    const signatureIds: string[] = [];
    try {
      const result = await this.db.transaction(async (tx) => {
        const started = await tx.query<{ now: Date; stream: number | null }>(
          `SELECT set_config('app.command_id', $1, true), set_config('app.actor_id', $2, true), now() AS now,
                  ${this.options.chain ? claimStreamSql : 'NULL::int'} AS stream`,
          [commandId, actor.userId],
        );
        const now = started.rows[0].now;
        let stream = started.rows[0].stream;
        if (this.options.chain && stream === null) stream = await waitForStream(tx, commandId);
        const ctx = this.context(tx, { commandId, definition, actor, reason, signer, now, events, signatureIds });
        const output = await definition.handler(ctx, input);
        await writeEvents(tx, events, { orgId: actor.orgId, commandId, now });
        await sealCommand(
          tx,
          {
            id: commandId,
            org_id: actor.orgId,
            command: definition.name,
            actor_id: actor.userId,
            actor_name: actor.displayName,
            reason,
            input: redactSecrets(input),
            signature_ids: signatureIds,
            at: now,
          },
          { chain: this.options.chain, stream },
        );
        return output;
      });
      if (events.length) this.options.onEvents?.();
      return result;
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }

  private context(
    tx: Queryable,
    state: {
      commandId: string;
      definition: CommandDefinition;
      actor: Actor;
      reason: string | null;
      signer: VerifiedSigner | null;
      now: Date;
      events: PendingEvent[];
      signatureIds: string[];
    },
  ): CommandContext {
    return {
      commandId: state.commandId,
      commandName: state.definition.name,
      now: state.now,
      today: businessDay(state.now),
      actor: state.actor,
      orgId: state.actor.orgId,
      reason: state.reason,
      signer: state.signer,
      repo: (factory) => factory(tx),
      emit: (type, payload) => void state.events.push({ type, payload }),
      async inTransition(name, work) {
        await tx.query(`SELECT set_config('app.transition', $1, true)`, [name]);
        try {
          return await work();
        } finally {
          await tx.query(`SELECT set_config('app.transition', '', true)`);
        }
      },
      addSignature: (id) => void state.signatureIds.push(id),
    };
  }
}

const SECRET_KEY = /password|secret|token/i;
const CONTENT_KEY = /base64$/i;

/**
 * Passwords and secrets never enter the command log (the trail notes that one was given); file
 * contents are logged as their SHA-256 and size, which binds them without copying the bytes.
 */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => {
        if (SECRET_KEY.test(key)) return [key, '[redacted]'];
        if (CONTENT_KEY.test(key) && typeof item === 'string') return [key, `sha256:${createHash('sha256').update(item).digest('hex')} (${item.length} chars)`];
        return [key, redactSecrets(item)];
      }),
    );
  }
  return value;
}

/** Constraint violations that bad input can cause become 4xx; anything else stays an internal error. */
function translateDatabaseError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const state = sqlState(error);
  const named = constraintErrors[String((error as { constraint?: string }).constraint ?? '')];
  if (named && (state === '23505' || state === '23514')) return named();
  const detail = String((error as { detail?: string; message?: string }).detail ?? (error as Error)?.message ?? '');
  if (state === '23505') {
    const field = /Key \(([^)]+)\)/.exec(detail)?.[1]?.split(',').pop()?.trim() ?? 'value';
    return errors.duplicate(field);
  }
  if (state === '23514' || state === '22001' || state === '22003' || state === '22007' || state === '22008' || state === '22P02') {
    return errors.badRequest([{ path: '', message: (error as Error).message }]);
  }
  return error;
}
