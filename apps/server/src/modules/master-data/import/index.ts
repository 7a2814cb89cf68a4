import type { ModuleDefinition } from '../../../platform/module.ts';
import { exportQueries } from './export.queries.ts';
import { importGudid } from './gudid.command.ts';
import { applyImport, importTemplate } from './import.commands.ts';

/** Issue 4, import and export: XLSX templates and import, XLSX exports of the lists, FDA GUDID import. */
export const importExport: Pick<ModuleDefinition, 'commands' | 'queries' | 'routes'> = {
  commands: [applyImport, importGudid],
  queries: [importTemplate, ...exportQueries],
  routes: [
    { method: 'GET', path: '/master-data/import/templates/:kind.xlsx', query: 'master_data.import.template', tag: 'master-data' },
    { method: 'POST', path: '/master-data/import/gudid', command: 'master_data.import.gudid', status: 201, tag: 'master-data' },
    { method: 'POST', path: '/master-data/import/:kind', command: 'master_data.import.apply', tag: 'master-data' },
    { method: 'GET', path: '/master-data/products/export.xlsx', query: 'master_data.product.export', tag: 'master-data' },
    { method: 'GET', path: '/master-data/parties/export.xlsx', query: 'master_data.party.export', tag: 'master-data' },
    { method: 'GET', path: '/master-data/parties/:partyId/licences/export.xlsx', query: 'master_data.licence.export', tag: 'master-data' },
  ],
};
