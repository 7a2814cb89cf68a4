import { z } from 'zod';

/** Shared field types of quality master data. */
export const isoDate = z.iso.date();
export const fileId = z.string().regex(/^fil_[0-9A-HJKMNP-TV-Z]{26}$/, 'a file id returned by the upload');
export const decimalText = (pattern: RegExp) => z.union([z.number(), z.string().regex(pattern)]).transform(String);
export const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable();

/**
 * create = required fields + optional ones defaulting to null (or their given default);
 * update = any subset of them. Both strict: an unknown field is a 400, never ignored.
 */
export function recordInputs<R extends z.ZodRawShape, O extends Record<string, z.ZodType>>(required: R, optional: O) {
  const optionalWithDefaults = Object.fromEntries(
    Object.entries(optional).map(([key, type]) => [key, type instanceof z.ZodDefault ? type : (type as z.ZodType).default(null as never)]),
  ) as { [K in keyof O]: z.ZodDefault<O[K]> };
  const create = z.strictObject({ ...required, ...optionalWithDefaults });
  // An update names only what changes: defaults must not fill in (and overwrite) the fields it leaves out.
  const withoutDefaults = Object.fromEntries(
    Object.entries(optional).map(([key, type]) => [key, type instanceof z.ZodDefault ? (type.unwrap() as z.ZodType) : type]),
  ) as { [K in keyof O]: O[K] extends z.ZodDefault<infer Inner extends z.ZodType> ? Inner : O[K] };
  const update = z.strictObject({ id: z.string().min(1).max(64), ...z.object({ ...required, ...withoutDefaults }).partial().shape });
  return { create, update };
}
