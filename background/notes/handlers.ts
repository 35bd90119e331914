/**
 * The background's note message handlers, each gated on who sent it
 * (sender-kind.ts): our own top-level pages get the notes, the card's notes
 * frame gets one person's through its note session (note-sessions.ts), and a
 * content script, which shares its page with whatever scripts the site runs,
 * gets none: it can only open and close a session for its card.
 *
 * Each handler is an async function (a native promise, whatever Dexie returns
 * inside) and answers only after its transaction committed.
 */
import { backgroundMessenger, tabMessenger, type NoteFrameEvent, type NoteFrameReport, type SessionScoped } from '@/utils/messaging';
import { NotesDatabase } from '@/utils/notes/db';
import { discardDraft, getDraft, listDrafts, saveDraft } from '@/utils/notes/drafts';
import { NOTE_FRAME_PATH, trimOrigin } from '@/utils/notes/note-frame';
import { NoteSessionRegistry, type NoteSession } from '@/utils/notes/note-sessions';
import { NoteDraftSchema, NoteRecordSchema } from '@/utils/notes/validation';
import type { NoteDraft, NoteRecord, NotesPageQuery, SaveNoteResult } from '@/utils/notes/records';
import { rejectionHandlers, relayUndo, SiteTabs } from '@/background/notes/rejection-handlers';
import { gated, NotAllowed, senderFrame, type SenderKind } from '@/background/sender-kind';
import { countNotes, deleteNote, listNotes, listNotesPage, restoreNote, saveNote, type StoreOptions } from '@/utils/notes/store';

const SESSIONS_KEY = 'noteSessions';

