/**
 * The "Not this person" records in the notes database (db.ts, version 4). The
 * site is always the caller's to pass: the background derives it from the
 * sender (rejection-handlers.ts), never from a message.
 */
import type { NotesDatabase } from './db';
import { aliasKey, REJECTION_LIMITS, rejectionId, type Rejection, type RejectionRecord } from './rejections';

export type AddRejectionResult = { ok: true; rejection: RejectionRecord } | { ok: false; message: string };

/** Remembers a rejection for a site; the same (site, person, alias) again keeps the first record. */
export async function addRejection(
  db: NotesDatabase,
  site: string,
  input: unknown,
  isKnownPerson: (personId: string) => boolean,
  now = Date.now(),
): Promise<AddRejectionResult> {
  const value = (input ?? {}) as Partial<Record<keyof Rejection, unknown>>;
  const personId = typeof value.personId === 'string' ? value.personId : '';
  const aliasText = typeof value.aliasText === 'string' ? aliasKey(value.aliasText) : '';
  if (!site || !isKnownPerson(personId)) return { ok: false, message: 'Unknown person.' };
  if (!aliasText || aliasText.length > REJECTION_LIMITS.aliasText) return { ok: false, message: 'Not a name.' };
  const record: RejectionRecord = { id: rejectionId(site, { personId, aliasText }), site, personId, aliasText, createdAt: now };
  return db.transaction('rw', db.rejections, async () => {
    const existing = await db.rejections.get(record.id);
    if (existing) return { ok: true as const, rejection: existing };
    if ((await db.rejections.where('site').equals(site).count()) >= REJECTION_LIMITS.perSite) {
      return { ok: false as const, message: 'Too many choices on this site.' };
    }
    await db.rejections.add(record);
    return { ok: true as const, rejection: record };
  });
}

/** One site's rejections, as the content script needs them (no dates, no ids). */
export async function listSiteRejections(db: NotesDatabase, site: string): Promise<Rejection[]> {
  const records = await db.rejections.where('site').equals(site).toArray();
  return records.map(({ personId, aliasText }) => ({ personId, aliasText }));
}

/** Every rejection, newest first (the notes page). */
export async function listRejections(db: NotesDatabase): Promise<RejectionRecord[]> {
  return await db.rejections.orderBy('createdAt').reverse().toArray();
}

/** Forgets a rejection (Undo) and returns it, or null when it was already gone. */
export async function deleteRejection(db: NotesDatabase, id: string): Promise<RejectionRecord | null> {
  return db.transaction('rw', db.rejections, async () => {
    const record = await db.rejections.get(id);
    if (record) await db.rejections.delete(id);
    return record ?? null;
  });
}
