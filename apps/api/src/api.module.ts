import { DynamicModule, Module } from '@nestjs/common';
import { BudgetsHttpModule } from '@polity/budgets';
import { SurveysHttpModule } from '@polity/surveys';
import { CodesignHttpModule } from '@polity/codesign';
import { CouncilHttpModule } from '@polity/council';
import { NotificationsHttpModule } from '@polity/notifications';
import { OpenDataHttpModule } from '@polity/open-data';
import { CommentsHttpModule } from '@polity/comments';
import { DistrictsHttpModule } from '@polity/districts';
import { FollowsHttpModule } from '@polity/follows';
import { IdentityHttpModule } from '@polity/identity';
import { ModerationHttpModule } from '@polity/moderation';
import {
  DecisionSubjectKind,
  DiscussionOf,
  HttpPlatformModule,
  KindCatalogueCheck,
  ModeratableKind,
  PlatformModule,
  PolityConfig,
} from '@polity/platform';
import { QueueAdminModule, QueueModule } from '@polity/queue';
import { RealtimeGatewayModule, RoomPolicyFor } from '@polity/realtime';
import { ProposalsHttpModule } from '@polity/proposals';
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
        DistrictsHttpModule,
        ProposalsHttpModule,
        BudgetsHttpModule,
        SurveysHttpModule,
        CodesignHttpModule,
        CouncilHttpModule,
        NotificationsHttpModule,
        OpenDataHttpModule,
        CommentsHttpModule,
        FollowsHttpModule,
        ModerationHttpModule,
      ],
      providers: [
        KindCatalogueCheck({ discussion: DiscussionOf, room: RoomPolicyFor, moderation: ModeratableKind, decisions: DecisionSubjectKind }),
      ],
    };
  }
}
