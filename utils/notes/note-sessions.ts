/**
 * Note sessions: how the card's notes frame gets at one person's notes, and
 * nothing else, without the page being able to stand in for it.
 *
 * The content script opens a session for the person its card shows; the
 * background answers with an unguessable id, which the content script puts in
 * the frame's URL fragment (inside its closed shadow root, where the page
 * cannot read it; neither browser reports extension frames in the page's
 * resource timing, and frames in shadow trees are not in `window.frames`). The
 * frame presents the id with every request. A session:
 * - belongs to one tab, and to the frame of that tab that first presented it:
 *   a second frame presenting the same id ends the session (someone copied it);
 * - serves one person's notes and drafts, never the list of all notes;
 * - ends when the card closes, when its tab goes, or after an idle hour.
 *
 * Pure bookkeeping, free of browser APIs, so it runs in Node. The background
 * keeps the registry in memory and mirrors it to `storage.session` so a
 * stopped service worker does not orphan an open card (see handlers.ts).
 */
import type { NoteOrigin } from '@/utils/notes/records';

/** Who sent a message, as the background sees it (the fields of runtime.MessageSender we use). */
export interface SenderFrame {
  tabId: number;
  frameId: number;
}

export interface NoteSession {
  id: string;
  personId: string;
  /** Where a new note written in the frame comes from. */
  origin: NoteOrigin;
  tabId: number;
  /** The content script's frame: where the frame's events (ready, escape) are delivered. */
  ownerFrameId: number;
  /** The notes frame that presented the id first; set on that first request. */
  frameId?: number;
  /** Set once the frame said it loaded; a second "ready" is refused. */
  ready?: boolean;
  lastUsed: number;
}

/** Idle time after which a session is gone (the card was left open in a background tab, say). */
export const NOTE_SESSION_IDLE_MS = 60 * 60 * 1000;
/** Sessions one tab may hold at once; the oldest goes first. A card holds one, a few frames (later) a few more. */
export const NOTE_SESSIONS_PER_TAB = 8;

const SESSION_ID = /^[0-9a-f]{32}$/;

export function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && SESSION_ID.test(value);
}

/** 128 random bits, hex. */
export function newSessionId(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return [...random(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export type ClaimResult =
  | { ok: true; session: NoteSession }
  | { ok: false; reason: 'unknown' | 'wrong-tab' | 'owner' }
  /** The session existed and has just been ended because a second frame presented it. */
  | { ok: false; reason: 'ended'; session: NoteSession };

export class NoteSessionRegistry {
  private readonly sessions = new Map<string, NoteSession>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly newId: () => string = () => newSessionId(),
  ) {}

  /** A session for the content script at `owner`, showing `personId`. */
  open(owner: SenderFrame, personId: string, origin: NoteOrigin): NoteSession {
    this.sweep();
    const inTab = [...this.sessions.values()].filter((s) => s.tabId === owner.tabId).sort((a, b) => a.lastUsed - b.lastUsed);
    for (const old of inTab.slice(0, Math.max(0, inTab.length - NOTE_SESSIONS_PER_TAB + 1))) this.sessions.delete(old.id);
    const session: NoteSession = {
      id: this.newId(),
      personId,
      origin,
      tabId: owner.tabId,
      ownerFrameId: owner.frameId,
      lastUsed: this.now(),
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /**
   * The session `id` for a request from the notes frame at `sender`. The first
   * frame to present it is bound to it; another frame of the same tab presenting
   * it ends it, since only a copy of our frame's URL could carry it there.
   */
  claim(id: unknown, sender: SenderFrame): ClaimResult {
    this.sweep();
    if (!isSessionId(id)) return { ok: false, reason: 'unknown' };
    const session = this.sessions.get(id);
    if (!session) return { ok: false, reason: 'unknown' };
    if (session.tabId !== sender.tabId) return { ok: false, reason: 'wrong-tab' };
    // The content script itself never reads notes through a session.
    if (sender.frameId === session.ownerFrameId) return { ok: false, reason: 'owner' };
    if (session.frameId !== undefined && session.frameId !== sender.frameId) {
      this.sessions.delete(id);
      return { ok: false, reason: 'ended', session };
    }
    session.frameId = sender.frameId;
    session.lastUsed = this.now();
    return { ok: true, session };
  }

  /** Ends a session, when asked by the content script that opened it. */
  close(id: unknown, owner: SenderFrame): boolean {
    const session = isSessionId(id) ? this.sessions.get(id) : undefined;
    if (!session || session.tabId !== owner.tabId || session.ownerFrameId !== owner.frameId) return false;
    return this.sessions.delete(session.id);
  }

  /** Ends a session whatever asks: the frame it belongs to misbehaved. */
  end(id: string): NoteSession | undefined {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    return session;
  }

  closeTab(tabId: number): void {
    // Deleting the entry being visited is safe in a Map's iteration.
    for (const session of this.sessions.values()) if (session.tabId === tabId) this.sessions.delete(session.id);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** What to store to survive a service-worker restart. */
  snapshot(): NoteSession[] {
    return [...this.sessions.values()].map((s) => ({ ...s }));
  }

  /** Restores a snapshot, dropping anything malformed (an older version's, say). */
  restore(saved: unknown): void {
    if (!Array.isArray(saved)) return;
    for (const item of saved) {
      const s = item as Partial<NoteSession> | null;
      if (
        s &&
        isSessionId(s.id) &&
        typeof s.personId === 'string' &&
        typeof s.tabId === 'number' &&
        typeof s.ownerFrameId === 'number' &&
        typeof s.lastUsed === 'number' &&
        s.origin &&
        typeof s.origin.url === 'string' &&
        typeof s.origin.title === 'string' &&
        !this.sessions.has(s.id)
      ) {
        this.sessions.set(s.id, { ...(s as NoteSession) });
      }
    }
    this.sweep();
  }

  private sweep(): void {
    const cutoff = this.now() - NOTE_SESSION_IDLE_MS;
    for (const session of this.sessions.values()) if (session.lastUsed < cutoff) this.sessions.delete(session.id);
  }
}
