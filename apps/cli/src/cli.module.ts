import { DynamicModule, Module } from '@nestjs/common';
import { IdentityModule } from '@polity/identity';
import { PlatformModule, PolityConfig } from '@polity/platform';
import { POLITY_SCHEMA } from '@polity/schema';

@Module({})
export class CliModule {
  static forRoot(config: PolityConfig): DynamicModule {
    return { module: CliModule, imports: [PlatformModule.forRoot(config, POLITY_SCHEMA), IdentityModule] };
  }
}
