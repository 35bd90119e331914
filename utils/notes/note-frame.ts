/**
 * The card's notes frame (note-frame.html, an extension page inside the card's
 * closed shadow root): what the card and the frame agree on.
 *
 * Why a frame: a page's capture-phase key listener on its own window sees
 * every key typed anywhere in its document, closed shadow roots included. Keys
 * typed in a cross-origin frame are dispatched in the frame's document only,
 * so the notes are typed, listed and saved where the page cannot reach.
 *
 * Nothing passes between the card and the frame through the page's window:
 * no postMessage (a page's `message` listener would get the frame's window as
 * `event.source`, and could navigate it, and the extension's origin with it).
 * The card names a note session in the frame's URL fragment; the frame talks
 * to the background with that session (note-sessions.ts), and the background
 * relays the little the card needs to hear (ready, Escape) to the card's
 * content script. The frame has a fixed height and scrolls inside, so its size
 * says nothing about how many notes there are.
 */
import { NOTE_LIMITS, type NoteOrigin } from './records';
import { isSessionId } from './note-sessions';
import type { ColorScheme } from '@/utils/color-scheme';

export const NOTE_FRAME_PATH = '/note-frame.html';

/** The frame's fixed height in the card, in px: the editor and about two notes; more scroll inside the frame. */
export const NOTE_FRAME_HEIGHT = 220;

/**
 * How long the card waits for the frame to say it loaded before it gives up
 * and says so. The frame stays invisible until then, so a document put in its
 * place is never shown.
 */
export const NOTE_FRAME_READY_TIMEOUT_MS = 10_000;

/** The origin trimmed to what the note store accepts, so a long URL or selection cannot make the save fail. */
export function trimOrigin(origin: NoteOrigin): NoteOrigin {
  const selection = origin.selection?.trim().slice(0, NOTE_LIMITS.selection);
  return {
    url: origin.url.slice(0, NOTE_LIMITS.url),
    title: origin.title.slice(0, NOTE_LIMITS.title),
    ...(selection ? { selection } : {}),
  };
}

/**
 * The frame's URL for a session: the id in the fragment, which no request carries, and the card's
 * colour scheme after it (`#<id>.dark`), so the frame is drawn for the card's background before it
 * shows. The page can read neither (the frame is in the card's closed shadow root, of another origin).
 */
export function noteFrameUrl(extensionUrl: (path: string) => string, sessionId: string, scheme?: ColorScheme): string {
  return `${extensionUrl(NOTE_FRAME_PATH)}#${sessionId}${scheme ? `.${scheme}` : ''}`;
}

/** The session id the frame was opened with, or null for a hand-typed or stale URL. */
export function sessionIdFromHash(hash: string): string | null {
  const id = hash.replace(/^#/, '').split('.')[0];
  return isSessionId(id) ? id : null;
}

/** The card's colour scheme the frame was opened with, or null (then it follows the browser's). */
export function schemeFromHash(hash: string): ColorScheme | null {
  const scheme = hash.split('.')[1];
  return scheme === 'light' || scheme === 'dark' ? scheme : null;
}
