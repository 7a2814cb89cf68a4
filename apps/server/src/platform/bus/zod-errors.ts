import type { z } from 'zod';
import type { FieldError } from '../errors.ts';

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys?.join(',') ?? '' : ''),
    message: issue.message,
  }));
}
