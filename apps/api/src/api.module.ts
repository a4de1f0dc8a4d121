import { DynamicModule, Module } from '@nestjs/common';
import { IdentityHttpModule } from '@polity/identity';
import { HttpPlatformModule, PlatformModule, PolityConfig } from '@polity/platform';
import { QueueAdminModule, QueueModule } from '@polity/queue';
import { RealtimeGatewayModule } from '@polity/realtime';
import { POLITY_SCHEMA } from '@polity/schema';

/** The api process: HTTP routes and the Socket.IO gateway of every feature. */
@Module({})
export class ApiModule {
  static forRoot(config: PolityConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, POLITY_SCHEMA),
        HttpPlatformModule,
        RealtimeGatewayModule,
        QueueModule,
        QueueAdminModule,
        IdentityHttpModule,
      ],
    };
  }
}
