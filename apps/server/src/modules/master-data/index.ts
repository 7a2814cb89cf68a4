import type { ModuleDefinition } from '../../platform/module.ts';
import { documentRoutes } from '../../http/route-row.ts';
import { masterRecordLifecycle } from './master-record.lifecycle.ts';
import { productCommands, productQueries } from './product/product.commands.ts';
import { partyCommands, partyQueries } from './party/party.commands.ts';
import { createWarehouse, listWarehouses } from './warehouse/warehouse.commands.ts';

const transitions = Object.keys(masterRecordLifecycle.transitions);

export const masterDataModule: ModuleDefinition = {
  name: 'master-data',
  commands: [...productCommands, ...partyCommands, createWarehouse],
  queries: [...productQueries, ...partyQueries, listWarehouses],
  routes: [
    ...documentRoutes('/master-data/products', 'master_data.product', transitions, 'master-data'),
    ...documentRoutes('/master-data/parties', 'master_data.party', transitions, 'master-data'),
    { method: 'GET', path: '/master-data/warehouses', query: 'master_data.warehouse.list', tag: 'master-data' },
    { method: 'POST', path: '/master-data/warehouses', command: 'master_data.warehouse.create', status: 201, tag: 'master-data' },
  ],
};

import { productDocument } from './product/product.model.ts';
import { partyDocument } from './party/party.model.ts';

export { productDocument, partyDocument };
export const masterDataDocuments = [productDocument, partyDocument];
export { masterRecordLifecycle } from './master-record.lifecycle.ts';
