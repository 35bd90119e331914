import { render } from 'preact';
import { backgroundMessenger } from '@/utils/messaging';
import { sessionNotesClient } from '@/utils/notes/client';
import { schemeFromHash, sessionIdFromHash } from '@/utils/notes/note-frame';
import { NoteFrame } from './NoteFrame';
import { NOTE_FRAME_CSS } from './frame-css';
import { logError } from '@/utils/log';
import { applyUiLanguage } from '@/utils/ui-language';

// Drawn for the card's background (see frame-css.ts), before anything shows.
const scheme = schemeFromHash(location.hash);
if (scheme) document.documentElement.dataset.scheme = scheme;
const style = document.createElement('style');
style.textContent = NOTE_FRAME_CSS;
document.head.append(style);
const app = document.getElementById('app')!;
const loaded = new Promise<void>((resolve) =>
  document.readyState === 'complete' ? resolve() : addEventListener('load', () => resolve(), { once: true }),
);

// Nothing private is shown until the background confirms the session is this frame's own: framed by
// anyone but our card (a page that learnt this file's address, say), the frame shows a notice and acts on nothing.
void (async () => {
  // The reader's UI language (Settings), as the card around this frame has it; it sets the document's lang.
  await applyUiLanguage();
  const sessionId = sessionIdFromHash(location.hash);
  const subject = sessionId ? await backgroundMessenger.sendMessage('frameStart', { sessionId }).catch(() => null) : null;
  if (!sessionId || !subject) {
    render(<NoteFrame subject={null} />, app);
    return;
  }
  const escape = () => void backgroundMessenger.sendMessage('frameEvent', { sessionId, event: 'escape' }).catch(() => undefined);
  const userLayer = await backgroundMessenger.sendMessage('frameUserLayer', { sessionId }).catch(() => null);
  render(<NoteFrame subject={subject} client={sessionNotesClient(sessionId)} onEscape={escape} userLayer={userLayer} />, app);
  // Navigated by someone else (we never navigate this frame): said as early as the browser lets us, at the
  // navigation's start and again as this document goes, so the card removes the frame before, or as soon as,
  // the new document shows, whether or not that document ever finishes loading.
  const leaving = () => void backgroundMessenger.sendMessage('frameEvent', { sessionId, event: 'leaving' }).catch(() => undefined);
  addEventListener('beforeunload', leaving);
  addEventListener('pagehide', leaving);
  // "ready" after this document's load event: the card shows the frame only then, and takes any later load
  // of the frame as someone navigating it.
  await loaded;
  await backgroundMessenger.sendMessage('frameEvent', { sessionId, event: 'ready' }).catch((cause) => {
    logError('the notes frame could not reach the background', cause);
  });
})();
