import type { NotificationView } from '@polity/contracts';
import type { NotificationEntity } from '../entities/notification.entity';

export const presentNotification = (row: NotificationEntity): NotificationView => ({
  id: row.id,
  kind: row.kind,
  resource: row.resourceKind && row.resourceId ? { kind: row.resourceKind, id: row.resourceId } : null,
  title: row.title,
  body: row.body,
  params: row.params,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});
