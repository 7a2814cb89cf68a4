import type { Core } from '../app.ts';
import type { Actor } from '../platform/authz/actor.ts';
import { samplePdf, sampleLabel } from './sample-files.ts';
import { addDays, businessDay } from '../platform/calendar.ts';

const dayFrom = (days: number) => addDays(businessDay(), days);

interface DemoActors {
  qa: Actor;
  inspector: Actor;
  qaHead: Actor;
  password: string;
}

/**
 * Licences, authorisation letters and 首营 files for the demo distributor, dated relative to today so
 * that one licence is always about to expire and one has expired, whenever the demo is loaded.
 */
export async function loadQualificationDemo(core: Core, actors: DemoActors, ids: { parties: Record<string, string>; products: string[] }) {
  const { qa, inspector, qaHead, password } = actors;
  const upload = async (name: string, mime: 'application/pdf' | 'image/png', content: Buffer) =>
    (await core.bus.execute<{ id: string }>('platform.file.upload', { name, mime, contentBase64: content.toString('base64') }, qa)).id;
  const licence = async (partyId: string, fields: Record<string, unknown>) =>
    core.bus.execute('master_data.licence.create', { partyId, fileId: await upload(`${fields.number}.pdf`, 'application/pdf', samplePdf(String(fields.type))), ...fields }, qa, { reason: '首营资料' });

  const [lianying, mindray, zhongshan, hangzhou] = ['lianying', 'mindray', 'zhongshan', 'hangzhou'].map((k) => ids.parties[k]);
  const [syringe, stent, mask, antigen] = ids.products;

  // Supplier 1: a distributor with a class III distribution licence covering 13, 14 and 22.
  await licence(lianying, { type: 'business_licence', number: '91310115MA1H7ABC2X', issuer: '上海市浦东新区市场监督管理局', scope: [], validFrom: '2019-03-01', validTo: null });
  await licence(lianying, { type: 'operating_licence', number: '沪药监械经营许20190123号', issuer: '上海市药品监督管理局', scope: ['13', '14', '22'], validFrom: '2019-06-30', validTo: dayFrom(900) });
  await core.bus.execute('master_data.authorisation.create', {
    partyId: lianying, grantor: '山东威高集团医用高分子制品股份有限公司', productIds: [syringe, stent, mask], territory: ['31', '32', '33'],
    validFrom: dayFrom(-300), validTo: dayFrom(400), salespersonName: '周建国', salespersonIdNumber: '310115198507121234',
    fileId: await upload('授权书-联影.pdf', 'application/pdf', samplePdf('authorisation')), salespersonIdFileId: await upload('身份证-周建国.pdf', 'application/pdf', samplePdf('id card')),
  }, qa, { reason: '首营资料' });
  // Supplier 2: a manufacturer whose production licence runs out in 20 days (the expiry warning).
  await licence(mindray, { type: 'business_licence', number: '91440300708469245E', issuer: '深圳市市场监督管理局', scope: [], validFrom: '2001-01-01', validTo: null });
  await licence(mindray, { type: 'production_licence', number: '粤食药监械生产许20010001号', issuer: '广东省药品监督管理局', scope: ['14', '22'], validFrom: '2021-12-01', validTo: dayFrom(20) });
  await core.bus.execute('master_data.authorisation.create', {
    partyId: mindray, grantor: '深圳迈瑞生物医疗电子股份有限公司', productIds: [antigen], territory: ['*'],
    validFrom: dayFrom(-100), validTo: dayFrom(600), salespersonName: '林晓东', salespersonIdNumber: '440305199001015678',
    fileId: await upload('授权书-迈瑞.pdf', 'application/pdf', samplePdf('authorisation')), salespersonIdFileId: await upload('身份证-林晓东.pdf', 'application/pdf', samplePdf('id card')),
  }, qa, { reason: '首营资料' });
  // Customers: a hospital in good standing, and one whose institution licence expired ten days ago.
  await licence(zhongshan, { type: 'medical_institution_licence', number: 'PDY00001531010417A1001', issuer: '上海市卫生健康委员会', scope: ['13', '14', '22'], validFrom: '2020-12-31', validTo: dayFrom(1500) });
  await licence(hangzhou, { type: 'medical_institution_licence', number: 'PDY00002933010217A1001', issuer: '杭州市卫生健康委员会', scope: ['14'], validFrom: '2016-10-31', validTo: dayFrom(-10) });

  // Delivery-note templates and seals (F-CN-1), registration scans and labels (F-CN-2), through change control
  // where the master record is already approved.
  for (const supplier of [lianying, mindray]) {
    await core.bus.execute('qualification.change_request.create', {
      target: 'master_data.party', targetId: supplier,
      changes: {
        deliveryNoteFileId: await upload('随货同行单样式.pdf', 'application/pdf', samplePdf('delivery note template')),
        sealFileId: await upload('出库专用章.png', 'image/png', await sampleLabel('06901234567892')),
        region: supplier === lianying ? '31' : '44',
      },
    }, qa, { reason: '补充随货同行单样式与印章' });
  }
  for (const customer of [zhongshan, hangzhou]) {
    await core.bus.execute('qualification.change_request.create', {
      target: 'master_data.party', targetId: customer, changes: { customerType: 'medical_institution', region: customer === zhongshan ? '31' : '33' },
    }, qa, { reason: '补充购货者类型' });
  }
  const udi: Record<string, string> = { [syringe]: '06901234567892', [stent]: '06923456789012', [mask]: '06934567890122' };
  for (const product of [syringe, stent, mask]) {
    await core.bus.execute('qualification.change_request.create', {
      target: 'master_data.product', targetId: product,
      changes: {
        registrationFileId: await upload('注册证.pdf', 'application/pdf', samplePdf('registration certificate')),
        labelFileId: await upload('标签样稿.png', 'image/png', await sampleLabel(udi[product])),
        issuingAgency: 'GS1', registrationValidFrom: '2020-01-01',
      },
    }, qa, { reason: '补充注册证扫描件与标签样稿' });
  }
  const signed = (meaning: string, reason: string) => ({ signature: { password, meaning }, reason });
  const changes = await core.bus.query<{ items: { id: string }[] }>('qualification.change_request.list', { status: 'draft' }, qa);
  for (const change of changes.items) {
    await core.bus.execute('qualification.change_request.submit', { id: change.id }, qa);
    await core.bus.execute('qualification.change_request.approve', { id: change.id }, qaHead, signed('approved', '资料齐全，同意变更'));
  }

  // 首营档案: each opened by QA, reviewed by a second QA person, approved by the QA head.
  const files: [string, string][] = [['supplier', lianying], ['supplier', mindray], ['customer', zhongshan], ['customer', hangzhou], ['product', syringe], ['product', stent], ['product', mask]];
  for (const [kind, subjectId] of files) {
    const { id } = await core.bus.execute<{ id: string }>('qualification.file.create', { kind, subjectId }, qa, { reason: '首营' });
    // The expired customer licence cannot pass the completeness check: that file stays a draft.
    if (subjectId === hangzhou) continue;
    await core.bus.execute('qualification.file.submit', { id }, qa);
    await core.bus.execute('qualification.file.review', { id }, inspector, signed('reviewed', '资料与原件核对一致'));
    await core.bus.execute('qualification.file.approve', { id }, qaHead, signed('approved', '同意首营'));
  }
  // The antigen test's product file is opened but its scans are still missing: work for QA.
  await core.bus.execute('qualification.file.create', { kind: 'product', subjectId: antigen }, qa, { reason: '首营' });
}
