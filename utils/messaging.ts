/**
 * The one typed protocol between the extension's contexts.
 *
 * `backgroundMessenger`: content scripts and extension pages → background
 * (which owns the dataset details and the notes database).
 * `tabMessenger`: popup/background → the content script of one tab.
 *
 * Built on @webext-core/messaging, which answers through `sendResponse` with
 * `return true`: a background handler may return any promise (Dexie's
 * included) and the sender still gets the value.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PersonCard } from '@/data/schema';
import type { MentionsReport } from '@/utils/page/mentions-report';
import type { NoteDraft, NoteRecord, NotesPage, NotesPageQuery, SaveNoteResult } from '@/utils/notes/records';

export interface BackgroundProtocol {
  /** Liveness check; answers with the extension's version. */
  ping(): { version: string };
  /** Everything the card shows about a person, or null for an unknown id. */
  getPersonCard(personId: string): PersonCard | null;

  /** Notes, newest first; all of them, or one person's. Only the notes page needs them all (its search covers every note). */
  listNotes(query: { personId?: string }): NoteRecord[];
  /** One page of a person's notes, newest first (the card and the popup show the newest and load older ones on demand). */
  listNotesPage(query: NotesPageQuery): NotesPage;
  /** How many notes a person has. */
  countNotes(query: { personId: string }): number;
  /** Creates or updates a note; an update based on a stale revision is refused as a conflict. */
  saveNote(draft: NoteDraft): SaveNoteResult;
  /** Deletes a note and returns it, so the caller can offer undo through `restoreNote`. */
  deleteNote(query: { id: string }): NoteRecord | null;
  restoreNote(note: NoteRecord): NoteRecord;
  /** Opens an extension page in a new tab: content scripts cannot open extension pages themselves reliably. */
  openExtensionPage(request: { page: 'popup' | 'notes'; personId?: string }): void;
}

export interface TabProtocol {
  /** The people marked on this page. */
  listMentions(): MentionsReport;
  /** Scrolls to the person's first mention and opens its card; false when the person is not marked here. */
  revealMention(query: { personId: string }): boolean;
  /** Selects the next (1) or previous (-1) mention and opens its card: the `next-mention` command; false when the page has none. */
  focusNextMention(query: { direction: 1 | -1 }): boolean;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
export const tabMessenger = defineExtensionMessaging<TabProtocol>();
