import type { ModuleDefinition } from '../../platform/module.ts';
import { documentRoutes } from '../../http/route-row.ts';
import { goodsReceiptCommands } from './goods-receipt/goods-receipt.commands.ts';
import { goodsReceiptQueries } from './goods-receipt/goods-receipt.queries.ts';
import { goodsReceiptDocument } from './goods-receipt/goods-receipt.document.ts';
import { goodsReceiptLifecycle } from './goods-receipt/goods-receipt.lifecycle.ts';
import { acceptanceCommands } from './acceptance/acceptance.commands.ts';
import { acceptanceQueries } from './acceptance/acceptance.queries.ts';
import { acceptanceDocument } from './acceptance/acceptance.document.ts';
import { acceptanceLifecycle } from './acceptance/acceptance.lifecycle.ts';
import { printAcceptance } from './acceptance/acceptance.print.ts';
import { createPutaway, getPutaway, listPutaways } from './putaway/putaway.commands.ts';
import { traceAggregation } from './aggregation/aggregation.queries.ts';

// Receipts and acceptance records are never edited: a wrong draft is cancelled and written anew.
const noPatch = (rows: ReturnType<typeof documentRoutes>) => rows.filter((row) => row.method !== 'PATCH');

export const receivingModule: ModuleDefinition = {
  name: 'receiving',
  commands: [...goodsReceiptCommands, ...acceptanceCommands, createPutaway],
  queries: [...goodsReceiptQueries, ...acceptanceQueries, printAcceptance, getPutaway, listPutaways, traceAggregation],
  routes: [
    ...noPatch(documentRoutes('/receiving/receipts', 'receiving.goods_receipt', Object.keys(goodsReceiptLifecycle.transitions), 'receiving')),
    ...noPatch(documentRoutes('/receiving/acceptances', 'receiving.acceptance', Object.keys(acceptanceLifecycle.transitions), 'receiving')),
    { method: 'GET', path: '/receiving/acceptances/:id/record.pdf', query: 'receiving.acceptance.pdf', tag: 'receiving' },
    { method: 'GET', path: '/receiving/putaways', query: 'receiving.putaway.list', tag: 'receiving' },
    { method: 'POST', path: '/receiving/putaways', command: 'receiving.putaway.create', status: 201, respondWith: 'receiving.putaway.get', tag: 'receiving' },
    { method: 'GET', path: '/receiving/putaways/:id', query: 'receiving.putaway.get', tag: 'receiving' },
    { method: 'GET', path: '/receiving/aggregation', query: 'receiving.aggregation.trace', tag: 'receiving' },
  ],
};

/** No approval transitions here (the acceptance is signed by its inspector, not approved by rules), so none go to the inbox. */
export const receivingDocuments = [goodsReceiptDocument, acceptanceDocument];
