import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@polity/contracts';
import type { Request } from 'express';
import { Problems } from '../errors/problem';
import { AccessTokenService } from './access-token.service';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { hasRole } from './principal';

/**
 * Global guard, deny by default: every route needs a valid access token unless marked @Public,
 * and @RequireRoles narrows it further. Object-level checks (is this *your* comment?) belong to
 * the feature's service, which receives the principal.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);

    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (token) {
      const principal = await this.tokens.verify(token);
      if (principal) request.principal = principal;
      else if (!isPublic)
        throw Problems.unauthorized('invalid_token', 'The access token is invalid, expired or revoked; refresh it or sign in again.');
    }
    if (isPublic) return true;
    if (!request.principal) throw Problems.unauthorized('authentication_required', 'Sign in to do this.');
    if (roles?.length && !hasRole(request.principal, 'admin', ...roles)) {
      throw Problems.forbidden('forbidden', `This needs one of the roles: ${roles.join(', ')}.`);
    }
    return true;
  }
}