export function registerNotesHandlers(isKnownPerson: (personId: string) => boolean, db = new NotesDatabase()): void {
  const options: StoreOptions = { isKnownPerson };
  const own = { id: browser.runtime.id, noteFramePath: NOTE_FRAME_PATH };
  const sessions = new NoteSessionRegistry();

  // Sessions outlive a stopped service worker (an open card keeps its notes) but not the browser.
  const sessionStore = browser.storage.session;
  const restored: Promise<void> = sessionStore
    ? sessionStore.get(SESSIONS_KEY).then(
        (stored) => sessions.restore(stored[SESSIONS_KEY]),
        () => undefined,
      )
    : Promise.resolve();
  const persist = () => void sessionStore?.set({ [SESSIONS_KEY]: sessions.snapshot() }).catch(() => undefined);
  browser.tabs.onRemoved.addListener((tabId) => {
    sessions.closeTab(tabId);
    persist();
  });

  const tell = (session: NoteSession, event: NoteFrameEvent) =>
    tabMessenger
      .sendMessage('noteFrameEvent', { sessionId: session.id, event }, { tabId: session.tabId, frameId: session.ownerFrameId })
      .catch(() => undefined);

  /** The handler, for the kinds of sender listed; anyone else is refused before it runs. */
  const from = gated(own);

  /** A notes-frame handler: runs with the frame's session, which it claims (binds) on first use. */
  const inSession = <D extends SessionScoped, R>(handler: (session: NoteSession, data: D) => Promise<R>) =>
    from<D, R>(['note-frame'], async (data, sender) => {
      await restored;
      const claim = sessions.claim(data?.sessionId, senderFrame(sender)!);
      persist();
      if (!claim.ok) {
        if (claim.reason === 'ended') void tell(claim.session, 'ended');
        throw new NotAllowed('This notes box is not connected to a card any more. Close the card and open it again.');
      }
      return handler(claim.session, data);
    });

  const siteTabs = new SiteTabs();
  browser.tabs.onRemoved.addListener((tabId) => siteTabs.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') siteTabs.forget(tabId);
  });
  const rejections = rejectionHandlers(db, own, {
    isKnownPerson,
    tabs: siteTabs,
    onDeleted: relayUndo(siteTabs, (tabId, undone) => tabMessenger.sendMessage('rejectionUndone', undone, tabId)),
  });
  backgroundMessenger.onMessage('listSiteRejections', rejections.listSiteRejections);
  backgroundMessenger.onMessage('addRejection', rejections.addRejection);
  backgroundMessenger.onMessage('listRejections', rejections.listRejections);
  backgroundMessenger.onMessage('deleteRejection', rejections.deleteRejection);

  const page: SenderKind[] = ['extension-page'];
  backgroundMessenger.onMessage(
    'listNotes',
    from(page, async (data: { personId?: string }) => listNotes(db, data ?? {})),
  );
  backgroundMessenger.onMessage(
    'listNotesPage',
    from(page, async (data: NotesPageQuery) => listNotesPage(db, data)),
  );
  backgroundMessenger.onMessage(
    'countNotes',
    from(page, async (data: { personId: string }) => countNotes(db, String(data?.personId ?? ''))),
  );
  backgroundMessenger.onMessage(
    'saveNote',
    from(page, async (data: NoteDraft) => saveNote(db, data, options)),
  );
  backgroundMessenger.onMessage(
    'deleteNote',
    from(page, async (data: { id: string }) => deleteNote(db, String(data?.id ?? ''))),
  );
  backgroundMessenger.onMessage(
    'restoreNote',
    from(page, async (data: NoteRecord) => restoreNote(db, data, options)),
  );
  backgroundMessenger.onMessage(
    'listDrafts',
    from(page, async (data: { personId: string }) => listDrafts(db, String(data?.personId ?? ''))),
  );
  backgroundMessenger.onMessage(
    'saveDraft',
    from(page, async (data: unknown) => saveDraft(db, data)),
  );
  backgroundMessenger.onMessage(
    'discardDraft',
    from(page, async (data: { key: string }) => discardDraft(db, data?.key)),
  );

  backgroundMessenger.onMessage(
    'openNoteSession',
    from(['content-script'], async (data: { personId: string; origin: { url: string; title: string; selection?: string } }, sender) => {
      await restored;
      const personId = data?.personId;
      if (typeof personId !== 'string' || !isKnownPerson(personId)) return null;
      const origin = trimOrigin({
        url: String(data.origin?.url ?? ''),
        title: String(data.origin?.title ?? ''),
        ...(typeof data.origin?.selection === 'string' ? { selection: data.origin.selection } : {}),
      });
      const session = sessions.open(senderFrame(sender)!, personId, origin);
      persist();
      return { sessionId: session.id };
    }),
  );
  backgroundMessenger.onMessage(
    'closeNoteSession',
    from(['content-script'], async (data: { sessionId: string }, sender) => {
      await restored;
      if (sessions.close(data?.sessionId, senderFrame(sender)!)) persist();
    }),
  );

  backgroundMessenger.onMessage('frameStart', async (message) => {
    try {
      return await inSession(async (session) => ({ personId: session.personId, origin: session.origin }))(message);
    } catch (error) {
      if (error instanceof NotAllowed) return null;
      throw error;
    }
  });
  // Whatever person the frame names, it gets its session's.
  backgroundMessenger.onMessage(
    'frameListNotes',
    inSession(async (session) => listNotes(db, { personId: session.personId })),
  );
  backgroundMessenger.onMessage(
    'frameUserLayer',
    inSession(async (session) => {
      const layer = (await db.people.get(session.personId)) ?? (await db.additions.get(session.personId));
      return layer ? { facts: layer.facts, tags: layer.tags } : null;
    }),
  );
  backgroundMessenger.onMessage(
    'frameListNotesPage',
    inSession(async (session, data: SessionScoped<{ query: NotesPageQuery }>) =>
      listNotesPage(db, { ...data.query, personId: session.personId }),
    ),
  );
  backgroundMessenger.onMessage(
    'frameCountNotes',
    inSession(async (session) => countNotes(db, session.personId)),
  );
  backgroundMessenger.onMessage(
    'frameSaveNote',
    inSession(async (session, data: SessionScoped<{ draft: NoteDraft }>): Promise<SaveNoteResult> => {
      const draft = NoteDraftSchema.safeParse(data.draft);
      if (!draft.success || draft.data.personId !== session.personId) {
        return { ok: false, reason: 'invalid', message: 'This notes box can only write notes on its own person.' };
      }
      // A new note comes from the page the card was opened on, as the content script told us; never from the frame.
      return saveNote(db, { ...draft.data, origin: draft.data.id === undefined ? session.origin : undefined }, options);
    }),
  );
  backgroundMessenger.onMessage(
    'frameDeleteNote',
    inSession(async (session, data: SessionScoped<{ id: string }>) => {
      const id = String(data.id ?? '');
      const note = await db.notes.get(id);
      if (note && note.personId !== session.personId) throw new NotAllowed('This notes box can only delete notes on its own person.');
      return deleteNote(db, id);
    }),
  );
  backgroundMessenger.onMessage(
    'frameRestoreNote',
    inSession(async (session, data: SessionScoped<{ note: NoteRecord }>) => {
      const note = NoteRecordSchema.safeParse(data.note);
      if (!note.success || note.data.personId !== session.personId)
        throw new NotAllowed('This notes box can only restore notes on its own person.');
      return restoreNote(db, note.data, options);
    }),
  );
  backgroundMessenger.onMessage(
    'frameListDrafts',
    inSession(async (session) => listDrafts(db, session.personId)),
  );
  backgroundMessenger.onMessage(
    'frameSaveDraft',
    inSession(async (session, data: SessionScoped<{ draft: unknown }>) => {
      const personId = (data.draft as { personId?: unknown } | null)?.personId;
      if (personId !== session.personId) return { ok: false as const, message: 'This notes box can only keep drafts on its own person.' };
      return saveDraft(db, data.draft);
    }),
  );
  backgroundMessenger.onMessage(
    'frameDiscardDraft',
    inSession(async (session, data: SessionScoped<{ key: string }>) => {
      const draft = await getDraft(db, data.key);
      if (draft && draft.personId === session.personId) await discardDraft(db, draft.key);
    }),
  );
  backgroundMessenger.onMessage(
    'frameEvent',
    inSession(async (session, data: SessionScoped<{ event: NoteFrameReport }>) => {
      if (data.event === 'leaving') {
        // Our frame never navigates itself, and the card ends the session before it removes the frame:
        // a frame leaving with its session still open was navigated by someone else.
        sessions.end(session.id);
        persist();
        await tell(session, 'ended');
      } else if (data.event === 'ready') {
        // Once: a second "ready" means the frame's document was loaded again, which the card sees as a navigation anyway.
        if (session.ready) return;
        session.ready = true;
        persist();
        await tell(session, 'ready');
      } else if (data.event === 'escape') {
        await tell(session, 'escape');
      }
    }),
  );
}
