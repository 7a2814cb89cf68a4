import type { ModuleDefinition } from '../../platform/module.ts';
import { createLocation, listLocations } from './location/location.commands.ts';
import { stockCommands } from './stock/stock.commands.ts';
import { listBalances, stockCard, sweepStockExpiry } from './stock/stock.queries.ts';

export const inventoryModule: ModuleDefinition = {
  name: 'inventory',
  commands: [createLocation, ...stockCommands, sweepStockExpiry],
  queries: [listLocations, listBalances, stockCard],
  routes: [
    { method: 'GET', path: '/inventory/locations', query: 'inventory.location.list', tag: 'inventory' },
    { method: 'POST', path: '/inventory/locations', command: 'inventory.location.create', status: 201, tag: 'inventory' },
    { method: 'GET', path: '/inventory/balances', query: 'inventory.balance.list', tag: 'inventory' },
    { method: 'GET', path: '/inventory/stock-card', query: 'inventory.stock_card.get', tag: 'inventory' },
    { method: 'POST', path: '/inventory/holds', command: 'inventory.stock.hold', tag: 'inventory' },
    { method: 'POST', path: '/inventory/holds/release', command: 'inventory.stock.release_hold', tag: 'inventory' },
    { method: 'POST', path: '/inventory/transfers', command: 'inventory.stock.transfer', tag: 'inventory' },
    { method: 'POST', path: '/inventory/adjustments', command: 'inventory.stock.adjust', tag: 'inventory' },
  ],
};

export { postStock, type Posting } from './ledger/ledger.ts';
export type { MovementLine } from './ledger/ledger.rules.ts';
export { verifyInventory } from './ledger/verify.ts';
export { qualityStatuses, statusDisposition, stepBizStep, type QualityStatus } from './ledger/cbv.ts';
