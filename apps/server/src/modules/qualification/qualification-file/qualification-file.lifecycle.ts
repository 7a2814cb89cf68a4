import type { Lifecycle } from '../../../platform/lifecycle/lifecycle.ts';

/** 首营审批: QA drafts and submits, a QA colleague reviews (signed), the QA head approves (signed). */
export const qualificationFileLifecycle: Lifecycle = {
  states: {
    draft: { 'zh-CN': '草稿', en: 'Draft' },
    submitted: { 'zh-CN': '待质量审核', en: 'Submitted' },
    reviewed: { 'zh-CN': '待质量负责人批准', en: 'Reviewed' },
    approved: { 'zh-CN': '已批准', en: 'Approved' },
    rejected: { 'zh-CN': '已驳回', en: 'Rejected' },
    locked: { 'zh-CN': '已锁定（证照过期）', en: 'Locked (expired document)' },
  },
  initial: 'draft',
  editable: ['draft', 'rejected'],
  transitions: {
    submit: { from: ['draft', 'rejected'], to: 'submitted', event: 'submitted', label: { 'zh-CN': '提交审核', en: 'Submit' }, stamp: { by: 'submitted_by', at: 'submitted_at' } },
    review: {
      from: ['submitted'], to: 'reviewed', event: 'reviewed', label: { 'zh-CN': '质量审核', en: 'QA review' },
      signature: { meanings: ['reviewed'] }, stamp: { by: 'reviewed_by', at: 'reviewed_at' },
    },
    approve: {
      from: ['reviewed'], to: 'approved', event: 'approved', label: { 'zh-CN': '批准', en: 'Approve' },
      signature: { meanings: ['approved'] }, approval: true,
    },
    reject: {
      from: ['submitted', 'reviewed'], to: 'rejected', event: 'rejected', label: { 'zh-CN': '驳回', en: 'Reject' },
      signature: { meanings: ['rejected'] }, reasonRequired: true,
    },
    lock: { from: ['approved'], to: 'locked', event: 'locked', label: { 'zh-CN': '锁定', en: 'Lock' }, reasonRequired: true },
    reinstate: {
      from: ['locked'], to: 'approved', event: 'reinstated', label: { 'zh-CN': '恢复（资质已更新）', en: 'Reinstate (documents renewed)' },
      signature: { meanings: ['approved'] }, reasonRequired: true,
    },
  },
};
