import type { Core } from '../app.ts';
import { systemActor, type Actor } from '../platform/authz/actor.ts';
import { actorFromUser, userRepo } from '../modules/identity/index.ts';
import { loadQualificationDemo } from './qualification-demo.ts';
import { loadPurchasingDemo } from './purchasing-demo.ts';
import { loadInventoryDemo } from './inventory-demo.ts';
import { addDays, businessDay } from '../platform/calendar.ts';

export const DEMO_PASSWORD = 'Custodia#2026';

/** Demo dates relative to the day the demo is loaded, so its warnings stay true. */
function daysFromToday(days: number): string {
  return addDays(businessDay(), days);
}

/** One user per role; every demo password is DEMO_PASSWORD (listed in the README). */
export const demoUsers = [
  { username: 'qahead', displayName: '王质量', roles: ['qa_head'] },
  { username: 'qa', displayName: '李质管', roles: ['qa_inspector'] },
  { username: 'inspector', displayName: '张验收', roles: ['qa_inspector'] },
  { username: 'purchaser', displayName: '陈采购', roles: ['purchaser'] },
  { username: 'purchaser2', displayName: '何主管', roles: ['purchaser'] },
  { username: 'keeper', displayName: '刘保管', roles: ['warehouse_keeper'] },
  { username: 'reviewer', displayName: '赵复核', roles: ['outbound_reviewer'] },
  { username: 'sales', displayName: '孙销售', roles: ['sales'] },
  { username: 'recall', displayName: '周召回', roles: ['recall_coordinator'] },
  { username: 'auditor', displayName: '吴审计', roles: ['auditor'] },
];

const suppliers = [
  { name: '上海联影医疗器械销售有限公司', kinds: ['supplier'], creditCode: '91310115MA1H7ABC2X', licenceNo: '沪药监械经营许20190123号', licenceValidTo: '2029-06-30', address: '上海市浦东新区张江路1000号', contact: '周经理', phone: '021-50001234' },
  { name: '深圳迈瑞生物医疗电子股份有限公司', kinds: ['supplier', 'manufacturer'], creditCode: '91440300708469245E', licenceNo: '粤食药监械生产许20010001号', licenceValidTo: '2027-12-31', address: '深圳市南山区高新技术产业园区科技南十二路', contact: '林主管', phone: '0755-81888998' },
];
const customers = [
  { name: '复旦大学附属中山医院', kinds: ['customer'], creditCode: '12310000425006117N', licenceNo: 'PDY00001531010417A1001', licenceValidTo: '2030-12-31', address: '上海市徐汇区枫林路180号', contact: '设备科 钱老师', phone: '021-64041990' },
  { name: '杭州市第一人民医院', kinds: ['customer'], creditCode: '12330100470113557K', licenceNo: 'PDY00002933010217A1001', licenceValidTo: '2026-12-31', address: '杭州市上城区浣纱路261号', contact: '器械科 郑老师', phone: '0571-56006000' },
];
const products = [
  { name: '一次性使用无菌注射器', model: '5ml 带针', registrant: '山东威高集团医用高分子制品股份有限公司', registrationNo: '国械注准20153150315', registrationValidTo: '2030-03-01', deviceClass: 'III', categoryCode: '14-01-01', udiDi: '06901234567892', tracking: 'lot', storageTempMin: 5, storageTempMax: 30, shelfLifeDays: 1095, implantable: false },
  { name: '冠状动脉药物洗脱支架系统', model: '3.0×18mm', registrant: '乐普(北京)医疗器械股份有限公司', registrationNo: '国械注准20173130001', registrationValidTo: '2027-08-15', deviceClass: 'III', categoryCode: '13-06-02', udiDi: '06923456789012', tracking: 'lot_serial', storageTempMin: 2, storageTempMax: 25, shelfLifeDays: 730, implantable: true },
  { name: '医用外科口罩', model: '17.5×9.5cm 耳挂式', registrant: '稳健医疗用品股份有限公司', registrationNo: '粤械注准20192140123', registrationValidTo: '2029-01-10', deviceClass: 'II', categoryCode: '14-14-02', udiDi: '06934567890122', tracking: 'lot', storageTempMin: null, storageTempMax: 40, shelfLifeDays: 730, implantable: false },
  { name: '体外诊断试剂 新型冠状病毒抗原检测试剂盒', model: '25人份/盒', registrant: '万孚生物技术股份有限公司', registrationNo: '国械注准20203400239', registrationValidTo: daysFromToday(25), deviceClass: 'III', categoryCode: '22-04', udiDi: '06945678901232', tracking: 'lot', storageTempMin: 2, storageTempMax: 8, shelfLifeDays: 540, implantable: false },
];

