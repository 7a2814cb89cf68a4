/**
 * Permission keys are the server's command/query names, e.g.
 * `master_data.product.approve`. The server enforces them; the UI only hides
 * what the user could not do anyway.
 */
export const PERMS = {
  productCreate: 'master_data.product.create',
  partyCreate: 'master_data.party.create',
  userCreate: 'identity.user.create',
  userSetRoles: 'identity.user.set_roles',
  userUnlock: 'identity.user.unlock',
  webhookCreate: 'integration.webhook.create',
  webhookDeactivate: 'integration.webhook.deactivate',
  deliveryRetry: 'integration.webhook_delivery.retry',
  auditHistoryRead: 'audit.history.read',
  importApply: 'master_data.import.apply',
  importGudid: 'master_data.import.gudid',
  productUpdate: 'master_data.product.update',
  productSetPackaging: 'master_data.product.set_packaging',
  licenceCreate: 'master_data.licence.create',
  licenceUpdate: 'master_data.licence.update',
  licenceDeactivate: 'master_data.licence.deactivate',
  authorisationCreate: 'master_data.authorisation.create',
  authorisationDeactivate: 'master_data.authorisation.deactivate',
  fileUpload: 'platform.file.upload',
} as const;

export type PermissionSet = readonly string[];

export function hasPermission(perms: PermissionSet, key: string): boolean {
  return perms.includes('*') || perms.includes(key);
}

/** True if any permission lives under the namespace, e.g. `master_data.product`. */
export function hasPermissionUnder(perms: PermissionSet, namespace: string): boolean {
  if (perms.includes('*')) return true;
  const prefix = namespace.endsWith('.') ? namespace : `${namespace}.`;
  return perms.some((p) => p === namespace || p.startsWith(prefix));
}

/** True if any of the given permissions (exact keys) is held. */
export function hasAnyPermission(perms: PermissionSet, keys: readonly string[]): boolean {
  return keys.some((k) => hasPermission(perms, k));
}
