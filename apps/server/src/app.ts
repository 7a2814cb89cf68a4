import type { Db } from './platform/db/db.ts';
import { Bus } from './platform/bus/bus.ts';
import { Registry } from './platform/bus/definitions.ts';
import { WebhookDispatcher, defaultDispatcherOptions, type DispatcherOptions } from './platform/outbox/dispatcher.ts';
import type { ModuleDefinition } from './platform/module.ts';
import { AuthService, identityModule } from './modules/identity/index.ts';
import { masterDataModule } from './modules/master-data/index.ts';
import { auditModule } from './modules/audit/index.ts';
import { integrationModule } from './modules/integration/index.ts';
import { platformAdminModule } from './modules/platform-admin/index.ts';
import { masterDataDocuments } from './modules/master-data/index.ts';
import { qualificationDocuments, qualificationModule } from './modules/qualification/index.ts';
import { purchasingDocuments, purchasingModule } from './modules/purchasing/index.ts';
import { inventoryModule } from './modules/inventory/index.ts';
import { receivingModule } from './modules/receiving/index.ts';
import { approvalInboxQuery } from './platform/document/approval-inbox.ts';

/** The approval inbox reads across every document with an approval transition. */
const approvalsModule: ModuleDefinition = {
  name: 'approvals',
  commands: [],
  queries: [approvalInboxQuery([...masterDataDocuments, ...qualificationDocuments, ...purchasingDocuments])],
  routes: [{ method: 'GET', path: '/approvals/inbox', query: 'platform.approval_inbox.list', tag: 'platform' }],
};

export const modules: ModuleDefinition[] = [platformAdminModule, identityModule, auditModule, integrationModule, masterDataModule, qualificationModule, inventoryModule, purchasingModule, receivingModule, approvalsModule];

export function buildRegistry(list: ModuleDefinition[] = modules): Registry {
  const registry = new Registry();
  for (const module of list) {
    registry.addCommands(...module.commands);
    registry.addQueries(...module.queries);
  }
  return registry;
}

export interface Core {
  db: Db;
  bus: Bus;
  auth: AuthService;
  registry: Registry;
  dispatcher: WebhookDispatcher;
}

export interface CoreOptions {
  auditChain?: boolean;
  dispatcher?: Partial<DispatcherOptions>;
}

/** Wires the bus, authentication and the webhook dispatcher around one database. */
export function createCore(db: Db, options: CoreOptions = {}): Core {
  const registry = buildRegistry();
  const dispatcher = new WebhookDispatcher(db, { ...defaultDispatcherOptions, ...options.dispatcher });
  let bus: Bus;
  const auth = new AuthService(db, () => bus);
  bus = new Bus(db, registry, {
    chain: options.auditChain ?? true,
    checkSignerPassword: (actor, password) => auth.checkSignerPassword(actor, password),
    onEvents: () => dispatcher.wake(),
  });
  return { db, bus, auth, registry, dispatcher };
}
