import type { ModuleDefinition } from '../../platform/module.ts';
import { userCommands } from './user/user.commands.ts';
import { userQueries } from './user/user.queries.ts';
import { sessionCommands } from './session/session.commands.ts';
import { apiKeyCommands, apiKeyQueries } from './api-key/api-key.commands.ts';
import { syncRoles } from './role/role.commands.ts';

export const identityModule: ModuleDefinition = {
  name: 'identity',
  commands: [...userCommands, ...sessionCommands, ...apiKeyCommands, syncRoles],
  queries: [...userQueries, ...apiKeyQueries],
  routes: [
    { method: 'GET', path: '/identity/users', query: 'identity.user.list', tag: 'identity' },
    { method: 'POST', path: '/identity/users', command: 'identity.user.create', status: 201, tag: 'identity' },
    { method: 'POST', path: '/identity/users/:id/roles', command: 'identity.user.set_roles', tag: 'identity' },
    { method: 'POST', path: '/identity/users/:id/unlock', command: 'identity.user.unlock', tag: 'identity' },
    { method: 'POST', path: '/identity/users/:id/reset-password', command: 'identity.user.reset_password', tag: 'identity' },
    { method: 'GET', path: '/identity/roles', query: 'identity.role.list', tag: 'identity' },
    { method: 'GET', path: '/identity/api-keys', query: 'identity.api_key.list', tag: 'identity' },
    { method: 'POST', path: '/identity/api-keys', command: 'identity.api_key.create', status: 201, tag: 'identity' },
    { method: 'POST', path: '/identity/api-keys/:id/revoke', command: 'identity.api_key.revoke', tag: 'identity' },
  ],
};

export { AuthService, actorFromUser } from './auth.service.ts';
export { roleCatalog, expandPatterns } from './role/role.catalog.ts';
export { hashPassword } from './password.ts';
export { userRepo } from './user/user.repo.ts';
