/**
 * What the background and the notes page share about record sync, in
 * storage.local (per machine: turning sync on here does not turn it on
 * elsewhere): the switch, this machine's writer id and the last status.
 */
import type { SyncStatus } from './engine';
import { SYNC_QUOTA } from './wire';

/** `true` while "Sync my notes and people" is on; absent (off) on a new install. */
export const SYNC_SWITCH_KEY = 'syncRecords';
export const SYNC_STATUS_KEY = 'syncStatus';
export const SYNC_MACHINE_KEY = 'syncMachine';

/** Kilobytes (of 1,024 bytes, as the quota's 100 KB are), rounded up so a few bytes in use never read as 0. */
export function usageKilobytes(status: Pick<SyncStatus, 'bytesInUse'>): { used: number; quota: number } {
  return { used: Math.ceil(status.bytesInUse / 1024), quota: SYNC_QUOTA.bytes / 1024 };
}

/** A stored status as far as the page can trust it: anything malformed reads as none. */
export function parseSyncStatus(raw: unknown): SyncStatus | null {
  if (!raw || typeof raw !== 'object') return null;
  const value = raw as Partial<SyncStatus>;
  if (typeof value.bytesInUse !== 'number' || typeof value.itemsInUse !== 'number' || typeof value.at !== 'number') return null;
  const list = <T>(items: unknown): T[] => (Array.isArray(items) ? (items as T[]) : []);
  return {
    bytesInUse: value.bytesInUse,
    itemsInUse: value.itemsInUse,
    notSynced: list(value.notSynced),
    ignored: list(value.ignored),
    conflicts: list(value.conflicts),
    ...(typeof value.lastError === 'string' ? { lastError: value.lastError } : {}),
    at: value.at,
  };
}
