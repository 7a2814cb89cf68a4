/**
 * The only thing the parser throws: a Gs1Error with a stable code, a
 * bilingual message and the index in the input where the problem starts.
 *
 * It is deliberately not an `Error` subclass: `Error#message` must be a
 * string, while the UI needs both languages. Stack capture is skipped too,
 * because parse failures are expected data, not bugs (and it keeps the
 * fuzz throughput high).
 */

export type Gs1ErrorCode =
  | 'GS1_BAD_INPUT'
  | 'GS1_EMPTY_INPUT'
  | 'GS1_INPUT_TOO_LONG'
  | 'GS1_UNKNOWN_SCHEME'
  | 'GS1_UNSUPPORTED_SYMBOLOGY'
  | 'GS1_CONTROL_CHARACTER'
  | 'GS1_UNKNOWN_AI'
  | 'GS1_BAD_BRACKETS'
  | 'GS1_EMPTY_VALUE'
  | 'GS1_UNEXPECTED_SEPARATOR'
  | 'GS1_VALUE_TOO_SHORT'
  | 'GS1_VALUE_TOO_LONG'
  | 'GS1_BAD_CHARACTER'
  | 'GS1_CHECK_DIGIT'
  | 'GS1_BAD_DATE'
  | 'GS1_BAD_TIME'
  | 'GS1_BAD_CODE'
  | 'GS1_BAD_COMPANY_PREFIX'
  | 'GS1_INVALID_VALUE'
  | 'GS1_DUPLICATE_AI'
  | 'GS1_MISSING_ASSOCIATION'
  | 'GS1_INVALID_ASSOCIATION'
  | 'GS1_TOO_MANY_ELEMENTS'
  | 'GS1_DL_BAD_SCHEME'
  | 'GS1_DL_BAD_CHARACTER'
  | 'GS1_DL_BAD_URI'
  | 'GS1_DL_NO_KEY'
  | 'GS1_DL_BAD_QUALIFIER_ORDER'
  | 'GS1_DL_NOT_ATTRIBUTE'
  | 'GS1_DL_QUALIFIER_IN_QUERY'
  | 'GS1_DL_BAD_ENCODING'
  | 'GS1_MA_BAD_DI'
  | 'GS1_MA_UNKNOWN_SEPARATOR'
  | 'GS1_MA_DUPLICATE_FIELD'
  | 'GS1_HIBCC_BAD_FORMAT'
  | 'GS1_HIBCC_CHECK_CHARACTER'
  | 'GS1_ICCBBA_BAD_FORMAT'
  | 'GS1_ICCBBA_UNSUPPORTED'
  | 'GS1_BAD_FIELD'
  | 'GS1_LABEL_FAILED'
  | 'GS1_INTERNAL';

export interface LocalizedMessage {
  readonly zh: string;
  readonly en: string;
}

export interface ErrorParams {
  readonly ai?: string;
  readonly detail?: string;
}

type MessageFn = (p: ErrorParams) => LocalizedMessage;

const ai = (p: ErrorParams) => (p.ai ? `(${p.ai})` : '');
const subject = (p: ErrorParams) => (p.ai ? `AI (${p.ai})` : 'Value');
const zhSubject = (p: ErrorParams) => (p.ai ? `(${p.ai})` : '数据');
const detail = (p: ErrorParams) => (p.detail ? `: ${p.detail}` : '');
const zhDetail = (p: ErrorParams) => (p.detail ? `：${p.detail}` : '');

