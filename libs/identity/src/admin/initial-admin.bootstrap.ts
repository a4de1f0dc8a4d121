import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuthConfig } from '@polity/platform';
import { AdminAccountsService } from './admin-accounts.service';

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when the api starts, if set. */
@Injectable()
export class InitialAdminBootstrap implements OnApplicationBootstrap {
  constructor(
    private readonly config: AuthConfig,
    private readonly admin: AdminAccountsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const initial = this.config.initialAdmin;
    if (initial) await this.admin.ensureAdmin(initial.email, initial.password);
  }
}
