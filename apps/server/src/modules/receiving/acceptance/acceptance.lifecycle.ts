import type { Lifecycle } from '../../../platform/lifecycle/lifecycle.ts';

/**
 * 验收: the QA inspector records a verdict per lot and serial (draft), then signs it. The signature's
 * meaning is `approved` — the inspector approves the record as the quality decision that releases or
 * rejects the goods (21 CFR 11.50); `reviewed` would suggest someone else decides afterwards.
 */
export const acceptanceLifecycle: Lifecycle = {
  states: {
    draft: { 'zh-CN': '草稿', en: 'Draft' },
    accepted: { 'zh-CN': '已验收', en: 'Signed' },
    cancelled: { 'zh-CN': '已作废', en: 'Cancelled' },
  },
  initial: 'draft',
  editable: [],
  transitions: {
    accept: {
      from: ['draft'], to: 'accepted', event: 'accepted', label: { 'zh-CN': '签署验收结论', en: 'Sign the acceptance' },
      signature: { meanings: ['approved'] }, authorSigns: true, stamp: { by: 'accepted_by', at: 'accepted_at' },
    },
    cancel: {
      from: ['draft'], to: 'cancelled', event: 'cancelled', label: { 'zh-CN': '作废', en: 'Cancel' },
      reasonRequired: true, stamp: { by: 'cancelled_by', at: 'cancelled_at' },
    },
  },
};
