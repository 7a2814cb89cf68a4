// Every refusal the system gives is an AppError: an HTTP status, a stable code, a message in
// both languages, and — for compliance blocks — the rule and the requirement ID it enforces.
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

export interface FieldError {
  path: string;
  message: string;
}

export interface ErrorDetails {
  requirement?: string;
  rule?: string;
  facts?: Record<string, unknown>;
  errors?: FieldError[];
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly details: ErrorDetails = {},
  ) {
    super(text.en);
    this.name = 'AppError';
  }
}

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** 2026-11-26 07:57 in China Standard Time, for messages read by people in China. */
function beijingTime(date: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(date);
}

export const errors = {
  badRequest: (errorsList: FieldError[]) =>
    new AppError(400, 'VALIDATION_FAILED', t('请求数据不合法', 'The request data is invalid'), { errors: errorsList }),
  malformedJson: () => new AppError(400, 'MALFORMED_JSON', t('请求体不是有效的 JSON', 'The request body is not valid JSON')),
  reasonRequired: () =>
    new AppError(400, 'REASON_REQUIRED', t('此操作必须填写原因', 'This action requires a reason'), {
      errors: [{ path: 'reason', message: 'required' }],
    }),
  unauthenticated: () => new AppError(401, 'UNAUTHENTICATED', t('请先登录', 'Please sign in')),
  badCredentials: () => new AppError(401, 'BAD_CREDENTIALS', t('用户名或密码错误', 'Wrong user name or password')),
  locked: (until: Date) =>
    new AppError(423, 'AUTH_LOCKED', t(`账户已锁定，至 ${beijingTime(until)}（北京时间）解锁`, `The account is locked until ${until.toISOString().slice(0, 16).replace('T', ' ')} UTC`), {
      requirement: 'US-P11-11',
      facts: { lockedUntil: until.toISOString() },
    }),
  signatureRequired: () =>
    new AppError(400, 'SIGNATURE_REQUIRED', t('此操作需要电子签名（重新输入密码并选择签名含义）', 'This action needs an electronic signature (re-enter your password and choose the meaning)'), {
      requirement: 'US-P11-10',
      errors: [{ path: 'signature', message: 'required' }],
    }),
  signatureInvalid: () =>
    new AppError(401, 'SIGNATURE_INVALID', t('电子签名验证失败：密码错误', 'Electronic signature failed: wrong password'), {
      requirement: 'US-P11-10',
    }),
  signatureMeaning: (allowed: string[]) =>
    new AppError(400, 'SIGNATURE_MEANING', t(`签名含义必须是：${allowed.join('、')}`, `The signature meaning must be one of: ${allowed.join(', ')}`), {
      requirement: 'US-P11-07',
      errors: [{ path: 'signature.meaning', message: allowed.join('|') }],
    }),
  forbidden: (permission: string) =>
    new AppError(403, 'FORBIDDEN', t(`无权执行此操作（需要权限 ${permission}）`, `You are not allowed to do this (permission ${permission} needed)`), {
      requirement: 'CN-SYS-02',
      facts: { permission },
    }),
  notFound: (what: string) => new AppError(404, 'NOT_FOUND', t(`未找到：${what}`, `Not found: ${what}`)),
  unknownRoute: () => new AppError(404, 'NOT_FOUND', t('接口不存在', 'No such endpoint')),
  conflict: (code: string, text: LocalizedText, details: ErrorDetails = {}) => new AppError(409, code, text, details),
  lifecycle: (transition: string, status: string) =>
    new AppError(409, 'LIFECYCLE_CONFLICT', t(`当前状态“${status}”不允许执行“${transition}”`, `“${transition}” is not allowed in status “${status}”`), {
      facts: { transition, status },
    }),
  immutable: (status: string) =>
    new AppError(409, 'RECORD_IMMUTABLE', t(`记录已提交（状态“${status}”），不能再修改`, `The record is submitted (status “${status}”) and can no longer be changed`), {
      requirement: 'US-P11-02',
      facts: { status },
    }),
  duplicate: (field: string) =>
    new AppError(409, 'DUPLICATE', t(`该值已存在：${field}`, `This value already exists: ${field}`), { errors: [{ path: field, message: 'duplicate' }] }),
  selfApproval: () =>
    new AppError(403, 'SELF_APPROVAL', t('不能审批自己创建或提交的记录（职责分离）', 'You cannot approve a record you created or submitted (segregation of duties)'), {
      requirement: 'US-P11-05',
      rule: 'approval.distinct_from_author',
    }),
  alreadyApproved: () =>
    new AppError(409, 'ALREADY_APPROVED', t('您已审批过此记录', 'You have already approved this record')),
  tooLarge: () => new AppError(413, 'PAYLOAD_TOO_LARGE', t('请求体过大', 'The request body is too large')),
  unsupportedMediaType: () =>
    new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', t('请求体必须是 application/json', 'The request body must be application/json')),
  rateLimited: () => new AppError(429, 'RATE_LIMITED', t('请求过于频繁，请稍后再试', 'Too many requests, try again later')),
};

export function localize(text: LocalizedText, lang: string): string {
  return lang === 'en' ? text.en : text['zh-CN'];
}

/**
 * Database constraints that guard business invariants under concurrency, and the refusal each one
 * means to the user (the database is the last word; these make its answer readable).
 */
export const constraintErrors: Record<string, () => AppError> = {
  balance_not_negative: () =>
    new AppError(409, 'INSUFFICIENT_STOCK', t('库存不足：该位置、批号与质量状态下的数量不够', 'Insufficient stock at this location, lot and quality status'), { rule: 'inventory.balance_not_negative' }),
  balance_serial_in_one_place: () =>
    new AppError(409, 'SERIAL_IN_TWO_PLACES', t('同一序列号不能同时存在于两处', 'A serial number cannot be in two places at once'), { rule: 'inventory.serial_in_one_place', requirement: 'CN-SYS-10' }),
  balance_serial_is_one_unit: () =>
    new AppError(409, 'SERIAL_MORE_THAN_ONE', t('一个序列号只代表一个单品', 'A serial number stands for exactly one unit'), { rule: 'inventory.serial_is_one_unit' }),
};
