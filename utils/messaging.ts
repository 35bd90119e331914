/**
 * The one typed protocol between the extension's contexts.
 *
 * `backgroundMessenger`: content scripts and extension pages → background
 * (which owns the dataset details and the notes database).
 * `tabMessenger`: popup/background → the content script of one tab.
 *
 * Who may send what is decided by the background from the browser's own
 * account of the sender (background/sender-kind.ts), never from the message:
 * notes and drafts whole only to our top-level pages; to the card's notes
 * frame, one person's, through its note session; to a content script, none.
 *
 * Built on @webext-core/messaging, which answers through `sendResponse` with
 * `return true`: a background handler may return any promise (Dexie's
 * included) and the sender still gets the value.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PersonCard } from '@/data/schema';
import type { DisplayNames } from '@/utils/dataset/person-card';
import type { CatalogueLanguage } from '@/utils/i18n-catalogue';
import type { Catalogue } from '@/utils/traditional-locale';
import type { MentionsReport } from '@/content/navigation/mentions-report';
import type {
  EditorDraft,
  EditorDraftInput,
  NoteDraft,
  NoteOrigin,
  NoteRecord,
  NotesPage,
  NotesPageQuery,
  SaveNoteResult,
} from '@/utils/notes/records';
import type { SaveDraftResult } from '@/utils/notes/drafts';
import type { Rejection, RejectionRecord, UndoneRejection } from '@/utils/notes/rejections';
import type { AddRejectionResult } from '@/utils/notes/rejection-store';
import type { ExtensionPageTarget } from '@/utils/extension-pages';
import type { DataScript } from '@/utils/data-script';
import type { PersonAdditionRecord, SavePeopleResult, TrashedPeopleEntry, UserFact, UserPersonRecord } from '@/utils/people/records';
import type { UserLayerSnapshot } from '@/utils/people/store';

export interface BackgroundProtocol {
  /** Liveness check; answers with the extension's version. */
  ping(): { version: string };
  /**
   * Everything the card shows about a person, or null for an unknown id; our Chinese text in
   * Traditional characters when `script` is 'Hant' (a Traditional page), else Simplified.
   */
  getPersonCard(request: { personId: string; script: DataScript }): PersonCard | null;
  /** Names of dataset organizations and people (public data): the card's "why" line for a mention found with others. */
  getDisplayNames(query: { organizations: string[]; people: string[] }): DisplayNames;
  /** The UI catalogue the reader chose (public text from our package) for the card; null for a language we do not ship. */
  getUiCatalogue(request: { language: CatalogueLanguage }): Catalogue | null;

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
  /** Unsaved editor text for one person (top-level extension pages). */
  listDrafts(query: { personId: string }): EditorDraft[];
  saveDraft(draft: EditorDraftInput): SaveDraftResult;
  discardDraft(query: { key: string }): void;
  /**
   * Opens an extension page in a new tab, next to the sender's: content scripts cannot open extension
   * pages themselves reliably. Where each target goes: utils/extension-pages.ts.
   */
  openExtensionPage(request: { page: ExtensionPageTarget; personId?: string }): void;

  /** Content script: the "Not this person" choices of its own page's site (the background takes the site from the sender, never the message). */
  listSiteRejections(): Rejection[];
  /** Content script: remembers "Not this person" for this mark's alias on its own page's site. */
  addRejection(rejection: Rejection): AddRejectionResult;
  /** Our top-level pages (the notes page): every "Not this person" choice, newest first. */
  listRejections(): RejectionRecord[];
  /** Our top-level pages: forgets a choice (Undo) and returns it; the site's open tabs are told to mark it again. */
  deleteRejection(query: { id: string }): RejectionRecord | null;

  /** Our top-level pages: the reader's people and additions, newest first. */
  listUserLayer(): UserLayerSnapshot;
  /** Our top-level pages: creates or updates one of the reader's people (a name already here is refused as `duplicate`). */
  saveUserPerson(draft: unknown): SavePeopleResult<UserPersonRecord>;
  /** Our top-level pages: creates or updates the reader's layer over a bundled person. */
  saveAddition(draft: unknown): SavePeopleResult<PersonAdditionRecord>;
  /** Our top-level pages: one sourced fact on a person (the reader's or a bundled one). */
  addFact(request: { personId: string; fact: Omit<UserFact, 'id' | 'addedAt'> }): SavePeopleResult<UserPersonRecord | PersonAdditionRecord>;
  /** Our top-level pages: deletes a person or a layer, returning it for undo (`restoreToPeople`). */
  deleteFromPeople(query: { id: string }): TrashedPeopleEntry | null;
  restoreToPeople(query: { id: string }): UserPersonRecord | PersonAdditionRecord | null;
  /** Our top-level pages: an import wrote people or additions; the background publishes them to the tabs. */
  userLayerImported(): void;

  /**
   * Content script in a child frame: this frame has marks. The background keeps, per tab, the frames that
   * said so (from the browser's account of the sender), for the popup and the next-mention shortcut.
   */
  frameHasMentions(): void;
  /** Our top-level pages (the popup): the tab's frames with marks, the top frame first (utils/frames.ts frameOrder). */
  listMentionFrames(query: { tabId: number }): number[];
  /**
   * Content script: the next-mention shortcut left the sender's frame's mentions going `direction`; the
   * background offers the selection to the tab's other frames with marks in frame order. False: no
   * other frame took it (the sender wraps round its own).
   */
  stepAcrossFrames(request: { direction: 1 | -1 }): boolean;
  /**
   * Content script in a child frame: the site of the page the reader sees, its tab's top-level page
   * (the key of its site switch), from the browser's account of the sender's tab; null when the
   * background cannot tell.
   */
  readerSite(): string | null;
  /**
   * Content script: the card's "Turn off on this site" (`on: false`) and its Undo (`on: true`). The
   * background switches the reader's site (as for `readerSite`, never a site named in the message), so
   * only the extension's own contexts write settings. Rejects when the background cannot tell the site.
   */
  switchReaderSite(request: { on: boolean }): void;

  /** Content script: a note session for the card's notes frame (utils/notes/note-sessions.ts); null for an unknown person. */
  openNoteSession(request: { personId: string; origin: NoteOrigin }): { sessionId: string } | null;
  /** Content script: the card closed. */
  closeNoteSession(request: { sessionId: string }): void;

  /** The notes frame, through its session: whose notes it shows; null when the session is not its to use. */
  frameStart(request: SessionScoped): { personId: string; origin: NoteOrigin } | null;
  frameListNotes(request: SessionScoped): NoteRecord[];
  /** What the reader added about the session's person (their own person's facts, or their layer over a bundled one). */
  frameUserLayer(request: SessionScoped): { facts: UserFact[]; tags: string[] } | null;
  frameListNotesPage(request: SessionScoped<{ query: NotesPageQuery }>): NotesPage;
  frameCountNotes(request: SessionScoped): number;
  frameSaveNote(request: SessionScoped<{ draft: NoteDraft }>): SaveNoteResult;
  frameDeleteNote(request: SessionScoped<{ id: string }>): NoteRecord | null;
  frameRestoreNote(request: SessionScoped<{ note: NoteRecord }>): NoteRecord;
  frameListDrafts(request: SessionScoped): EditorDraft[];
  frameSaveDraft(request: SessionScoped<{ draft: EditorDraftInput }>): SaveDraftResult;
  frameDiscardDraft(request: SessionScoped<{ key: string }>): void;
  /**
   * The frame loaded (`ready`, once), passes an Escape on, or is being navigated away (`leaving`: it ends
   * the session); relayed to the card as `noteFrameEvent`.
   */
  frameEvent(request: SessionScoped<{ event: NoteFrameReport }>): void;
}

