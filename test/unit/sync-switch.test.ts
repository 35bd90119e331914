/**
 * The "Sync my notes and people" switch: while on, local and remote changes
 * are reconciled (the database's own change events drive it); once off, no
 * write reaches sync storage, whatever changes. And the write pacing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotesDatabase } from '@/utils/notes/db';
import { saveNote } from '@/utils/notes/store';
import { newMachineId, SyncEngine, type SyncStatus } from '@/utils/sync/engine';
import { SYNC_KINDS } from '@/utils/sync/kinds';
import { watchLocalRecords } from '@/utils/sync/local-changes';
import { startRecordSync } from '@/utils/sync/record-sync';
import { MIN_WRITE_INTERVAL_MS, writePacer } from '@/utils/sync/write-pacing';
import { headerKey, SYNC_QUOTA } from '@/utils/sync/wire';
import { freshDatabase } from './notes-fixtures';
import { SimulatedArea } from './sync-simulation';

let db: NotesDatabase;
let area: SimulatedArea;
beforeEach(() => {
  db = freshDatabase();
  area = new SimulatedArea();
});
afterEach(async () => {
  await db.delete();
});

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function start(statuses: SyncStatus[] = []) {
  const engine = new SyncEngine({ db, area, machine: 'aaaa' });
  return startRecordSync({
    engine,
    area,
    localChanges: (listener) => watchLocalRecords(db, SYNC_KINDS, listener),
    onStatus: (status) => statuses.push(status),
    onError: (cause) => {
      throw cause;
    },
    debounceMs: 5,
  });
}

describe('the sync switch', () => {
  it('pushes a note saved while on, and writes nothing once turned off', async () => {
    const statuses: SyncStatus[] = [];
    const sync = start(statuses);
    const saved = await saveNote(db, { personId: 'sam-altman', text: 'pushed' });
    if (!saved.ok) throw new Error('save failed');
    await until(() => area.items.has(headerKey('note', saved.note.id)), 'the note in sync storage');
    await until(() => statuses.some((s) => s.itemsInUse === 1), 'a status');
    expect(statuses.at(-1)!.bytesInUse).toBeGreaterThan(0);

    sync.stop();
    const writes = area.writes;
    const second = await saveNote(db, { personId: 'sam-altman', text: 'not pushed' });
    if (!second.ok) throw new Error('save failed');
    // Another machine's write arrives too: it is not answered.
    area.apply([[headerKey('note', 'elsewhere'), { not: 'checked' }]]);
    // Long enough for several debounce periods; what is asserted is that nothing was written.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(area.writes).toBe(writes);
    expect(area.items.has(headerKey('note', second.note.id))).toBe(false);
  });

  it('does not react to changes of tables that do not sync (drafts)', async () => {
    // Opening (creating) the database counts every table as changed: opened first, so only the writes below count.
    await db.open();
    let calls = 0;
    const stop = watchLocalRecords(db, SYNC_KINDS, () => calls++);
    await db.drafts.put({ key: 'new:sam-altman', personId: 'sam-altman', text: 'x', updatedAt: 1 });
    await saveNote(db, { personId: 'sam-altman', text: 'counted' });
    await until(() => calls > 0, 'a change event');
    expect(calls).toBe(1);
    stop();
  });
});

describe('write pacing', () => {
  it('spaces writes so that neither the per-minute nor the per-hour limit can be reached', async () => {
    let clock = 0;
    const slept: number[] = [];
    const slot = writePacer(
      () => clock,
      async (ms) => {
        slept.push(ms);
        clock += ms;
      },
    );
    const times: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      await slot();
      times.push(clock);
    }
    expect(slept[0]).toBe(MIN_WRITE_INTERVAL_MS);
    const within = (span: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + span).length));
    expect(within(60_000)).toBeLessThanOrEqual(SYNC_QUOTA.writesPerMinute);
    expect(within(3_600_000)).toBeLessThanOrEqual(SYNC_QUOTA.writesPerHour);
  });

  it('makes writer ids of 10 lower-case letters and digits', () => {
    expect(newMachineId()).toMatch(/^[a-z0-9]{10}$/);
    expect(newMachineId(() => 0.999)).toBe('zzzzzzzzzz');
  });
});
