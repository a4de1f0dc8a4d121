import type { ExecutionContext } from '@nestjs/common';
import { SetMetadata } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import type { RateLimitConfig } from '../config/polity-config';
import type { RedisThrottlerStorage } from './redis-throttler.storage';

const AUTH_RATE_LIMITED = 'polity:auth-rate-limited';

/** Marks a route (sign-in, registration, token refresh) for the stricter per-IP auth limit. */
export const AuthRateLimit = (): MethodDecorator & ClassDecorator => SetMetadata(AUTH_RATE_LIMITED, true);

const requestOf = (context: ExecutionContext): Request => context.switchToHttp().getRequest<Request>();

const isAuthRoute = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(AUTH_RATE_LIMITED, context.getHandler()) === true ||
  Reflect.getMetadata(AUTH_RATE_LIMITED, context.getClass()) === true;

/**
 * Three limits, each per window: every client IP; every signed-in user (so one account cannot
 * spread a flood over many addresses); and a stricter IP limit on the auth routes.
 */
export function rateLimitOptions(config: RateLimitConfig, storage: RedisThrottlerStorage): ThrottlerModuleOptions {
  const ttl = config.windowSeconds * 1000;
  return {
    storage,
    throttlers: [
      { name: 'ip', ttl, limit: config.perIp, getTracker: (req) => (req as Request).ip ?? 'unknown' },
      {
        name: 'user',
        ttl,
        limit: config.perUser,
        skipIf: (context) => requestOf(context).principal === undefined,
        getTracker: (req) => (req as Request).principal?.userId ?? 'anonymous',
      },
      {
        name: 'auth',
        ttl,
        limit: config.authPerIp,
        skipIf: (context) => !isAuthRoute(context),
        getTracker: (req) => (req as Request).ip ?? 'unknown',
      },
    ],
  };
}
