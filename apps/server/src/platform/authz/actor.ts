export type ActorKind = 'user' | 'api_key' | 'system';

/** Who is acting. Built by the server from the session, API key or the system itself; never from client input. */
export interface Actor {
  kind: ActorKind;
  orgId: string;
  userId: string;
  username: string;
  displayName: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  locale: string;
  sessionId?: string;
}

export const SYSTEM_USER_ID = 'usr_system';

export function systemActor(orgId: string): Actor {
  return {
    kind: 'system',
    orgId,
    userId: SYSTEM_USER_ID,
    username: 'system',
    displayName: '系统 System',
    roles: [],
    permissions: new Set(),
    locale: 'zh-CN',
  };
}
