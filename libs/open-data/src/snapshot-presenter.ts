import type { OpenDataSnapshotView } from '@polity/contracts';
import type { SnapshotEntity } from './snapshot.entity';

export const presentSnapshot = (row: SnapshotEntity): OpenDataSnapshotView => ({
  id: row.id,
  status: row.status,
  trigger: row.requestedById ? 'admin' : 'scheduled',
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
  files: row.files ?? [],
  zip: row.zip,
});
