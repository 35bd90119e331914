/**
 * The contract between the card (content script) and the notes frame
 * (note-frame.html, an extension page inside the card's shadow root).
 *
 * Why a frame: a page's capture-phase key listener on its own window sees
 * every key typed anywhere in its document, closed shadow roots included. Keys
 * typed in a cross-origin frame are dispatched in the frame's document only,
 * so the notes are typed, listed and saved where the page cannot reach.
 *
 * Down (card → frame): the frame's URL query, built and read here.
 * Up (frame → card): `postMessage` to the parent with a height or an Escape,
 * never note text, because the page's own listeners receive these messages too.
 * The card trusts a message only from its own frame's window and with the
 * nonce it put in that frame's URL.
 */
import { NOTE_LIMITS, type NoteOrigin } from './records';

export const NOTE_FRAME_PATH = '/note-frame.html';
export const NOTE_FRAME_SOURCE = 'talent-lens-note-frame';

/** The frame's height in the card, in px: room for the editor at least, and never so tall the card's other sections scroll away. */
export const NOTE_FRAME_HEIGHT = { min: 40, max: 320, initial: 132 } as const;

/** What the frame needs to know: whose notes, its nonce, and where a new note is written from. */
export interface NoteFrameParams {
  personId: string;
  frameId: string;
  origin: NoteOrigin;
}

export type NoteFrameMessage =
  | { source: typeof NOTE_FRAME_SOURCE; frameId: string; height: number }
  /** Escape with nothing unsaved in the frame: the card closes. */
  | { source: typeof NOTE_FRAME_SOURCE; frameId: string; action: 'escape' };

const FRAME_ID_LENGTH = 32;

/** A fresh unguessable nonce per frame (hex). */
export function newFrameId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(FRAME_ID_LENGTH / 2));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The origin trimmed to what the note store accepts, so a long URL or selection cannot make the save fail. */
export function trimOrigin(origin: NoteOrigin): NoteOrigin {
  const selection = origin.selection?.trim().slice(0, NOTE_LIMITS.selection);
  return {
    url: origin.url.slice(0, NOTE_LIMITS.url),
    title: origin.title.slice(0, NOTE_LIMITS.title),
    ...(selection ? { selection } : {}),
  };
}

/** The frame URL's query string (with its leading `?`). */
export function noteFrameQuery({ personId, frameId, origin }: NoteFrameParams): string {
  const trimmed = trimOrigin(origin);
  const query = new URLSearchParams({ person: personId, frame: frameId, url: trimmed.url, title: trimmed.title });
  if (trimmed.selection) query.set('selection', trimmed.selection);
  return `?${query}`;
}

/** Reads the frame's own query; null when it names no usable person or nonce (a hand-typed or stale URL). */
export function parseNoteFrameQuery(search: string): NoteFrameParams | null {
  const query = new URLSearchParams(search);
  const personId = query.get('person') ?? '';
  const frameId = query.get('frame') ?? '';
  if (!personId || personId.length > NOTE_LIMITS.id || !/^[0-9a-f]{32}$/.test(frameId)) return null;
  const selection = query.get('selection');
  return {
    personId,
    frameId,
    origin: trimOrigin({ url: query.get('url') ?? '', title: query.get('title') ?? '', ...(selection ? { selection } : {}) }),
  };
}

/** The frame's height clamped to the card's bounds; anything not a finite number gets the initial height. */
export function clampFrameHeight(height: unknown): number {
  if (typeof height !== 'number' || !Number.isFinite(height)) return NOTE_FRAME_HEIGHT.initial;
  return Math.min(NOTE_FRAME_HEIGHT.max, Math.max(NOTE_FRAME_HEIGHT.min, Math.ceil(height)));
}

/** A message from the frame with this nonce, or null for anything else the page's window receives. */
export function readNoteFrameMessage(data: unknown, frameId: string): { height: number } | { action: 'escape' } | null {
  if (typeof data !== 'object' || data === null) return null;
  const message = data as Partial<Record<string, unknown>>;
  if (message.source !== NOTE_FRAME_SOURCE || message.frameId !== frameId) return null;
  if (message.action === 'escape') return { action: 'escape' };
  if (typeof message.height === 'number' && Number.isFinite(message.height)) return { height: clampFrameHeight(message.height) };
  return null;
}
