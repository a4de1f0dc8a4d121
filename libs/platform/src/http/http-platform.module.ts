import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from '../audit/audit.controller';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
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
 * to know the caller), one problem+json error shape, and the admins' audit log.
 */
@Module({
  imports: [
    HealthModule,
    TypeOrmModule.forFeature([AuditEntryEntity]),
    ThrottlerModule.forRootAsync({
      imports: [ThrottlerStorageModule],
      inject: [RateLimitConfig, RedisThrottlerStorage],
      useFactory: rateLimitOptions,
    }),
  ],
  controllers: [AuditController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: ProblemThrottlerGuard },
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
  ],
})
export class HttpPlatformModule {}
