/**
 * Keeps writes to sync storage under its rate limits. Chrome allows 120 write
 * operations a minute and 1,800 an hour (each set or remove call is one,
 * whatever it holds); a write at most every 2.5 seconds is 24 a minute and
 * 1,440 an hour, under both even when a restarted service worker forgot the
 * last write's time. Changes made meanwhile wait and go out together in the
 * next write.
 */
import { SYNC_QUOTA } from './wire';

export const MIN_WRITE_INTERVAL_MS = 2_500;

// Checked once here so a change of the interval cannot quietly break the quotas.
if (60_000 / MIN_WRITE_INTERVAL_MS > SYNC_QUOTA.writesPerMinute || 3_600_000 / MIN_WRITE_INTERVAL_MS > SYNC_QUOTA.writesPerHour) {
  throw new Error('MIN_WRITE_INTERVAL_MS is too short for the sync write quotas');
}

/** A `writeSlot` for the engine: resolves when at least MIN_WRITE_INTERVAL_MS passed since the previous slot. */
export function writePacer(
  now: () => number = Date.now,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): () => Promise<void> {
  let last = -Infinity;
  return async () => {
    const wait = last + MIN_WRITE_INTERVAL_MS - now();
    if (wait > 0) await sleep(wait);
    last = now();
  };
}
