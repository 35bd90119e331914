/**
 * The background's handlers for the reader's people: only our own top-level
 * pages (the add form, the notes page, the popup) read or write them. After
 * every change the background builds the small alias indexes and the matcher's
 * tables over them once and saves them where every open tab hears of it (utils/people/user-index.ts), so
 * tabs mark a saved person without a reload.
 */
import { backgroundMessenger } from '@/utils/messaging';
import type { NotesDatabase } from '@/utils/notes/db';
import type { UserFact } from '@/utils/people/records';
import { addFact, deleteFromPeople, listUserLayer, restoreToPeople, saveAddition, saveUserPerson } from '@/utils/people/store';
import { buildUserIndexes, loadUserIndexes, saveUserIndexes, withPrebuiltTables } from '@/utils/people/user-index';
import type { AliasIndex } from '@/data/schema';
import { loadSettings, watchSettings } from '@/utils/settings';
import { gated } from '@/background/sender-kind';
import { logError } from '@/utils/log';
import { NOTE_FRAME_PATH } from '@/utils/notes/note-frame';
import { watchLocalRecords } from '@/utils/sync/local-changes';
import { personAdditionKind, userPersonKind } from '@/utils/sync/kinds';

/**
 * Registers the handlers and returns whether an id is one of the reader's people (kept
 * current on every change), which the notes handlers need to accept notes on them.
 */
export function registerPeopleHandlers(
  db: NotesDatabase,
  isBundledPerson: (personId: string) => boolean,
  /** The bundled alias index: the user index is folded as it is, and the pages' tables are built over it. */
  bundled: AliasIndex,
): (personId: string) => boolean {
  const from = gated({ id: browser.runtime.id, noteFramePath: NOTE_FRAME_PATH });
  const page = ['extension-page' as const];
  const options = { isBundledPerson };
  let userIds = new Set<string>();
  let visibility: string | undefined;

  /** Builds the indexes from the store and publishes them; one rebuild at a time, the last one wins. */
  let rebuilding: Promise<void> = Promise.resolve();
  const rebuild = () =>
    (rebuilding = rebuilding.then(async () => {
      try {
        const [{ people, additions }, settings] = await Promise.all([listUserLayer(db), loadSettings()]);
        userIds = new Set(people.map((p) => p.id));
        visibility = settings.peopleVisibility;
        const next = withPrebuiltTables(buildUserIndexes(people, additions, settings.peopleVisibility, bundled.t2s), bundled);
        // Unchanged (a restarted service worker, a settings change of another kind): the tabs keep theirs.
        if (JSON.stringify(next) !== JSON.stringify(await loadUserIndexes())) await saveUserIndexes(next);
      } catch (error) {
        logError('rebuilding the index of your people failed', error);
      }
    }));
  /** Runs a write, then rebuilds when it changed something. */
  const writing =
    <D, R>(write: (data: D) => Promise<R>, changed: (result: R) => boolean) =>
    async (data: D): Promise<R> => {
      const result = await write(data);
      if (changed(result)) await rebuild();
      return result;
    };
  const ok = (result: { ok: boolean }) => result.ok;
  const some = (result: unknown) => result !== null;

  backgroundMessenger.onMessage(
    'listUserLayer',
    from(page, async () => listUserLayer(db)),
  );
  backgroundMessenger.onMessage(
    'saveUserPerson',
    from(
      page,
      writing((data: unknown) => saveUserPerson(db, data, options), ok),
    ),
  );
  backgroundMessenger.onMessage(
    'saveAddition',
    from(
      page,
      writing((data: unknown) => saveAddition(db, data, options), ok),
    ),
  );
  backgroundMessenger.onMessage(
    'addFact',
    from(
      page,
      writing(
        (data: { personId: string; fact: Omit<UserFact, 'id' | 'addedAt'> }) =>
          addFact(db, String(data?.personId ?? ''), data?.fact, options),
        ok,
      ),
    ),
  );
  backgroundMessenger.onMessage(
    'deleteFromPeople',
    from(
      page,
      writing((data: { id: string }) => deleteFromPeople(db, String(data?.id ?? '')), some),
    ),
  );
  backgroundMessenger.onMessage(
    'restoreToPeople',
    from(
      page,
      writing((data: { id: string }) => restoreToPeople(db, String(data?.id ?? '')), some),
    ),
  );

  // An import writes the store from the notes page, which then says so.
  backgroundMessenger.onMessage(
    'userLayerImported',
    from(page, async () => rebuild()),
  );
  // Sync (background/sync) writes people and additions that another machine changed straight into the store.
  watchLocalRecords(db, [userPersonKind, personAdditionKind], () => void rebuild());
  // The default visibility is a setting.
  watchSettings((settings) => {
    if (settings.peopleVisibility !== visibility) void rebuild();
  });
  void rebuild();
  return (personId) => userIds.has(personId);
}
