/**
 * Runs the engine while "Sync my notes and people" is on: once at start, then
 * after every change, local (the notes database) or remote (sync storage),
 * debounced so a burst of edits goes out in one write. `stop()` ends it: no
 * reconcile starts after it, and one under way writes nothing more.
 */
import type { SyncArea } from './area';
import { SyncStopped, type SyncEngine, type SyncStatus } from './engine';
import { CHUNK_PREFIX, HEADER_PREFIX } from './wire';

export const RECONCILE_DEBOUNCE_MS = 1_500;

export interface RecordSyncOptions {
  engine: SyncEngine;
  area: SyncArea;
  /** Subscribes to changes of the local records; returns the unsubscribe function. */
  localChanges(listener: () => void): () => void;
  onStatus(status: SyncStatus): void;
  onError(cause: unknown): void;
  debounceMs?: number;
}

export function startRecordSync(options: RecordSyncOptions): { stop(): void } {
  const { engine, area, onStatus, onError } = options;
  const debounceMs = options.debounceMs ?? RECONCILE_DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const run = () => {
    timer = undefined;
    engine.reconcile().then(
      (status) => {
        if (!stopped) onStatus(status);
      },
      (cause) => {
        if (!(cause instanceof SyncStopped)) onError(cause);
      },
    );
  };
  const schedule = () => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, debounceMs);
  };

  const stopLocal = options.localChanges(schedule);
  const stopRemote = area.watch((changes) => {
    if (Object.keys(changes).some((key) => key.startsWith(HEADER_PREFIX) || key.startsWith(CHUNK_PREFIX))) schedule();
  });
  run();
  return {
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      engine.stop();
      stopLocal();
      stopRemote();
    },
  };
}
