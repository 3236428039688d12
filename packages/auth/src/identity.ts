/** Roles of the platform; what each may do is decided by the policies of the owning service. */
export const ROLES = [
  'SYSTEM_ADMIN',
  'ORG_ADMIN',
  'STEERING_OFFICER',
  'LEVEL_OFFICER',
  'UNIT_OFFICER',
  'APPRAISER',
  'EXTERNAL_READER',
  'CITIZEN',
] as const;
export type Role = (typeof ROLES)[number];

/** The caller as every subgraph sees it: verified at the gateway, forwarded signed. */
export interface Identity {
  /** Stable subject id from the identity provider. */
  subject: string;
  roles: Role[];
  /** The unit whose subtree this caller may act on. */
  jurisdictionUnitId: string;
}

/** A request that carries the gateway's signature but no end-user token. */
export const ANONYMOUS = null;
export type Caller = Identity | typeof ANONYMOUS;
