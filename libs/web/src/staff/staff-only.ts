import { applyDecorators, type CanActivate, type ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Role } from '@polity/contracts';
import { hasRole, Problems, Public } from '@polity/platform';
import type { RequestWithWeb } from '../page/web-request';

const STAFF_ROLES = 'polity:staff-roles';

/** The roles that open the staff desk at all: everyone but a plain resident. */
export const STAFF_DESK_ROLES = ['moderator', 'official', 'council', 'admin'] as const satisfies readonly Role[];

/** Whether the signed-in person works on any of the consoles. */
export const isStaff = (roles: readonly Role[] | undefined): boolean => roles?.some((role) => role !== 'citizen') ?? false;

/**
 * Checks, before any console page is read or any of its forms is acted on, that the session's
 * account holds one of the roles (admins always do): a visitor is asked to sign in (401), anyone
 * else is refused (403). Read from the session the page middleware found, never from the form.
 */
@Injectable()
export class StaffPagesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(STAFF_ROLES, [context.getHandler(), context.getClass()]) ?? [];
    const principal = context.switchToHttp().getRequest<RequestWithWeb>().web?.principal;
    if (!principal) throw Problems.unauthorized('sign_in_required', 'Sign in with a staff account to use this page.');
    if (!hasRole(principal, 'admin', ...roles))
      throw Problems.forbidden('forbidden', `This page needs one of the roles: ${roles.join(', ')}.`);
    return true;
  }
}

/**
 * A staff console's pages, for people holding one of these roles. They are pages (session cookie,
 * form token), so the api's bearer-token guard lets them by and this guard checks instead.
 */
export const StaffOnly = (...roles: Role[]): ClassDecorator & MethodDecorator =>
  applyDecorators(Public(), ApiExcludeController(), SetMetadata(STAFF_ROLES, roles), UseGuards(StaffPagesGuard));
