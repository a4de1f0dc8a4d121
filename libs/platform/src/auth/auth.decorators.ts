import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Role } from '@polity/contracts';
import type { Request } from 'express';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'polity:public';
export const REQUIRED_ROLES = 'polity:roles';

/**
 * Anyone may call this route; a valid token, when sent, still identifies the caller. The OpenAPI
 * document says so (`x-polity-public`), for clients and for the route fuzzer.
 */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension('x-polity-public', true));

/** Only callers holding one of these roles (admins always pass); listed in OpenAPI as `x-polity-roles`. */
export const RequireRoles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiExtension('x-polity-roles', roles));

/** The authenticated caller; on a @Public route it may be undefined. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<Request>().principal;
});
