import type { Core } from '../app.ts';
import type { Actor } from '../platform/authz/actor.ts';

interface DemoActors {
  purchaser: Actor;
  purchaser2: Actor;
  qaHead: Actor;
  password: string;
}

const dayFrom = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** GSP 56 clauses as a distributor writes them into every purchase contract. */
const clauses = {
  qualityClause:
    '供货方保证所供医疗器械为依法注册或备案的合格产品，随货附加盖供货方出库专用章的随货同行单及产品合格证明文件；' +
    '产品质量符合注册证或备案凭证载明的产品技术要求，运输、储存条件符合说明书和标签要求；因产品质量问题造成的损失由供货方承担。',
  afterSalesClause:
    '供货方负责产品的退换货、技术支持与培训；发生质量投诉、可疑不良事件或产品召回时，供货方须在24小时内响应，' +
    '配合调查、召回与追溯；产品质量保证期按说明书执行。',
};

/**
 * Purchase orders of the demo distributor from 上海联影: one approved by a second purchaser and the QA
 * head (class III), one approved direct shipment to 中山医院 for clinical urgency, and one draft.
 */
export async function loadPurchasingDemo(core: Core, actors: DemoActors, ids: { parties: { lianying: string; zhongshan: string }; products: string[] }) {
  const { purchaser, purchaser2, qaHead, password } = actors;
  const [syringe, stent, mask] = ids.products;
  const supplierId = ids.parties.lianying;
  const approve = async (id: string, reason: string) => {
    await core.bus.execute('purchasing.purchase_order.submit', { id }, purchaser);
    await core.bus.execute('purchasing.purchase_order.approve', { id }, purchaser2, { signature: { password, meaning: 'approved' }, reason });
    await core.bus.execute('purchasing.purchase_order.approve', { id }, qaHead, { signature: { password, meaning: 'approved' }, reason: '三类器械，供货者与产品资质有效' });
  };

  const regular = await core.bus.execute<{ id: string }>('purchasing.purchase_order.create', {
    supplierId, ...clauses, expectedDeliveryDate: dayFrom(7), note: '月度常规补货',
    lines: [
      { productId: syringe, quantity: '2000', unitPrice: '1.85', unit: '支' },
      { productId: stent, quantity: '20', unitPrice: '6800.00', unit: '套' },
    ],
  }, purchaser, { reason: '月度补货' });
  await approve(regular.id, '价格与合同一致，同意采购');

  const direct = await core.bus.execute<{ id: string }>('purchasing.purchase_order.create', {
    supplierId, ...clauses, expectedDeliveryDate: dayFrom(1), note: '心内科急诊手术用',
    direct: true, directReason: 'clinical_urgency', directCustomerId: ids.parties.zhongshan,
    lines: [{ productId: stent, quantity: '2', unitPrice: '6800.00', unit: '套' }],
  }, purchaser, { reason: '临床急需，直调至中山医院' });
  await approve(direct.id, '临床急需，同意直调');

  await core.bus.execute('purchasing.purchase_order.create', {
    supplierId, ...clauses, expectedDeliveryDate: dayFrom(14), note: '防疫物资储备',
    lines: [{ productId: mask, quantity: '5000', unitPrice: '0.45', unit: '只' }],
  }, purchaser, { reason: '防疫物资储备' });
}
