export const SNAPSHOT_STATUSES = ['queued', 'building', 'published', 'failed'] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

export interface SnapshotFileView {
  /** The file name inside the snapshot, e.g. `proposals.csv`. */
  name: string;
  bytes: number;
  sha256: string;
}

export interface OpenDataSnapshotView {
  id: string;
  status: SnapshotStatus;
  /** Scheduled (daily) or asked for by an admin. */
  trigger: 'scheduled' | 'admin';
  createdAt: string;
  finishedAt: string | null;
  /** Files of the package (datapackage.json included), once published. */
  files: SnapshotFileView[];
  /** The whole package as one zip, once published. */
  zip: SnapshotFileView | null;
}

export interface OpenDataProgressView {
  snapshotId: string;
  status: SnapshotStatus;
  /** Files written so far, of `total`. */
  done: number;
  total: number;
}
