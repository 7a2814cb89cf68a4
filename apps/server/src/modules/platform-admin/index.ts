import type { ModuleDefinition } from '../../platform/module.ts';
import { bootstrapOrg, publishApprovalRule } from './bootstrap.commands.ts';

export const platformAdminModule: ModuleDefinition = {
  name: 'platform-admin',
  commands: [bootstrapOrg, publishApprovalRule],
  queries: [],
  routes: [{ method: 'POST', path: '/platform/approval-rules', command: 'platform.approval_rule.publish', status: 201, tag: 'platform' }],
};
