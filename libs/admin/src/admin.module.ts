import { Module } from '@nestjs/common';
import { IdentityModule } from '@polity/identity';
import { OpenDataModule } from '@polity/open-data';
import { QueueInspectionModule } from '@polity/queue';
import { WebModule } from '@polity/web';
import { AccountsConsoleController } from './accounts-console.controller';
import { AdminConsoleEntry } from './admin-console.entry';
import { OperationsConsoleController } from './operations-console.controller';

/**
 * The administrators' console, on the web site: accounts and roles, the census, the audit log, jobs,
 * open-data snapshots and the site's settings. Pages only; each part's service belongs to its feature.
 */
@Module({
  imports: [WebModule, IdentityModule, OpenDataModule, QueueInspectionModule],
  controllers: [AccountsConsoleController, OperationsConsoleController],
  providers: [AdminConsoleEntry],
})
export class AdminPagesModule {}
