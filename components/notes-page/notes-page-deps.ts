/**
 * What the notes page needs from the browser, injected so component tests can
 * hand it fakes. The page is an extension page, so it opens the notes
 * database (the extension's origin) directly for export and import: a large
 * import needs no message round trip and commits in one transaction.
 */
import { messengerNotesClient, type NotesClient } from '@/utils/notes/client';
import { NotesDatabase } from '@/utils/notes/db';
import { exportNotes, importNotes, type ImportOptions, type ImportResult, type NotesExport } from '@/utils/notes/import-export';
import { isKnownPerson } from '@/utils/search/bundled-people';
import { backgroundMessenger } from '@/utils/messaging';
import type { RejectionsClient } from './RejectionsSection';
import type { OwnPeopleClient } from './OwnPeopleSection';
import { watchUserIndexes } from '@/utils/people/user-index';

export interface NotesPageDeps {
  notes: NotesClient;
  exportNotes(): Promise<NotesExport>;
  /** `restoreDeleted` brings back notes deleted here, on the user's request only. */
  importNotes(text: string, options?: Pick<ImportOptions, 'restoreDeleted'>): Promise<ImportResult>;
  download(filename: string, content: string, type: string): void;
  /** "Not this person" choices, through the background, which also tells the site's open tabs about an undo. */
  rejections: RejectionsClient;
  /** The reader's own people, through the background, which re-publishes what open tabs mark after every change. */
  people: OwnPeopleClient;
}

let db: NotesDatabase | undefined;
const database = () => (db ??= new NotesDatabase());

/** Saves text as a file through a Blob URL (no downloads permission needed). */
export function downloadText(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const defaultNotesPageDeps: NotesPageDeps = {
  notes: messengerNotesClient,
  exportNotes: () => exportNotes(database()),
  importNotes: async (text, options) => {
    const result = await importNotes(database(), text, isKnownPerson, options);
    // The import wrote the reader's people here, in this page: the background publishes them to the open tabs.
    if (result.ok && result.people && result.people.added + result.people.updated > 0) {
      await backgroundMessenger.sendMessage('userLayerImported', undefined).catch(() => undefined);
    }
    return result;
  },
  download: downloadText,
  rejections: {
    list: () => backgroundMessenger.sendMessage('listRejections', undefined),
    remove: (id) => backgroundMessenger.sendMessage('deleteRejection', { id }),
  },
  people: {
    list: () => backgroundMessenger.sendMessage('listUserLayer', undefined),
    remove: (id) => backgroundMessenger.sendMessage('deleteFromPeople', { id }),
    restore: (id) => backgroundMessenger.sendMessage('restoreToPeople', { id }),
    // The background saves a new index after every change of names, wherever it was made; a fact or tag
    // edited in the people form's tab is read when the reader comes back to this one.
    watch: (onChange) => {
      const onVisible = () => document.visibilityState === 'visible' && onChange();
      document.addEventListener('visibilitychange', onVisible);
      const stop = watchUserIndexes(() => onChange());
      return () => (stop(), document.removeEventListener('visibilitychange', onVisible));
    },
  },
};
