import type { ModuleDefinition } from '../../platform/module.ts';
import { documentRoutes } from '../../http/route-row.ts';
import { purchaseOrderCommands } from './purchase-order/purchase-order.commands.ts';
import { purchaseOrderQueries } from './purchase-order/purchase-order.queries.ts';
import { purchaseOrderDocument } from './purchase-order/purchase-order.document.ts';
import { purchaseOrderLifecycle } from './purchase-order/purchase-order.lifecycle.ts';
import { listPurchaseRecords } from './purchase-record/purchase-record.queries.ts';

export const purchasingModule: ModuleDefinition = {
  name: 'purchasing',
  commands: [...purchaseOrderCommands],
  queries: [...purchaseOrderQueries, listPurchaseRecords],
  routes: [
    ...documentRoutes('/purchasing/orders', 'purchasing.purchase_order', Object.keys(purchaseOrderLifecycle.transitions), 'purchasing'),
    { method: 'GET', path: '/purchasing/records', query: 'purchasing.purchase_record.list', tag: 'purchasing' },
  ],
};

export const purchasingDocuments = [purchaseOrderDocument];
export { purchaseOrderDocument, purchaseOrderLifecycle };
export { DIRECT_REASONS, type DirectReason, type OrderLine } from './purchase-order/purchase-order.model.ts';
/** The order and its lines as receiving reads them (SQL stays in the purchasing repo). */
export { purchaseOrderRepo } from './purchase-order/purchase-order.repo.ts';
export { quantityText } from './purchase-order/purchase-order.model.ts';
export { purchaseRecordColumns } from './purchase-record/purchase-record.queries.ts';
