import type { CommandDefinition, QueryDefinition } from './bus/definitions.ts';
import type { RouteRow } from '../http/route-row.ts';

/** What a module offers the application: its commands, queries and route rows. */
export interface ModuleDefinition {
  name: string;
  commands: CommandDefinition<any, any>[];
  queries: QueryDefinition<any, any>[];
  routes: RouteRow[];
}
