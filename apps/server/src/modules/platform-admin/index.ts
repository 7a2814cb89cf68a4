import type { ModuleDefinition } from '../../platform/module.ts';
import { bootstrapOrg, publishApprovalRule } from './bootstrap.commands.ts';
import { getFile, uploadFile } from './file.commands.ts';

export const platformAdminModule: ModuleDefinition = {
  name: 'platform-admin',
  commands: [bootstrapOrg, publishApprovalRule, uploadFile],
  queries: [getFile],
  routes: [
    { method: 'POST', path: '/platform/approval-rules', command: 'platform.approval_rule.publish', status: 201, tag: 'platform' },
    { method: 'POST', path: '/files', command: 'platform.file.upload', status: 201, tag: 'platform' },
    { method: 'GET', path: '/files/:id', query: 'platform.file.get', tag: 'platform' },
  ],
};
