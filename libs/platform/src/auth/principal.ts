import type { Role } from '@polity/contracts';

/** Who is making a request, as proven by their access token. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** The refresh-token family (session) the access token was issued for. */
  sessionId: string;
}

export function hasRole(principal: Principal | undefined, ...roles: Role[]): boolean {
  return principal !== undefined && roles.some((role) => principal.roles.includes(role));
}

declare module 'express' {
  interface Request {
    principal?: Principal;
  }
}
