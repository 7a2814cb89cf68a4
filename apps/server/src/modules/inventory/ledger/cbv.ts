/**
 * The fixed mapping of Custodia's steps and quality statuses onto CBV 2.0 (EPCIS-04). Pure data;
 * tested against the CBV vocabulary in the EPCIS JSON schema.
 */
export const qualityStatuses = ['quarantine', 'released', 'rejected', 'hold', 'recalled', 'expired', 'returned'] as const;
export type QualityStatus = (typeof qualityStatuses)[number];

/** 待验, 合格, 不合格, 暂控, 召回, 过期, 退货 and their CBV dispositions. */
export const statusDisposition: Record<QualityStatus, string> = {
  quarantine: 'in_progress',
  released: 'sellable_accessible',
  rejected: 'non_sellable_other',
  hold: 'non_sellable_other',
  recalled: 'recalled',
  expired: 'expired',
  returned: 'returned',
};

export const statusLabel: Record<QualityStatus, { 'zh-CN': string; en: string }> = {
  quarantine: { 'zh-CN': '待验', en: 'Quarantine' },
  released: { 'zh-CN': '合格', en: 'Released' },
  rejected: { 'zh-CN': '不合格', en: 'Rejected' },
  hold: { 'zh-CN': '暂控（质量疑问）', en: 'Hold (quality doubt)' },
  recalled: { 'zh-CN': '召回', en: 'Recalled' },
  expired: { 'zh-CN': '过期', en: 'Expired' },
  returned: { 'zh-CN': '退货', en: 'Returned' },
};

/** Custodia steps → CBV bizStep (and a fixed disposition where the step implies one). */
export const stepBizStep = {
  receive: { bizStep: 'receiving' },
  accept: { bizStep: 'accepting' },
  inspect: { bizStep: 'inspecting' },
  store: { bizStep: 'storing' },
  pick: { bizStep: 'picking' },
  ship: { bizStep: 'shipping', disposition: 'in_transit' },
  transport: { bizStep: 'transporting', disposition: 'in_transit' },
  receive_return: { bizStep: 'receiving', disposition: 'returned' },
  hold: { bizStep: 'holding', disposition: 'non_sellable_other' },
  destroy: { bizStep: 'destroying', disposition: 'destroyed' },
  recall: { bizStep: 'holding', disposition: 'recalled' },
  expire: { bizStep: 'holding', disposition: 'expired' },
  count: { bizStep: 'cycle_counting' },
  transfer: { bizStep: 'storing' },
} as const satisfies Record<string, { bizStep: string; disposition?: string }>;
export type Step = keyof typeof stepBizStep;
