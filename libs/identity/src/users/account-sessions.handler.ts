import { Injectable } from '@nestjs/common';
import { type JobPayloads } from '@polity/contracts';
import { HandlesJob } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';

/**
 * Tells a person's open tabs that their account changed. New roles: `account.updated` in their
 * room, and every connection re-reads its rights; ended sessions: the connections of those
 * sessions lose their personal rooms; an erased account: its connections are closed, on every
 * api instance. Safe to run twice.
 */
@Injectable()
export class AccountSessionsHandler {
  constructor(private readonly broadcaster: Broadcaster) {}

  @HandlesJob('account.sync-sessions')
  async sync(event: JobPayloads['account.sync-sessions']): Promise<void> {
    const { userId } = event.payload;
    switch (event.type) {
      case 'user.roles_changed':
        await this.broadcaster.toUser(userId, 'account.updated', { roles: event.payload.roles, reason: 'roles_changed' });
        this.broadcaster.accountChanged({ userId, erased: false });
        return;
      case 'user.sessions_ended':
        this.broadcaster.accountChanged({ userId, erased: false });
        return;
      case 'user.erased':
        await this.broadcaster.toUser(userId, 'account.updated', { roles: [], reason: 'erased' });
        this.broadcaster.accountChanged({ userId, erased: true });
        return;
    }
  }
}
