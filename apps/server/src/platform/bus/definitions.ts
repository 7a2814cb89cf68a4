import type { z } from 'zod';
import type { Queryable } from '../db/db.ts';
import type { Actor } from '../authz/actor.ts';
import type { LocalizedText } from '../errors.ts';

export interface VerifiedSigner {
  userId: string;
  printedName: string;
  meaning: string;
}

export type RepoFactory<R> = (db: Queryable) => R;

/** What a command handler may use. There is no raw connection and no way to commit or roll back. */
export interface CommandContext {
  readonly commandId: string;
  readonly commandName: string;
  readonly now: Date;
  /** The business day (Asia/Shanghai) of the server clock, for expiry and effective-date rules. */
  readonly today: string;
  readonly actor: Actor;
  readonly orgId: string;
  readonly reason: string | null;
  /** Present when the command required an e-signature and the signer re-authenticated. */
  readonly signer: VerifiedSigner | null;
  repo<R>(factory: RepoFactory<R>): R;
  emit(type: string, payload: Record<string, unknown>): void;
  /** Marks the record's status change as done by a lifecycle transition (the database refuses others). */
  inTransition<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Ids of signatures written by this command, sealed into its log entry. */
  addSignature(id: string): void;
}

export interface QueryContext {
  readonly actor: Actor;
  readonly orgId: string;
  /** The business day (Asia/Shanghai) at the moment of the query. */
  readonly today: string;
  repo<R>(factory: RepoFactory<R>): R;
}

export interface CommandDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  /** `<module>.<document>.<verb>`; also the permission key. */
  name: string;
  summary: LocalizedText;
  input: S;
  /** e-signature needed: the caller re-enters the password and gives one of these meanings. */
  signature?: { meanings: readonly string[] };
  reasonRequired?: boolean;
  /** `system`: only the server itself runs it (login bookkeeping, bootstrap); not reachable over HTTP. */
  access?: 'permission' | 'system';
  handler(ctx: CommandContext, input: z.infer<S>): Promise<R>;
}

export interface QueryDefinition<S extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  /** Permission key needed to run it. */
  permission: string;
  summary: LocalizedText;
  input: S;
  handler(ctx: QueryContext, input: z.infer<S>): Promise<R>;
}

export function defineCommand<S extends z.ZodType, R>(definition: CommandDefinition<S, R>): CommandDefinition<S, R> {
  return definition;
}

export function defineQuery<S extends z.ZodType, R>(definition: QueryDefinition<S, R>): QueryDefinition<S, R> {
  return definition;
}

export class Registry {
  readonly commands = new Map<string, CommandDefinition>();
  readonly queries = new Map<string, QueryDefinition>();

  addCommands(...definitions: CommandDefinition<any, any>[]): void {
    for (const definition of definitions) {
      if (this.commands.has(definition.name)) throw new Error(`command ${definition.name} registered twice`);
      this.commands.set(definition.name, definition);
    }
  }

  addQueries(...definitions: QueryDefinition<any, any>[]): void {
    for (const definition of definitions) {
      if (this.queries.has(definition.name)) throw new Error(`query ${definition.name} registered twice`);
      this.queries.set(definition.name, definition);
    }
  }

  /** Every permission key: each command and each query permission. */
  permissionKeys(): string[] {
    const keys = new Set<string>();
    for (const command of this.commands.values()) if (command.access !== 'system') keys.add(command.name);
    for (const query of this.queries.values()) keys.add(query.permission);
    return [...keys].sort();
  }
}
