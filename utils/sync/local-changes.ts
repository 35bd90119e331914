/**
 * Tells when a record that syncs changed in the notes database, in this context
 * or another of the extension's (the notes page imports straight into the
 * database): Dexie's `storagemutated` event, which Dexie also relays between
 * contexts of the same origin.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import type { NotesDatabase } from '@/utils/notes/db';
import type { AnySyncKind } from './kinds';

export function watchLocalRecords(db: NotesDatabase, kinds: readonly AnySyncKind[], listener: () => void): () => void {
  // Dexie's keys read `idb://<database>/<table>/<index>`.
  const prefixes = kinds.flatMap((kind) => kind.tables.map((table) => `idb://${db.name}/${table}/`));
  const onMutated = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) listener();
  };
  Dexie.on('storagemutated', onMutated);
  return () => Dexie.on('storagemutated').unsubscribe(onMutated);
}
