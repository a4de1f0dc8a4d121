import { DynamicModule, Global, Module } from '@nestjs/common';
import { PolityConfig } from './polity-config';

/** Provides each configuration section as an injectable class. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: PolityConfig): DynamicModule {
    const providers = Object.values(config).map((section: object) => ({
      provide: section.constructor,
      useValue: section,
    }));
    return { module: ConfigModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
