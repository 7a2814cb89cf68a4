import type { ModuleDefinition } from '../../platform/module.ts';
import type { RecordShape } from '../../platform/document/record-commands.ts';
import { documentRoutes } from '../../http/route-row.ts';
import { masterRecordLifecycle } from './master-record.lifecycle.ts';
import { productCommands, productQueries } from './product/product.commands.ts';
import { partyCommands, partyQueries } from './party/party.commands.ts';
import { productDocument, productShape } from './product/product.model.ts';
import { partyDocument, partyShape } from './party/party.model.ts';
import { createWarehouse, listWarehouses } from './warehouse/warehouse.commands.ts';
import { licenceCommands, listLicences } from './licence/licence.commands.ts';
import { authorisationCommands, listAuthorisations } from './authorisation/authorisation.commands.ts';
import { listPackaging, setPackaging } from './packaging/packaging.commands.ts';
import { importExport } from './import/index.ts';

const transitions = Object.keys(masterRecordLifecycle.transitions);

export const masterDataModule: ModuleDefinition = {
  name: 'master-data',
  commands: [...productCommands, ...partyCommands, createWarehouse, ...licenceCommands, ...authorisationCommands, setPackaging, ...importExport.commands],
  queries: [...productQueries, ...partyQueries, listWarehouses, listLicences, listAuthorisations, listPackaging, ...importExport.queries],
  routes: [
    ...documentRoutes('/master-data/products', 'master_data.product', transitions, 'master-data'),
    { method: 'GET', path: '/master-data/products/:id/packaging', query: 'master_data.product.packaging', tag: 'master-data' },
    { method: 'POST', path: '/master-data/products/:id/packaging', command: 'master_data.product.set_packaging', respondWith: 'master_data.product.get', tag: 'master-data' },
    ...documentRoutes('/master-data/parties', 'master_data.party', transitions, 'master-data'),
    { method: 'GET', path: '/master-data/parties/:partyId/licences', query: 'master_data.licence.list', tag: 'master-data' },
    { method: 'POST', path: '/master-data/parties/:partyId/licences', command: 'master_data.licence.create', status: 201, tag: 'master-data' },
    { method: 'PATCH', path: '/master-data/licences/:id', command: 'master_data.licence.update', tag: 'master-data' },
    { method: 'POST', path: '/master-data/licences/:id/deactivate', command: 'master_data.licence.deactivate', tag: 'master-data' },
    { method: 'GET', path: '/master-data/parties/:partyId/authorisations', query: 'master_data.authorisation.list', tag: 'master-data' },
    { method: 'POST', path: '/master-data/parties/:partyId/authorisations', command: 'master_data.authorisation.create', status: 201, tag: 'master-data' },
    { method: 'POST', path: '/master-data/authorisations/:id/deactivate', command: 'master_data.authorisation.deactivate', tag: 'master-data' },
    { method: 'GET', path: '/master-data/warehouses', query: 'master_data.warehouse.list', tag: 'master-data' },
    { method: 'POST', path: '/master-data/warehouses', command: 'master_data.warehouse.create', status: 201, tag: 'master-data' },
    ...importExport.routes,
  ],
};

export { productDocument, partyDocument, masterRecordLifecycle };
export const masterDataDocuments = [productDocument, partyDocument];
/** Shapes of the records that change control may change, by document name. */
export const masterRecordShapes: Record<string, RecordShape> = { 'master_data.product': productShape, 'master_data.party': partyShape };
