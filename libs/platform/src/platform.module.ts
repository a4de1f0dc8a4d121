import { GracefulShutdown } from './http/graceful-shutdown';
import { DynamicModule, Module } from '@nestjs/common';
import { AuditLog } from './audit/audit-log';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConfigModule } from './config/config.module';
import { DatabaseConfig, PolityConfig } from './config/polity-config';
import { buildDataSourceOptions, SchemaCatalogue } from './database/data-source-options';
import { DomainEventBus } from './events/domain-event-bus';
import { UnitOfWork } from './events/unit-of-work';
import { LoggingModule } from './logging/logging.module';
import { Mailer } from './mail/mailer';
import { ModeratableContents } from './moderation/moderatable-content';
import { OpenDataPublishers } from './privacy/open-data-source';
import { PersonalDataRegistry } from './privacy/personal-data';
import { Pseudonyms } from './privacy/pseudonyms';
import { RedisModule } from './redis/redis.module';
import { DecisionSubjects } from './resources/decision-subject';
import { DiscussableResources } from './resources/discussable-resource';

/**
 * What every Polity process needs: configuration, logging, PostgreSQL, Redis, the domain-event
 * bus and unit of work. Global, so features just inject. Access tokens are verified against the
 * accounts, so the identity feature provides that service (AccountAuthorityModule).
 */
@Module({})
export class PlatformModule {
  static forRoot(config: PolityConfig, schema: SchemaCatalogue): DynamicModule {
    const shared = [
      DomainEventBus,
      UnitOfWork,
      PersonalDataRegistry,
      DiscussableResources,
      ModeratableContents,
      DecisionSubjects,
      Mailer,
      OpenDataPublishers,
      Pseudonyms,
      AuditLog,
      GracefulShutdown,
    ];
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        RedisModule,
        DiscoveryModule,
        JwtModule.register({}),
        TypeOrmModule.forRootAsync({
          inject: [DatabaseConfig],
          useFactory: (database: DatabaseConfig) => buildDataSourceOptions(database, schema),
        }),
      ],
      providers: shared,
      exports: [...shared, JwtModule, DiscoveryModule],
    };
  }
}
