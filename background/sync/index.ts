/**
 * The background's sync wiring: settings always (settings-sync.ts), records
 * while the notes page's switch is on (record-sync.ts). Everything it decides
 * is in utils/sync; this only connects it to the browser.
 */
import { logError } from '@/utils/log';
import type { NotesDatabase } from '@/utils/notes/db';
import { browserStorageArea } from '@/utils/sync/area';
import { newMachineId, SyncEngine } from '@/utils/sync/engine';
import { SYNC_KINDS } from '@/utils/sync/kinds';
import { watchLocalRecords } from '@/utils/sync/local-changes';
import { startRecordSync } from '@/utils/sync/record-sync';
import { startSettingsSync } from '@/utils/sync/settings-sync';
import { parseSyncStatus, SYNC_MACHINE_KEY, SYNC_STATUS_KEY, SYNC_SWITCH_KEY } from '@/utils/sync/switch';
import { writePacer } from '@/utils/sync/write-pacing';

/** Chrome's StorageArea.setAccessLevel (not in every browser's typings, nor in Firefox, where only storage.session has it). */
type RestrictableArea = { setAccessLevel?(options: { accessLevel: 'TRUSTED_CONTEXTS' }): Promise<void> };

export function registerSync(db: NotesDatabase): void {
  // Notes in sync storage are private data: a content script shares its process with the page, so where
  // the browser allows it, only our own pages and the background may read the area (nothing of the
  // content script uses it). Firefox has no such switch for storage.sync.
  (browser.storage.sync as RestrictableArea)
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch((cause: unknown) => logError('closing sync storage to content scripts failed', cause));
  const sync = browserStorageArea(browser.storage.sync, browser.storage.onChanged, 'sync');
  const local = browserStorageArea(browser.storage.local, browser.storage.onChanged, 'local');
  // One pacing for every write to sync storage, settings and records alike: the quotas are per extension.
  const writeSlot = writePacer();
  startSettingsSync(local, sync, writeSlot).ready.catch((cause) => logError('settings sync failed', cause));

  let running: { stop(): void } | undefined;
  let turn: Promise<void> = Promise.resolve();
  const apply = (on: boolean) => {
    turn = turn.then(async () => {
      running?.stop();
      running = undefined;
      if (!on) return;
      const stored = await local.get([SYNC_MACHINE_KEY, SYNC_STATUS_KEY]);
      let machine = stored[SYNC_MACHINE_KEY];
      if (typeof machine !== 'string' || !/^[a-z0-9]{10}$/.test(machine)) {
        machine = newMachineId();
        await local.set({ [SYNC_MACHINE_KEY]: machine });
      }
      const engine = new SyncEngine({
        db,
        area: sync,
        machine: machine as string,
        writeSlot,
        conflicts: parseSyncStatus(stored[SYNC_STATUS_KEY])?.conflicts ?? [],
      });
      running = startRecordSync({
        engine,
        area: sync,
        localChanges: (listener) => watchLocalRecords(db, SYNC_KINDS, listener),
        onStatus: (status) => void local.set({ [SYNC_STATUS_KEY]: status }).catch(() => undefined),
        onError: (cause) => logError('sync failed', cause),
      });
    });
  };
  local.watch((changes) => {
    if (SYNC_SWITCH_KEY in changes) apply(changes[SYNC_SWITCH_KEY]?.newValue === true);
  });
  void local.get([SYNC_SWITCH_KEY]).then((stored) => apply(stored[SYNC_SWITCH_KEY] === true));
}
