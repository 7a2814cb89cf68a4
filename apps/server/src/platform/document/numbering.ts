import type { Queryable } from '../db/db.ts';
import type { CommandContext } from '../bus/definitions.ts';

function numberSeriesRepo(db: Queryable) {
  return {
    async next(orgId: string, key: string): Promise<number> {
      const row = (
        await db.query<{ last_value: number }>(
          `INSERT INTO platform.number_series (org_id, id, last_value) VALUES ($1, $2, 1)
           ON CONFLICT (org_id, id) DO UPDATE SET last_value = number_series.last_value + 1 RETURNING last_value`,
          [orgId, key],
        )
      ).rows[0];
      return Number(row.last_value);
    },
  };
}

/** Human document numbers per series and year: `PRD-2026-000123`, gap-free within a year. */
export async function nextNumber(ctx: CommandContext, series: string): Promise<string> {
  const year = ctx.today.slice(0, 4);
  const value = await ctx.repo(numberSeriesRepo).next(ctx.orgId, `${series}-${year}`);
  return `${series}-${year}-${String(value).padStart(6, '0')}`;
}
