import { DynamicModule, Module } from '@nestjs/common';
import { BudgetsModule } from '@polity/budgets';
import { CodesignModule } from '@polity/codesign';
import { CouncilModule } from '@polity/council';
import { SurveysModule } from '@polity/surveys';
import { CommentsModule } from '@polity/comments';
import { IdentityModule } from '@polity/identity';
import { PlatformModule, PolityConfig } from '@polity/platform';
import { ProposalsModule } from '@polity/proposals';
import { ModerationSeedModule } from '@polity/moderation';
import { POLITY_SCHEMA } from '@polity/schema';

@Module({})
export class CliModule {
  static forRoot(config: PolityConfig): DynamicModule {
    return { module: CliModule, imports: [PlatformModule.forRoot(config, POLITY_SCHEMA), IdentityModule] };
  }
}

/** What `seed:demo` writes through: the features' own services, so demo data is made as residents make it. */
@Module({})
export class DemoModule {
  static forRoot(config: PolityConfig): DynamicModule {
    return {
      module: DemoModule,
      imports: [
        PlatformModule.forRoot(config, POLITY_SCHEMA),
        IdentityModule,
        ProposalsModule,
        CommentsModule,
        BudgetsModule,
        SurveysModule,
        CodesignModule,
        CouncilModule,
        ModerationSeedModule,
      ],
    };
  }
}