const MESSAGES: Record<Gs1ErrorCode, MessageFn> = {
  GS1_BAD_INPUT: () => ({ zh: '输入必须是字符串', en: 'Input must be a string' }),
  GS1_EMPTY_INPUT: () => ({ zh: '输入为空', en: 'Input is empty' }),
  GS1_INPUT_TOO_LONG: (p) => ({ zh: `输入过长${zhDetail(p)}`, en: `Input is too long${detail(p)}` }),
  GS1_UNKNOWN_SCHEME: () => ({
    zh: '无法识别的编码体系（支持 GS1、MA、HIBCC、ICCBBA），不做猜测',
    en: 'Unrecognised identification scheme (GS1, MA, HIBCC, ICCBBA are supported); not guessed',
  }),
  GS1_UNSUPPORTED_SYMBOLOGY: (p) => ({ zh: `不支持的码制标识符${zhDetail(p)}`, en: `Unsupported symbology identifier${detail(p)}` }),
  GS1_CONTROL_CHARACTER: () => ({ zh: '数据中含有非法控制字符', en: 'Data contains an illegal control character' }),
  GS1_UNKNOWN_AI: (p) => ({ zh: `未知的应用标识符 ${ai(p)}`.trimEnd(), en: `Unknown application identifier ${ai(p)}`.trimEnd() }),
  GS1_BAD_BRACKETS: () => ({ zh: '括号格式错误，应为 (AI)数据', en: 'Malformed brackets; expected (AI)value' }),
  GS1_EMPTY_VALUE: (p) => ({ zh: `${zhSubject(p)} 的数据为空`, en: `${subject(p)} has no data` }),
  GS1_UNEXPECTED_SEPARATOR: () => ({ zh: '分隔符 (GS) 位置不正确', en: 'Unexpected GS separator' }),
  GS1_VALUE_TOO_SHORT: (p) => ({ zh: `${zhSubject(p)} 的数据过短`, en: `${subject(p)} data is too short` }),
  GS1_VALUE_TOO_LONG: (p) => ({ zh: `${zhSubject(p)} 的数据过长`, en: `${subject(p)} data is too long` }),
  GS1_BAD_CHARACTER: (p) => ({ zh: `${zhSubject(p)} 含有不允许的字符`, en: `${subject(p)} contains a character outside its character set` }),
  GS1_CHECK_DIGIT: (p) => ({
    zh: `${zhSubject(p)} 校验码错误${p.detail ? `，应为 ${p.detail}` : ''}`,
    en: `${subject(p)} has a wrong check digit${p.detail ? `; expected ${p.detail}` : ''}`,
  }),
  GS1_BAD_DATE: (p) => ({ zh: `${zhSubject(p)} 日期无效${zhDetail(p)}`, en: `${subject(p)} is not a valid date${detail(p)}` }),
  GS1_BAD_TIME: (p) => ({ zh: `${zhSubject(p)} 时间无效`, en: `${subject(p)} is not a valid time` }),
  GS1_BAD_CODE: (p) => ({ zh: `${zhSubject(p)} 不是有效的代码值`, en: `${subject(p)} is not a valid code value` }),
  GS1_BAD_COMPANY_PREFIX: (p) => ({ zh: `${zhSubject(p)} 厂商识别代码无效`, en: `${subject(p)} does not start with a GS1 Company Prefix` }),
  GS1_INVALID_VALUE: (p) => ({ zh: `${zhSubject(p)} 数据无效${zhDetail(p)}`, en: `${subject(p)} value is invalid${detail(p)}` }),
  GS1_DUPLICATE_AI: (p) => ({ zh: `${zhSubject(p)} 重复出现且数据不一致`, en: `${subject(p)} occurs more than once with different values` }),
  GS1_MISSING_ASSOCIATION: (p) => ({
    zh: `${zhSubject(p)} 缺少必需的关联应用标识符${zhDetail(p)}`,
    en: `${subject(p)} requires another AI${detail(p)}`,
  }),
  GS1_INVALID_ASSOCIATION: (p) => ({
    zh: `${zhSubject(p)} 不能与 ${p.detail ?? ''} 同时出现`,
    en: `${subject(p)} must not appear together with ${p.detail ?? ''}`,
  }),
  GS1_TOO_MANY_ELEMENTS: () => ({ zh: '数据单元过多', en: 'Too many element strings' }),
  GS1_DL_BAD_SCHEME: () => ({
    zh: '数字链接必须以小写或全大写的 http:// 或 https:// 开头',
    en: 'Digital Link must start with http:// or https:// (lowercase or all uppercase)',
  }),
  GS1_DL_BAD_CHARACTER: () => ({ zh: '数字链接含有 URI 不允许的字符', en: 'Digital Link contains a character not allowed in a URI' }),
  GS1_DL_BAD_URI: (p) => ({ zh: `数字链接结构错误${zhDetail(p)}`, en: `Malformed Digital Link URI${detail(p)}` }),
  GS1_DL_NO_KEY: () => ({ zh: '数字链接路径中没有 GS1 主键', en: 'No GS1 primary key found in the Digital Link path' }),
  GS1_DL_BAD_QUALIFIER_ORDER: (p) => ({
    zh: `数字链接路径中的限定符顺序无效${zhDetail(p)}`,
    en: `Invalid key qualifier sequence in the Digital Link path${detail(p)}`,
  }),
  GS1_DL_NOT_ATTRIBUTE: (p) => ({ zh: `${zhSubject(p)} 不允许作为数字链接查询参数`, en: `${subject(p)} is not a valid Digital Link data attribute` }),
  GS1_DL_QUALIFIER_IN_QUERY: (p) => ({
    zh: `${zhSubject(p)} 是限定符，应放在数字链接路径中`,
    en: `${subject(p)} is a key qualifier and belongs in the Digital Link path`,
  }),
  GS1_DL_BAD_ENCODING: (p) => ({ zh: `${zhSubject(p)} 的百分号编码无效`, en: `${subject(p)} has invalid percent-encoding` }),
  GS1_MA_BAD_DI: () => ({ zh: 'MA 码产品标识 (DI) 格式错误', en: 'Malformed MA code device identifier (DI)' }),
  GS1_MA_UNKNOWN_SEPARATOR: (p) => ({ zh: `MA 码含有未知的分隔符${zhDetail(p)}`, en: `Unknown MA code separator${detail(p)}` }),
  GS1_MA_DUPLICATE_FIELD: (p) => ({ zh: `MA 码字段重复${zhDetail(p)}`, en: `MA code field repeated${detail(p)}` }),
  GS1_HIBCC_BAD_FORMAT: (p) => ({ zh: `HIBCC 条码格式错误${zhDetail(p)}`, en: `Malformed HIBCC data${detail(p)}` }),
  GS1_HIBCC_CHECK_CHARACTER: (p) => ({ zh: `HIBCC 校验字符错误${zhDetail(p)}`, en: `Wrong HIBCC check character${detail(p)}` }),
  GS1_ICCBBA_BAD_FORMAT: (p) => ({ zh: `ICCBBA (ISBT 128) 数据格式错误${zhDetail(p)}`, en: `Malformed ICCBBA (ISBT 128) data${detail(p)}` }),
  GS1_ICCBBA_UNSUPPORTED: (p) => ({
    zh: `不支持的 ICCBBA 数据标识符${zhDetail(p)}`,
    en: `Unsupported ICCBBA data identifier${detail(p)}`,
  }),
  GS1_BAD_FIELD: (p) => ({ zh: `字段无效${zhDetail(p)}`, en: `Invalid field${detail(p)}` }),
  GS1_LABEL_FAILED: (p) => ({ zh: `标签生成失败${zhDetail(p)}`, en: `Label rendering failed${detail(p)}` }),
  GS1_INTERNAL: (p) => ({ zh: `内部错误${zhDetail(p)}`, en: `Internal error${detail(p)}` }),
};

