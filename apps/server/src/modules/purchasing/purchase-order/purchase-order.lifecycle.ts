import type { Lifecycle } from '../../../platform/lifecycle/lifecycle.ts';

/**
 * 采购订单: the purchaser drafts and submits; approvers sign under the approval rules in force (a
 * second purchaser always, the QA head for class III, high-value or direct orders); receiving
 * closes it later. Any open order may be cancelled, with a reason.
 */
export const purchaseOrderLifecycle: Lifecycle = {
  states: {
    draft: { 'zh-CN': '草稿', en: 'Draft' },
    submitted: { 'zh-CN': '待审批', en: 'Submitted' },
    rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
    approved: { 'zh-CN': '已批准', en: 'Approved' },
    closed: { 'zh-CN': '已关闭', en: 'Closed' },
    cancelled: { 'zh-CN': '已作废', en: 'Cancelled' },
  },
  initial: 'draft',
  editable: ['draft', 'rejected'],
  transitions: {
    submit: {
      from: ['draft', 'rejected'], to: 'submitted', event: 'submitted', label: { 'zh-CN': '提交审批', en: 'Submit for approval' },
      stamp: { by: 'submitted_by', at: 'submitted_at' },
    },
    approve: {
      from: ['submitted'], to: 'approved', event: 'approved', label: { 'zh-CN': '批准', en: 'Approve' },
      signature: { meanings: ['approved'] }, approval: true, stamp: { by: 'approved_by', at: 'approved_at' },
    },
    reject: {
      from: ['submitted'], to: 'rejected', event: 'rejected', label: { 'zh-CN': '驳回', en: 'Reject' },
      signature: { meanings: ['rejected'] }, reasonRequired: true,
    },
    close: {
      from: ['approved'], to: 'closed', event: 'closed', label: { 'zh-CN': '关闭', en: 'Close' },
      stamp: { by: 'closed_by', at: 'closed_at' },
    },
    cancel: {
      from: ['draft', 'submitted', 'rejected', 'approved'], to: 'cancelled', event: 'cancelled', label: { 'zh-CN': '作废', en: 'Cancel' },
      reasonRequired: true, stamp: { by: 'cancelled_by', at: 'cancelled_at' },
    },
  },
};
