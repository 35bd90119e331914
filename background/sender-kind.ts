/**
 * Which of our contexts sent a message, from what the browser itself says
 * about the sender (never from anything in the message).
 *
 * - `extension-page`: one of our pages as a top-level document (the popup, the
 *   notes page). Full access to the notes.
 * - `note-frame`: note-frame.html framed in a tab. Access only through a
 *   note session (note-sessions.ts), to one person's notes.
 * - `content-script`: our content script in a web page. It runs beside a
 *   hostile page, so it gets no note at all; it may open a note session, and
 *   read public data (the dataset).
 * - `other`: anything else, e.g. note-frame.html opened as a page of its own,
 *   or one of our pages framed by another of ours. Nothing private.
 */
export type SenderKind = 'extension-page' | 'note-frame' | 'content-script' | 'other';

/** The fields of runtime.MessageSender this reads. */
export interface MessageSenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  /** The tab's `url` only where the browser gives it (not without the `tabs` or a host permission in Chrome). */
  tab?: { id?: number; url?: string };
}

export interface OwnExtension {
  id: string;
  /** The note frame's path, e.g. `/note-frame.html`. */
  noteFramePath: string;
}

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:', 'extension:']);

export function senderKind(sender: MessageSenderLike | undefined, own: OwnExtension): SenderKind {
  if (!sender || sender.id !== own.id || typeof sender.url !== 'string') return 'other';
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return 'other';
  }
  const topLevel = sender.frameId === undefined || sender.frameId === 0;
  if (!EXTENSION_SCHEMES.has(url.protocol)) return sender.tab?.id !== undefined ? 'content-script' : 'other';
  if (url.pathname === own.noteFramePath) return !topLevel && sender.tab?.id !== undefined ? 'note-frame' : 'other';
  return topLevel ? 'extension-page' : 'other';
}

/** The tab and frame of a sender in a tab; null for a sender outside any tab (the popup). */
export function senderFrame(sender: MessageSenderLike | undefined): { tabId: number; frameId: number } | null {
  const tabId = sender?.tab?.id;
  if (typeof tabId !== 'number') return null;
  return { tabId, frameId: typeof sender?.frameId === 'number' ? sender.frameId : 0 };
}

/** Refused: said in plain words to the sender, which logs it. */
export class NotAllowed extends Error {}

/** A message as a background handler receives it. */
export interface GatedMessage<D> {
  data: D;
  sender: MessageSenderLike;
}

/**
 * Gates handlers on who sent the message: `gated(own)(kinds, handler)` runs the
 * handler for the kinds of sender listed and refuses anyone else before it runs.
 */
export function gated(own: OwnExtension) {
  return <D, R>(kinds: SenderKind[], handler: (data: D, sender: MessageSenderLike) => Promise<R>) =>
    async ({ data, sender }: GatedMessage<D>): Promise<R> => {
      const kind = senderKind(sender, own);
      if (!kinds.includes(kind)) throw new NotAllowed(`Talent Lens refused a request from a ${kind} sender.`);
      return handler(data, sender);
    };
}