async function actorFor(core: Core, orgId: string, username: string): Promise<Actor> {
  const [user] = await userRepo(core.db).byUsername(username);
  if (!user || user.org_id !== orgId) throw new Error(`demo user ${username} missing`);
  return actorFromUser(user, 'user');
}

/**
 * A small distributor in Chinese: users per role, two warehouses, suppliers, customers, products
 * with UDI-DI — each created, submitted and approved through the bus like a person would.
 */
export async function loadDemoData(core: Core, orgId: string): Promise<void> {
  const system = systemActor(orgId);
  for (const user of demoUsers) {
    await core.bus.execute('identity.user.create', { ...user, password: DEMO_PASSWORD, locale: 'zh-CN' }, system);
  }
  await core.bus.execute('master_data.warehouse.create', { code: 'SH-01', name: '上海浦东常温库', address: '上海市浦东新区康桥路88号', coldChain: false }, system);
  await core.bus.execute('master_data.warehouse.create', { code: 'SH-CC', name: '上海冷链库（2–8℃）', address: '上海市浦东新区康桥路90号', coldChain: true }, system);

  const qa = await actorFor(core, orgId, 'qa');
  const qaHead = await actorFor(core, orgId, 'qahead');
  const approve = { signature: { password: DEMO_PASSWORD, meaning: 'approved' }, reason: '首营资料审核通过' };
  const records: [string, Record<string, unknown>][] = [
    ...suppliers.map((p): [string, Record<string, unknown>] => ['master_data.party', p]),
    ...customers.map((p): [string, Record<string, unknown>] => ['master_data.party', p]),
    ...products.map((p): [string, Record<string, unknown>] => ['master_data.product', p]),
  ];
  const created: string[] = [];
  for (const [index, [document, fields]] of records.entries()) {
    const { id } = await core.bus.execute<{ id: string }>(`${document}.create`, fields, qa, { reason: '首营资料录入' });
    created.push(id);
    // Leave the last product submitted but not yet approved, so the approval flow has work to show.
    if (index === records.length - 1) {
      await core.bus.execute(`${document}.submit`, { id }, qa);
      continue;
    }
    await core.bus.execute(`${document}.submit`, { id }, qa);
    await core.bus.execute(`${document}.approve`, { id }, qaHead, approve);
  }
  const [lianying, mindray, zhongshan, hangzhou, ...productIds] = created;
  const inspector = await actorFor(core, orgId, 'inspector');
  await loadQualificationDemo(core, { qa, inspector, qaHead, password: DEMO_PASSWORD }, { parties: { lianying, mindray, zhongshan, hangzhou }, products: productIds });
  await core.bus.execute('qualification.expiry.sweep', {}, system);
  const [syringe, stent, mask] = productIds;
  await loadInventoryDemo(core, { system, qaHead, password: DEMO_PASSWORD }, { syringe, stent, mask });
  const purchasers = { purchaser: await actorFor(core, orgId, 'purchaser'), purchaser2: await actorFor(core, orgId, 'purchaser2') };
  await loadPurchasingDemo(core, { ...purchasers, qaHead, password: DEMO_PASSWORD }, { parties: { lianying, zhongshan }, products: productIds });
}
