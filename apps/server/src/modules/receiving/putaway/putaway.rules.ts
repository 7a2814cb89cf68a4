import type { MovementLine } from '../../inventory/index.ts';
import type { CreatePutawayInput } from './putaway.model.ts';

export interface PutawayProblem {
  path: string;
  message: string;
  zh: string;
}

/**
 * The movements of a putaway: 合格 stock leaves the receiving bin and enters the storage bin, serial by
 * serial or by lot quantity. Only `released` moves — quarantine stock has nothing to give (CN-SYS-01).
 */
export function computePutawayMovements(input: CreatePutawayInput, fromZones: Map<string, string>): { lines: MovementLine[]; problems: PutawayProblem[] } {
  const lines: MovementLine[] = [];
  const problems: PutawayProblem[] = [];
  input.items.forEach((item, index) => {
    const zone = fromZones.get(item.fromLocationId);
    if (!zone || !['receiving', 'quarantine'].includes(zone)) {
      problems.push({ path: `items.${index}.fromLocationId`, message: 'putaway starts at a receiving or quarantine bin', zh: '入库须从收货区或待验区出发' });
    }
    if (!item.serials.length && !item.quantity) problems.push({ path: `items.${index}.quantity`, message: 'a quantity or serials are required', zh: '须填写数量或序列号' });
    if (item.serials.length && item.quantity && Number(item.quantity) !== item.serials.length) {
      problems.push({ path: `items.${index}.quantity`, message: 'quantity differs from the number of serials', zh: '数量与序列号个数不一致' });
    }
    const base = { productId: item.productId, lot: item.lot, expiry: null, status: 'released' as const, sourceLine: String(index + 1) };
    const pairs: [string, string][] = item.serials.length ? item.serials.map((s) => [s, '1']) : [['', item.quantity ?? '0']];
    for (const [serial, quantity] of pairs) {
      lines.push({ ...base, serial, locationId: item.fromLocationId, quantity: `-${quantity}` });
      lines.push({ ...base, serial, locationId: input.toLocationId, quantity });
    }
  });
  return { lines, problems };
}
