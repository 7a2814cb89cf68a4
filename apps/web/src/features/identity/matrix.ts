export interface MatrixRow {
  permission: string;
  /** Namespace, e.g. `master_data.product`. */
  group: string;
  /** Last segment, e.g. `approve`. */
  action: string;
  firstInGroup: boolean;
  /** Rows in this row's group when it is the first of the group, else 0 (table rowSpan). */
  groupSize: number;
  holders: Set<string>;
}

/** Role × permission matrix: one row per permission (sorted, grouped by namespace). */
export function permissionMatrix(roles: ReadonlyArray<{ key: string; permissions: readonly string[] }>): { rows: MatrixRow[] } {
  const holders = new Map<string, Set<string>>();
  for (const r of roles) {
    for (const p of r.permissions) {
      const set = holders.get(p) ?? new Set<string>();
      set.add(r.key);
      holders.set(p, set);
    }
  }
  const perms = [...holders.keys()].sort();
  let prev = '';
  const rows: MatrixRow[] = perms.map((permission) => {
    const parts = permission.split('.');
    const group = parts.length > 1 ? parts.slice(0, -1).join('.') : permission;
    const action = parts[parts.length - 1]!;
    const row = { permission, group, action, firstInGroup: group !== prev, groupSize: 0, holders: holders.get(permission)! };
    prev = group;
    return row;
  });
  for (const row of rows) if (row.firstInGroup) row.groupSize = rows.filter((r) => r.group === row.group).length;
  return { rows };
}