/** A request from the notes frame: its session id, and what it asks. */
export type SessionScoped<T = object> = { sessionId: string } & T;

/** What the notes frame tells the background about itself. */
export type NoteFrameReport = 'ready' | 'escape' | 'leaving';

/** What the card hears about its notes frame: it loaded, Escape was pressed in it, or its session was ended (copied). */
export type NoteFrameEvent = 'ready' | 'escape' | 'ended';

export interface TabProtocol {
  /** Background → a tab's top frame: its page's site switch key (for `readerSite`). */
  pageSite(): string;
  /** The people marked on this page. */
  listMentions(): MentionsReport;
  /** Scrolls to the person's first mention and opens its card; false when the person is not marked here. */
  revealMention(query: { personId: string }): boolean;
  /**
   * Selects the next (1) or previous (-1) mention and opens its card: the `next-mention` command, which
   * reaches every frame and is taken by the one with the reader's focus (the top frame when none has it);
   * false when that frame's page has none. `enter`: the selection comes from another frame (the
   * background, stepAcrossFrames), so this frame's first (1) or last (-1) mention.
   */
  focusNextMention(query: { direction: 1 | -1; enter?: boolean }): boolean;
  /**
   * Background → every frame of the tabs where a site was seen: a "Not this person" choice of that
   * site was undone, and the frames of that site mark it again.
   */
  rejectionUndone(undone: UndoneRejection): void;
  /** Background → the card that owns a note session (delivered to the content script's frame only). */
  noteFrameEvent(event: { sessionId: string; event: NoteFrameEvent }): void;
}

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
export const tabMessenger = defineExtensionMessaging<TabProtocol>();
