/**
 * The card's side of a note session (content script): open it, close it, and
 * hear what the background relays about its frame. One `noteFrameEvent`
 * listener serves every open session, since the messenger allows one per type.
 */
import { backgroundMessenger, tabMessenger, type NoteFrameEvent } from '@/utils/messaging';
import { noteFrameUrl } from '@/utils/notes/note-frame';
import type { NoteOrigin } from '@/utils/notes/records';
import type { ColorScheme } from '@/utils/color-scheme';

export interface NoteSessionPort {
  /** A new session's id, or null when the background knows no such person. */
  open(personId: string, origin: NoteOrigin): Promise<string | null>;
  close(sessionId: string): void;
  onEvent(sessionId: string, handler: (event: NoteFrameEvent) => void): () => void;
  /** The frame's address for a session, with the card's colour scheme (absent: it follows the browser's). */
  frameUrl(sessionId: string, scheme?: ColorScheme): string;
}

const handlers = new Map<string, (event: NoteFrameEvent) => void>();
let stopListening: (() => void) | null = null;

function listen(sessionId: string, handler: (event: NoteFrameEvent) => void): () => void {
  stopListening ??= tabMessenger.onMessage('noteFrameEvent', ({ data, sender }) => {
    // Only the background sends these; a content script cannot message itself.
    if (sender.id !== browser.runtime.id || sender.tab) return;
    handlers.get(data?.sessionId)?.(data.event);
  });
  handlers.set(sessionId, handler);
  return () => {
    handlers.delete(sessionId);
    if (handlers.size === 0) {
      stopListening?.();
      stopListening = null;
    }
  };
}

export const backgroundNoteSessions: NoteSessionPort = {
  open: async (personId, origin) => (await backgroundMessenger.sendMessage('openNoteSession', { personId, origin }))?.sessionId ?? null,
  close: (sessionId) => void backgroundMessenger.sendMessage('closeNoteSession', { sessionId }).catch(() => undefined),
  onEvent: listen,
  frameUrl: (sessionId, scheme) => noteFrameUrl((path) => browser.runtime.getURL(path as '/note-frame.html'), sessionId, scheme),
};
