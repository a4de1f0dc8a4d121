import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@polity/contracts';
import type { Request } from 'express';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'polity:public';
export const REQUIRED_ROLES = 'polity:roles';

/** Anyone may call this route; a valid token, when sent, still identifies the caller. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only callers holding one of these roles (admins always pass). */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** The authenticated caller; on a @Public route it may be undefined. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<Request>().principal;
});
