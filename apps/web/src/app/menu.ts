import { hasPermission, hasPermissionUnder, type PermissionSet } from '../platform/permissions/permissions.ts';

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
    | 'menu.audit'
    | 'menu.import'
    | 'menu.qualificationDashboard'
    | 'menu.qualificationFiles'
    | 'menu.changeRequests'
    | 'menu.qualificationCheck'
    | 'menu.qualificationRules'
    | 'menu.purchaseOrders'
    | 'menu.purchaseRecords'
    | 'menu.stock'
    | 'menu.stockCard'
    | 'menu.locations'
    | 'menu.receipts'
    | 'menu.acceptances'
    | 'menu.putaways';
  icon:
    | 'home'
    | 'product'
    | 'party'
    | 'user'
    | 'role'
    | 'webhook'
    | 'audit'
    | 'import'
    | 'dashboard'
    | 'file'
    | 'change'
    | 'check'
    | 'rule'
    | 'order'
    | 'record'
    | 'stock'
    | 'stockCard'
    | 'location'
    | 'receipt'
    | 'acceptance'
    | 'putaway';
  /** Shown when the user holds any permission under one of these namespaces; none = always. */
  namespaces?: string[];
  /** Shown when the user holds one of these exact permissions. */
  permissions?: string[];
}

export interface MenuGroup {
  key: string;
  labelKey: 'menu.masterData' | 'menu.admin' | 'menu.qualification' | 'menu.purchasing' | 'menu.receiving' | 'menu.inventory';
  icon: 'masterData' | 'admin' | 'qualification' | 'purchasing' | 'receiving' | 'inventory';
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
      { key: 'import', path: '/master-data/import', labelKey: 'menu.import', icon: 'import', permissions: ['master_data.import.apply'] },
    ],
  },
  {
    key: 'qualification',
    labelKey: 'menu.qualification',
    icon: 'qualification',
    children: [
      { key: 'qualification-dashboard', path: '/qualification', labelKey: 'menu.qualificationDashboard', icon: 'dashboard', permissions: ['qualification.file.read'] },
      { key: 'qualification-files', path: '/qualification/files', labelKey: 'menu.qualificationFiles', icon: 'file', permissions: ['qualification.file.read'] },
      { key: 'change-requests', path: '/qualification/change-requests', labelKey: 'menu.changeRequests', icon: 'change', permissions: ['qualification.change_request.read'] },
      { key: 'qualification-check', path: '/qualification/check', labelKey: 'menu.qualificationCheck', icon: 'check', permissions: ['qualification.check.read'] },
      { key: 'qualification-rules', path: '/qualification/rules', labelKey: 'menu.qualificationRules', icon: 'rule', permissions: ['qualification.rule.read'] },
    ],
  },
  {
    key: 'purchasing',
    labelKey: 'menu.purchasing',
    icon: 'purchasing',
    children: [
      { key: 'purchase-orders', path: '/purchasing/orders', labelKey: 'menu.purchaseOrders', icon: 'order', permissions: ['purchasing.purchase_order.read'] },
      { key: 'purchase-records', path: '/purchasing/records', labelKey: 'menu.purchaseRecords', icon: 'record', permissions: ['purchasing.purchase_record.read'] },
    ],
  },
  {
    key: 'receiving',
    labelKey: 'menu.receiving',
    icon: 'receiving',
    children: [
      { key: 'receipts', path: '/receiving/receipts', labelKey: 'menu.receipts', icon: 'receipt', permissions: ['receiving.goods_receipt.read'] },
      { key: 'acceptances', path: '/receiving/acceptances', labelKey: 'menu.acceptances', icon: 'acceptance', permissions: ['receiving.acceptance.read'] },
      { key: 'putaways', path: '/receiving/putaways', labelKey: 'menu.putaways', icon: 'putaway', permissions: ['receiving.putaway.read'] },
    ],
  },
  {
    key: 'inventory',
    labelKey: 'menu.inventory',
    icon: 'inventory',
    children: [
      { key: 'stock', path: '/inventory/stock', labelKey: 'menu.stock', icon: 'stock', permissions: ['inventory.stock.read'] },
      { key: 'stock-card', path: '/inventory/stock-card', labelKey: 'menu.stockCard', icon: 'stockCard', permissions: ['inventory.stock.read'] },
      { key: 'locations', path: '/inventory/locations', labelKey: 'menu.locations', icon: 'location', permissions: ['inventory.stock.read'] },
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
  if (leaf.permissions && !leaf.permissions.some((p) => hasPermission(perms, p))) return false;
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
