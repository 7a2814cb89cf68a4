import type { Core } from '../app.ts';
import type { Actor } from '../platform/authz/actor.ts';
import { addDays, businessDay } from '../platform/calendar.ts';

const day = (days: number) => addDays(businessDay(), days);

type Zone = 'receiving' | 'quarantine' | 'storage' | 'rejected' | 'returns' | 'shipping' | 'hold';
const BLOCKED = ['hold', 'expired', 'recalled'];

/** Bins of the two demo warehouses, each with its zone, the statuses it may hold and the conditions it keeps. */
const bins: { warehouse: string; code: string; name: string; zone: Zone; statuses: string[]; tempMin?: number; tempMax?: number; humidityMin?: number; humidityMax?: number }[] = [
  { warehouse: 'SH-01', code: 'SH-01-RCV', name: '收货区', zone: 'receiving', statuses: ['quarantine'], tempMin: 10, tempMax: 25 },
  { warehouse: 'SH-01', code: 'SH-01-QRT', name: '待验区（黄）', zone: 'quarantine', statuses: ['quarantine'], tempMin: 10, tempMax: 25 },
  { warehouse: 'SH-01', code: 'SH-01-A-01-01', name: '合格品区 A 排 01 层 01 位（绿）', zone: 'storage', statuses: ['released', ...BLOCKED], tempMin: 10, tempMax: 30, humidityMin: 35, humidityMax: 75 },
  { warehouse: 'SH-01', code: 'SH-01-A-02-01', name: '合格品区 A 排 02 层 01 位（阴凉，绿）', zone: 'storage', statuses: ['released', ...BLOCKED], tempMin: 10, tempMax: 20, humidityMin: 35, humidityMax: 75 },
  { warehouse: 'SH-01', code: 'SH-01-REJ', name: '不合格品区（红）', zone: 'rejected', statuses: ['rejected', 'expired', 'recalled'], tempMin: 10, tempMax: 25 },
  { warehouse: 'SH-01', code: 'SH-01-RET', name: '退货区（黄）', zone: 'returns', statuses: ['returned'], tempMin: 10, tempMax: 25 },
  { warehouse: 'SH-01', code: 'SH-01-SHP', name: '发货区（绿）', zone: 'shipping', statuses: ['released'], tempMin: 10, tempMax: 25 },
  { warehouse: 'SH-CC', code: 'SH-CC-QRT', name: '冷库待验区 2–8℃', zone: 'quarantine', statuses: ['quarantine'], tempMin: 2, tempMax: 8 },
  { warehouse: 'SH-CC', code: 'SH-CC-A-01', name: '冷库合格品区 2–8℃', zone: 'storage', statuses: ['released', ...BLOCKED], tempMin: 2, tempMax: 8 },
  { warehouse: 'SH-CC', code: 'SH-CC-REJ', name: '冷库不合格品区 2–8℃', zone: 'rejected', statuses: ['rejected', 'expired', 'recalled'], tempMin: 2, tempMax: 8 },
];

/**
 * Storage locations and opening stock: counted stock posted as signed stock-take adjustments, one lot of
 * masks already past its expiry date (the sweep locks it), stents by serial.
 */
export async function loadInventoryDemo(core: Core, actors: { system: Actor; qaHead: Actor; password: string }, products: { syringe: string; stent: string; mask: string }) {
  const warehouses = await core.bus.query<{ items: { id: string; code: string }[] }>('master_data.warehouse.list', {}, actors.system);
  const warehouseId = new Map(warehouses.items.map((w) => [w.code, w.id]));
  const locationId = new Map<string, string>();
  for (const bin of bins) {
    const { id } = await core.bus.execute<{ id: string }>('inventory.location.create', {
      warehouseId: warehouseId.get(bin.warehouse), code: bin.code, name: bin.name, zone: bin.zone, statuses: bin.statuses,
      tempMin: bin.tempMin ?? null, tempMax: bin.tempMax ?? null, humidityMin: bin.humidityMin ?? null, humidityMax: bin.humidityMax ?? null,
    }, actors.system);
    locationId.set(bin.code, id);
  }
  const at = (code: string) => locationId.get(code)!;
  const lines = [
    { productId: products.syringe, lot: '2405001', expiry: day(600), locationId: at('SH-01-A-01-01'), status: 'released', quantity: '500' },
    { productId: products.syringe, lot: '2406002', expiry: day(45), locationId: at('SH-01-A-01-01'), status: 'released', quantity: '120' },
    { productId: products.mask, lot: 'M230901', expiry: day(-3), locationId: at('SH-01-A-01-01'), status: 'released', quantity: '2000' },
    ...['ST0001', 'ST0002', 'ST0003', 'ST0004', 'ST0005'].map((serial) => ({
      productId: products.stent, lot: 'L24A07', serial, expiry: day(400), locationId: at('SH-01-A-02-01'), status: 'released', quantity: '1',
    })),
  ];
  await core.bus.execute('inventory.stock.adjust', { cause: '系统上线期初盘点', lines }, actors.qaHead, {
    reason: '期初库存录入', signature: { password: actors.password, meaning: 'approved' },
  });
  await core.bus.execute('inventory.expiry.sweep', {}, actors.system);
}
