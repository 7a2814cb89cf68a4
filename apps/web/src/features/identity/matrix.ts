export interface MatrixRow {
  permission: string;
  /** Namespace, e.g. `master_data.product`. */
  group: string;
  firstInGroup: boolean;
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
  const rows = perms.map((permission) => {
    const parts = permission.split('.');
    const group = parts.length > 1 ? parts.slice(0, -1).join('.') : permission;
    const row = { permission, group, firstInGroup: group !== prev, holders: holders.get(permission)! };
    prev = group;
    return row;
  });
  return { rows };
}
