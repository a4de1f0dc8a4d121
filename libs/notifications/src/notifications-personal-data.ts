import { Injectable } from '@nestjs/common';
import { PersonalData, type PersonalDataSource, type Transaction } from '@polity/platform';
import { DataSource } from 'typeorm';

/** A person's notifications and email choices are theirs; erasure removes them. */
@PersonalData('notifications')
@Injectable()
export class NotificationsPersonalData implements PersonalDataSource {
  constructor(private readonly dataSource: DataSource) {}

  async exportFor(userId: string): Promise<unknown> {
    const [notifications, preferences] = await Promise.all([
      this.dataSource.query<unknown[]>(
        `SELECT kind, title, body, resource_kind AS "resourceKind", resource_id AS "resourceId", created_at AS "createdAt", read_at AS "readAt", emailed_at AS "emailedAt"
         FROM notification WHERE user_id = $1 ORDER BY created_at`,
        [userId],
      ),
      this.dataSource.query<unknown[]>('SELECT kind, email FROM notification_preference WHERE user_id = $1', [userId]),
    ]);
    return { notifications, preferences };
  }

  async eraseFor(userId: string, tx: Transaction): Promise<void> {
    await tx.manager.query('DELETE FROM notification WHERE user_id = $1', [userId]);
    await tx.manager.query('DELETE FROM notification_preference WHERE user_id = $1', [userId]);
  }
}
