import type { Lifecycle } from '../../platform/lifecycle/lifecycle.ts';

/** Quality master data: QA drafts, submits; the QA head approves with an e-signature (CN-SYS-05). */
export const masterRecordLifecycle: Lifecycle = {
  states: {
    draft: { 'zh-CN': '草稿', en: 'Draft' },
    submitted: { 'zh-CN': '待审核', en: 'Submitted' },
    approved: { 'zh-CN': '已批准', en: 'Approved' },
    rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
  },
  initial: 'draft',
  editable: ['draft', 'rejected'],
  transitions: {
    submit: {
      from: ['draft', 'rejected'], to: 'submitted', event: 'submitted',
      label: { 'zh-CN': '提交审核', en: 'Submit for approval' },
      stamp: { by: 'submitted_by', at: 'submitted_at' },
    },
    approve: {
      from: ['submitted'], to: 'approved', event: 'approved',
      label: { 'zh-CN': '批准', en: 'Approve' },
      signature: { meanings: ['approved'] }, approval: true,
    },
    reject: {
      from: ['submitted'], to: 'rejected', event: 'rejected',
      label: { 'zh-CN': '驳回', en: 'Reject' },
      signature: { meanings: ['rejected'] }, reasonRequired: true,
    },
  },
};
