import { useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { NoteOrigin } from '@/utils/notes/records';
import { NOTE_FRAME_HEIGHT, NOTE_FRAME_PATH, newFrameId, noteFrameQuery, readNoteFrameMessage } from '@/utils/notes/note-frame';
import { t } from '@/utils/i18n';

export interface CardNotesProps {
  personId: string;
  /** Where a new note is written from: this page and the selection when the card opened. */
  origin: NoteOrigin;
  /** Escape pressed in the frame with nothing unsaved: the card closes as if Escape had been pressed in it. */
  onEscape(): void;
}

/** The frame's margin that lets its focus rings show (it pads its content by as much, see frame-css.ts). */
const FOCUS_ROOM = 3;

/**
 * The user's private notes on this person, in an extension-origin frame
 * (note-frame.html): the page can neither read them nor see the keys typed
 * into them, which it could in our shadow root (a capture-phase listener on
 * the page's window sees every key typed anywhere in its document).
 */
export function CardNotes({ personId, origin, onEscape }: CardNotesProps) {
  const heading = useId();
  const frame = useRef<HTMLIFrameElement>(null);
  // One nonce per mounted frame: the card takes messages only from its own frame's window with this nonce.
  const frameId = useMemo(newFrameId, []);
  const src = useMemo(() => browser.runtime.getURL(NOTE_FRAME_PATH) + noteFrameQuery({ personId, frameId, origin }), [personId, frameId, origin]);
  const [height, setHeight] = useState<number>(NOTE_FRAME_HEIGHT.initial);

  // A layout effect: listening from the moment the frame is in the card, before it can have loaded and posted.
  useLayoutEffect(() => {
    const onMessage = (event: MessageEvent) => {
      try {
        // Only our frame's window: a page can dispatch its own message events on this window (with any data, even
        // our nonce, which it sees in the frame's real messages), but it cannot reach the frame's window to name it.
        const own = frame.current?.contentWindow;
        if (!own || event.source !== own) return;
        const message = readNoteFrameMessage(event.data, frameId);
        if (!message) return;
        if ('height' in message) setHeight(message.height);
        else onEscape();
      } catch (cause) {
        console.error('[talent-lens] reading a message from the notes frame failed', cause);
      }
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [frameId, onEscape]);

  return (
    <section class="tl-section" aria-labelledby={heading} data-testid="card-notes">
      <h3 id={heading} class="tl-section-heading">
        {t('cardNotesHeading')}
      </h3>
      <p class="tl-muted tl-small">{t('cardNotesPrivate')}</p>
      <iframe
        ref={frame}
        src={src}
        title={t('cardNotesFrameTitle')}
        data-testid="card-notes-frame"
        style={{
          display: 'block',
          width: `calc(100% + ${2 * FOCUS_ROOM}px)`,
          height: `${height}px`,
          margin: `-${FOCUS_ROOM}px`,
          border: '0',
          padding: '0',
          background: 'transparent',
          colorScheme: 'light dark',
        }}
      />
    </section>
  );
}
