import type { ModuleDefinition } from '../../platform/module.ts';
import { anchorChain, listCommands, recordAccessDenied, recordHistory, verifyTrail } from './audit.queries.ts';

export const auditModule: ModuleDefinition = {
  name: 'audit',
  commands: [recordAccessDenied, anchorChain],
  queries: [recordHistory, listCommands, verifyTrail],
  routes: [
    { method: 'GET', path: '/audit/history', query: 'audit.history.get', tag: 'audit' },
    { method: 'GET', path: '/audit/commands', query: 'audit.trail.list', tag: 'audit' },
    { method: 'GET', path: '/audit/verify', query: 'audit.trail.verify', tag: 'audit' },
  ],
};
