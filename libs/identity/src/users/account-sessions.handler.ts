import { Injectable } from '@nestjs/common';
import { type JobPayloads, userRoom } from '@polity/contracts';
import { HandlesJob } from '@polity/queue';
import { Broadcaster } from '@polity/realtime';

/**
 * Tells a person's open tabs that their account changed: new roles mean "refresh your token";
 * an erased account has its sockets closed on every api instance. Safe to run twice.
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
        return;
      case 'user.erased':
        await this.broadcaster.toUser(userId, 'account.updated', { roles: [], reason: 'erased' });
        this.broadcaster.disconnectRoom(userRoom(userId));
        return;
    }
  }
}
