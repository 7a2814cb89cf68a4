import type { ModuleDefinition } from '../../platform/module.ts';
import { documentRoutes } from '../../http/route-row.ts';
import { runCheck } from './check/check.queries.ts';
import { qualificationFileCommands, qualificationFileQueries } from './qualification-file/qualification-file.commands.ts';
import { qualificationFileDocument } from './qualification-file/qualification-file.model.ts';
import { qualificationFileLifecycle } from './qualification-file/qualification-file.lifecycle.ts';
import { changeRequestCommands, changeRequestQueries } from './change-request/change-request.commands.ts';
import { changeRequestDocument, changeRequestLifecycle } from './change-request/change-request.model.ts';
import { expiryOverview, sweepExpiry } from './expiry/expiry.commands.ts';
import { listRules, publishRule, seedRules } from './rule/rule.commands.ts';

const fileRoutes = documentRoutes('/qualification/files', 'qualification.file', Object.keys(qualificationFileLifecycle.transitions), 'qualification');
const changeRoutes = documentRoutes('/qualification/change-requests', 'qualification.change_request', Object.keys(changeRequestLifecycle.transitions), 'qualification')
  .filter((row) => row.method !== 'PATCH');

export const qualificationModule: ModuleDefinition = {
  name: 'qualification',
  commands: [...qualificationFileCommands, ...changeRequestCommands, sweepExpiry, seedRules, publishRule],
  queries: [...qualificationFileQueries, ...changeRequestQueries, runCheck, expiryOverview, listRules],
  routes: [
    ...fileRoutes,
    ...changeRoutes,
    { method: 'GET', path: '/qualification/check', query: 'qualification.check.run', tag: 'qualification' },
    { method: 'GET', path: '/qualification/expiry', query: 'qualification.expiry.list', tag: 'qualification' },
    { method: 'GET', path: '/qualification/rules', query: 'qualification.rule.list', tag: 'qualification' },
    { method: 'POST', path: '/qualification/rules', command: 'qualification.rule.publish', status: 201, tag: 'qualification' },
  ],
};

export const qualificationDocuments = [qualificationFileDocument, changeRequestDocument];
export { checkQualification, assertQualified, type QualificationRequest } from './check/check.service.ts';
export type { CheckResult, Finding } from './check/qualification.rules.ts';
export { ruleInForce } from './rule/rule.commands.ts';
