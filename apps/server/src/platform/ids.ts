import { monotonicFactory } from 'ulid';

const nextUlid = monotonicFactory();

/** Prefixed, time-ordered ids: `prd_01J…`. The prefix tells a reader what the id points at. */
export function newId(prefix: string): string {
  return `${prefix}_${nextUlid()}`;
}
