import type { Lifecycle } from '../../../platform/lifecycle/lifecycle.ts';

/**
 * 收货: the keeper records what arrived (draft, with flags), then posts it in one command — the goods
 * enter the ledger as 待验 at the receiving bin. A draft with blocking flags is cancelled and written anew.
 */
export const goodsReceiptLifecycle: Lifecycle = {
  states: {
    draft: { 'zh-CN': '草稿', en: 'Draft' },
    received: { 'zh-CN': '已收货（待验）', en: 'Received (quarantine)' },
    cancelled: { 'zh-CN': '已作废', en: 'Cancelled' },
  },
  initial: 'draft',
  editable: [],
  transitions: {
    receive: {
      from: ['draft'], to: 'received', event: 'received', label: { 'zh-CN': '确认收货', en: 'Post the receipt' },
      stamp: { by: 'received_by', at: 'received_at' },
    },
    cancel: {
      from: ['draft'], to: 'cancelled', event: 'cancelled', label: { 'zh-CN': '作废', en: 'Cancel' },
      reasonRequired: true, stamp: { by: 'cancelled_by', at: 'cancelled_at' },
    },
  },
};