export type Scheme = 'GS1' | 'MA' | 'HIBCC' | 'ICCBBA';

export class Gs1Error {
  readonly name = 'Gs1Error';
  readonly code: Gs1ErrorCode;
  /** 0-based index in the input where the problem starts. */
  readonly position: number;
  readonly ai: string | undefined;
  /** Set when the input was recognised as a non-GS1 scheme. */
  readonly scheme: Scheme | undefined;
  readonly #params: ErrorParams;
  #message: LocalizedMessage | undefined;

  constructor(code: Gs1ErrorCode, position: number, params: ErrorParams = {}, scheme?: Scheme) {
    this.code = code;
    this.position = position;
    this.ai = params.ai;
    this.scheme = scheme;
    this.#params = params;
  }

  /** Both languages; built on first use because most parse failures are never displayed. */
  get message(): LocalizedMessage {
    this.#message ??= MESSAGES[this.code](this.#params);
    return this.#message;
  }

  toString(): string {
    return `${this.code} at ${this.position}: ${this.message.en}`;
  }

  toJSON(): { code: Gs1ErrorCode; message: LocalizedMessage; position: number } {
    return { code: this.code, message: this.message, position: this.position };
  }

  /** Same error at another position (e.g. mapped back through input normalisation). */
  at(position: number): Gs1Error {
    return new Gs1Error(this.code, position, this.#params, this.scheme);
  }
}

export function isGs1Error(value: unknown): value is Gs1Error {
  return value instanceof Gs1Error;
}
