import type { Readable } from 'node:stream';

/**
 * Where snapshots live. A folder by default; an object store can implement the same: `stage` gives
 * a private local working folder, `publish` makes it visible all at once, or not at all.
 */
export abstract class SnapshotStorage {
  /** An empty working folder for this snapshot, invisible to readers. */
  abstract stage(snapshotId: string): Promise<string>;
  /** Makes the staged folder the published snapshot, atomically. */
  abstract publish(snapshotId: string): Promise<void>;
  /** Forgets a staged folder (a failed or retried build). */
  abstract discard(snapshotId: string): Promise<void>;
  /** A published file, or null. */
  abstract open(snapshotId: string, name: string): Promise<{ stream: Readable; bytes: number } | null>;
  abstract remove(snapshotId: string): Promise<void>;
}
