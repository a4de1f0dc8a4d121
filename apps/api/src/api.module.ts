import { DynamicModule, Module, type Type } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { BudgetsHttpModule, BudgetsPagesModule } from '@polity/budgets';
import { SurveysHttpModule, SurveysPagesModule } from '@polity/surveys';
import { CodesignHttpModule, CodesignPagesModule } from '@polity/codesign';
import { CouncilHttpModule, CouncilPagesModule } from '@polity/council';
import { NotificationsHttpModule, NotificationsPagesModule } from '@polity/notifications';
import { OpenDataHttpModule } from '@polity/open-data';
import { CommentsHttpModule, CommentsPagesModule } from '@polity/comments';
import { DistrictsHttpModule } from '@polity/districts';
import { FollowsHttpModule, FollowsPagesModule } from '@polity/follows';
import { IdentityHttpModule, IdentityPagesModule } from '@polity/identity';
import { ModerationHttpModule, ModerationPagesModule } from '@polity/moderation';
import {
  API_PREFIX,
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
import { ProposalsHttpModule, ProposalsPagesModule } from '@polity/proposals';
import { POLITY_SCHEMA } from '@polity/schema';
import { WebModule } from '@polity/web';
import { AdminPagesModule } from '@polity/admin';

/** Every module whose routes make the JSON api, served under /api/v1. */
const API_ROUTES: Type[] = [
  HttpPlatformModule,
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
];

/** The api process: the JSON api under /api/v1, and the Socket.IO gateway of every feature. */
@Module({})
export class ApiModule {
  static forRoot(config: PolityConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        PlatformModule.forRoot(config, POLITY_SCHEMA),
        RealtimeGatewayModule,
        QueueModule,
        ...API_ROUTES,
        // A prefix per module rather than a global one, so that the web site's pages can live at the root.
        RouterModule.register([{ path: API_PREFIX, children: API_ROUTES }]),
        WebModule,
        ProposalsPagesModule,
        IdentityPagesModule,
        NotificationsPagesModule,
        CommentsPagesModule,
        ModerationPagesModule,
        BudgetsPagesModule,
        SurveysPagesModule,
        CodesignPagesModule,
        CouncilPagesModule,
        FollowsPagesModule,
        AdminPagesModule,
      ],
      providers: [
        KindCatalogueCheck({ discussion: DiscussionOf, room: RoomPolicyFor, moderation: ModeratableKind, decisions: DecisionSubjectKind }),
      ],
    };
  }
}
