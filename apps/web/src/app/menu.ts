import { hasPermissionUnder, type PermissionSet } from '../platform/permissions/permissions.ts';

export interface MenuLeaf {
  key: string;
  path: string;
  labelKey:
    | 'menu.home'
    | 'menu.products'
    | 'menu.parties'
    | 'menu.users'
    | 'menu.roles'
    | 'menu.webhooks'
    | 'menu.audit';
  icon: 'home' | 'product' | 'party' | 'user' | 'role' | 'webhook' | 'audit';
  /** Shown when the user holds any permission under one of these namespaces; none = always. */
  namespaces?: string[];
}

export interface MenuGroup {
  key: string;
  labelKey: 'menu.masterData' | 'menu.admin';
  icon: 'masterData' | 'admin';
  children: MenuLeaf[];
}

export type MenuNode = MenuLeaf | MenuGroup;

export const MENU: MenuNode[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: 'home' },
  {
    key: 'master-data',
    labelKey: 'menu.masterData',
    icon: 'masterData',
    children: [
      { key: 'products', path: '/master-data/products', labelKey: 'menu.products', icon: 'product', namespaces: ['master_data.product'] },
      { key: 'parties', path: '/master-data/parties', labelKey: 'menu.parties', icon: 'party', namespaces: ['master_data.party'] },
    ],
  },
  {
    key: 'admin',
    labelKey: 'menu.admin',
    icon: 'admin',
    children: [
      { key: 'users', path: '/admin/users', labelKey: 'menu.users', icon: 'user', namespaces: ['identity.user'] },
      { key: 'roles', path: '/admin/roles', labelKey: 'menu.roles', icon: 'role', namespaces: ['identity.role'] },
      { key: 'webhooks', path: '/admin/webhooks', labelKey: 'menu.webhooks', icon: 'webhook', namespaces: ['integration.webhook'] },
    ],
  },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', icon: 'audit', namespaces: ['audit'] },
];

export function isGroup(node: MenuNode): node is MenuGroup {
  return 'children' in node;
}

export function leafVisible(leaf: MenuLeaf, perms: PermissionSet): boolean {
  return !leaf.namespaces || leaf.namespaces.some((ns) => hasPermissionUnder(perms, ns));
}

/** The menu as the user may see it: hidden leaves removed, empty groups dropped. */
export function visibleMenu(perms: PermissionSet, menu: MenuNode[] = MENU): MenuNode[] {
  const out: MenuNode[] = [];
  for (const node of menu) {
    if (isGroup(node)) {
      const children = node.children.filter((c) => leafVisible(c, perms));
      if (children.length > 0) out.push({ ...node, children });
    } else if (leafVisible(node, perms)) {
      out.push(node);
    }
  }
  return out;
}

/** The leaf whose path is the longest prefix of the location. */
export function selectedMenuKey(pathname: string, menu: MenuNode[] = MENU): string | undefined {
  let best: MenuLeaf | undefined;
  const leaves = menu.flatMap((n) => (isGroup(n) ? n.children : [n]));
  for (const leaf of leaves) {
    const match = leaf.path === '/' ? pathname === '/' : pathname === leaf.path || pathname.startsWith(`${leaf.path}/`);
    if (match && (!best || leaf.path.length > best.path.length)) best = leaf;
  }
  return best?.key;
}
