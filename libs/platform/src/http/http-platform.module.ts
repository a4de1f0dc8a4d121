import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuthGuard } from '../auth/auth.guard';
import { RateLimitConfig } from '../config/polity-config';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { HealthModule } from '../health/health.module';
import { ProblemThrottlerGuard } from '../throttling/problem-throttler.guard';
import { rateLimitOptions } from '../throttling/rate-limit';
import { RedisThrottlerStorage } from '../throttling/redis-throttler.storage';

@Module({ providers: [RedisThrottlerStorage], exports: [RedisThrottlerStorage] })
class ThrottlerStorageModule {}

/**
 * The HTTP conventions of the api: deny-by-default authentication, then rate limits (which need
 * to know the caller), and one problem+json error shape.
 */
@Module({
  imports: [
    HealthModule,
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [RateLimitConfig, RedisThrottlerStorage],
      useFactory: rateLimitOptions,
    }),
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: ProblemThrottlerGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class HttpPlatformModule {}
