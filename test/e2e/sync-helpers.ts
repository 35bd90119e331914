/** Shared by the Chromium and Firefox sync suites: what a test reads of sync storage and of the notes database. */

/** The texts of the notes held inline in sync storage's items (small notes are not chunked). */
export function syncedNoteTexts(items: Record<string, unknown>): Array<string | undefined> {
  return Object.entries(items)
    .filter(([key]) => key.startsWith('tl.r.note.'))
    .map(([, value]) => (value as { r?: { text?: string } }).r?.text);
}

/**
 * Runs in an extension page (pass it to `page.evaluate`): the notes' texts straight from the extension's
 * IndexedDB; with 'drafts', the texts typed in editors and not saved yet.
 */
export function storedNoteTexts(store: 'notes' | 'drafts' | void): Promise<string[]> {
  const name = store || 'notes';
  return new Promise<string[]>((resolve, reject) => {
    const open = indexedDB.open('talent-lens-notes');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => {
        resolve((request.result as Array<{ text: string }>).map((note) => note.text));
        open.result.close();
      };
      request.onerror = () => reject(request.error);
    };
  });
}
