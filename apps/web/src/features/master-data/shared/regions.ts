/** GB/T 2260 province-level codes (first two digits of an administrative division code). */
export const PROVINCE_CODES = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
] as const;
export type ProvinceCode = (typeof PROVINCE_CODES)[number];

export function isProvinceCode(v: string): v is ProvinceCode {
  return (PROVINCE_CODES as readonly string[]).includes(v);
}

/** '*' = 全国 (nationwide) in authorisation territories and rule regions. */
export const NATIONWIDE = '*';
