import { WebModule } from '@polity/web';
import { AccountLinkSitePagesController } from './pages/account-link-pages.controller';
import { AccountSettingsPagesController } from './pages/account-settings-pages.controller';
import { AccountPagesController } from './pages/account-pages.controller';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@polity/queue';
import { BroadcastModule } from '@polity/realtime';
import { AccountLinkEntity } from './account-links/account-link.entity';
import { AccountLinkMailHandler } from './account-links/account-link-mail.handler';
import { AccountLinksService } from './account-links/account-links.service';
import { AdminAccountsService } from './admin/admin-accounts.service';
import { AdminUsersController } from './admin/admin-users.controller';
import { InitialAdminBootstrap } from './admin/initial-admin.bootstrap';
import { AccountLinkPagesController } from './account-links/account-link-pages.controller';
import { AuthController } from './auth/auth.controller';
import { AuthSessionEntity } from './auth/auth-session.entity';
import { AccountAuthorityModule } from './auth/account-session-authority';
import { AuthService } from './auth/auth.service';
import { AttemptLimiter } from './auth/attempt-limiter';
import { AuthAttemptEntity } from './auth/auth-attempt.entity';
import { PruneAttemptsHandler } from './auth/prune-attempts.handler';
import { PasswordHasher } from './auth/password-hasher';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { SessionsService } from './auth/sessions.service';
import { CensusController } from './census/census.controller';
import { CensusEntryEntity } from './census/census-entry.entity';
import { CensusHasher } from './census/census-hasher';
import { CensusService } from './census/census.service';
import { CensusUploadEntity } from './census/census-upload.entity';
import { MeController } from './me/me.controller';
import { AccountErasureService } from './privacy/account-erasure.service';
import { AccountPersonalData } from './privacy/account-personal-data';
import { AccountSessionsHandler } from './users/account-sessions.handler';
import { UserEntity } from './users/user.entity';
import { UsersService } from './users/users.service';

export const IDENTITY_ENTITIES = [
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  CensusUploadEntity,
  CensusEntryEntity,
  AccountLinkEntity,
  AuthAttemptEntity,
];

/** Accounts, sessions, roles, census verification and GDPR; services only. */
@Module({
  imports: [TypeOrmModule.forFeature(IDENTITY_ENTITIES), AccountAuthorityModule],
  providers: [
    UsersService,
    SessionsService,
    AuthService,
    PasswordHasher,
    AttemptLimiter,
    CensusHasher,
    CensusService,
    AccountPersonalData,
    AccountErasureService,
    AdminAccountsService,
    AccountLinksService,
  ],
  exports: [UsersService, AuthService, CensusService, AccountErasureService, AdminAccountsService, AccountLinksService, AttemptLimiter],
})
export class IdentityModule {}

/** The account pages of the web site (signing in and out); the api serves them at the site's root. */
@Module({
  imports: [IdentityModule, WebModule],
  controllers: [AccountPagesController, AccountLinkSitePagesController, AccountSettingsPagesController],
})
export class IdentityPagesModule {}

/** Identity's HTTP routes, and the first-admin bootstrap; imported by the api. */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController, AccountLinkPagesController, MeController, AdminUsersController, CensusController],
  providers: [InitialAdminBootstrap],
})
export class IdentityHttpModule {}

/** Identity's job handlers; imported by the worker. */
@Module({
  imports: [IdentityModule, BroadcastModule, QueueModule],
  providers: [AccountSessionsHandler, AccountLinkMailHandler, PruneAttemptsHandler],
})
export class IdentityJobsModule {}
