import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { NoteOrigin } from '@/utils/notes/records';
import type { ColorScheme } from '@/utils/color-scheme';
import { NOTE_FRAME_HEIGHT, NOTE_FRAME_READY_TIMEOUT_MS } from '@/utils/notes/note-frame';
import { backgroundNoteSessions, type NoteSessionPort } from '@/content/card/note-session-port';
import { onlyTrusted } from '@/content/trusted';
import { t } from '@/utils/i18n';
import { logError } from '@/utils/log';

export interface CardNotesProps {
  personId: string;
  /** Where a new note is written from: this page and the selection when the card opened. */
  origin: NoteOrigin;
  /** Escape pressed in the frame with nothing unsaved: the card closes as if Escape had been pressed in it. */
  onEscape(): void;
  /** The card's colour scheme, which the frame takes too; absent: both follow the browser's. */
  scheme?: ColorScheme | undefined;
  /** The background's note sessions; tests hand in a fake. */
  sessions?: NoteSessionPort;
}

/** The frame's margin that lets its focus rings show (it pads its content by as much, see frame-css.ts). */
const FOCUS_ROOM = 3;

type Phase = 'opening' | 'loading' | 'shown' | 'tampered' | 'unavailable';

/**
 * The user's private notes on this person, in an extension-origin frame
 * (note-frame.html): the page can neither read them nor see the keys typed
 * into them, which it could in our shadow root (a capture-phase listener on
 * the page's window sees every key typed anywhere in its document).
 *
 * The frame is invisible until the background says our frame loaded with our
 * session (utils/notes/note-frame.ts). It loads once: a second load means
 * someone navigated it, and a session presented by a second frame means
 * someone copied it. Either way the frame is removed at once and the card
 * says so; nothing was shown to the page, and the notes are untouched.
 */
export function CardNotes({ personId, origin, onEscape, scheme, sessions = backgroundNoteSessions }: CardNotesProps) {
  const heading = useId();
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhaseState] = useState<Phase>('opening');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const loads = useRef(0);
  const frame = useRef<HTMLIFrameElement>(null);
  const section = useRef<HTMLElement>(null);
  /** Set when the frame is taken away while it holds the user's focus: focus then stays in the card. */
  const keepFocus = useRef(false);
  /** The scheme the open session's frame was given: its URL must never change (a second load is taken as tampering). */
  const frameScheme = useRef(scheme);
  const escape = useRef(onEscape);
  escape.current = onEscape;
  // Every change of phase goes through here: a change that removes the frame while the user's
  // focus is in it would otherwise drop focus to the page's body, out of the card.
  const setPhase = (next: Phase | ((current: Phase) => Phase)) => {
    const element = frame.current;
    if (element && (element.getRootNode() as Document | ShadowRoot).activeElement === element) keepFocus.current = true;
    setPhaseState(next);
  };

  useEffect(() => {
    let live = true;
    let id: string | null = null;
    let stop = () => {};
    loads.current = 0;
    setPhase('opening');
    setSessionId(null);
    const timer = setTimeout(
      () => live && setPhase((p) => (p === 'opening' || p === 'loading' ? 'unavailable' : p)),
      NOTE_FRAME_READY_TIMEOUT_MS,
    );
    sessions.open(personId, origin).then(
      (opened) => {
        if (!live) {
          if (opened) sessions.close(opened);
          return;
        }
        if (!opened) return setPhase('unavailable');
        id = opened;
        frameScheme.current = scheme;
        stop = sessions.onEvent(opened, (event) => {
          if (event === 'escape') escape.current();
          else if (event === 'ready') setPhase((p) => (p === 'loading' && loads.current <= 1 ? 'shown' : p));
          else setPhase('tampered');
        });
        setSessionId(opened);
        setPhase('loading');
      },
      (cause: unknown) => {
        logError('opening the notes failed', cause);
        if (live) setPhase('unavailable');
      },
    );
    return () => {
      live = false;
      clearTimeout(timer);
      stop();
      if (id) sessions.close(id);
    };
  }, [personId, origin, scheme, sessions, attempt]);

  // Removed from the card, the frame's session is of no more use to anyone.
  useEffect(() => {
    if (phase === 'tampered' && sessionId) sessions.close(sessionId);
  }, [phase, sessionId, sessions]);

  const onLoad = onlyTrusted(() => {
    loads.current += 1;
    if (loads.current > 1) setPhase('tampered');
  });

  const framed = sessionId && (phase === 'loading' || phase === 'shown');
  useEffect(() => {
    if (!keepFocus.current) return;
    keepFocus.current = false;
    if (!framed) section.current?.focus();
  }, [framed]);
  return (
    <section ref={section} tabIndex={-1} class="tl-section" aria-labelledby={heading} data-testid="card-notes">
      <h3 id={heading} class="tl-section-heading">
        {t('cardNotesHeading')}
      </h3>
      <p class="tl-muted tl-small">{t('cardNotesPrivate')}</p>
      {phase === 'tampered' && (
        <div role="alert" class="tl-notice" data-testid="card-notes-tampered">
          <p>{t('cardNotesTampered')}</p>
          <button type="button" class="tl-link-button" onClick={onlyTrusted(() => setAttempt((n) => n + 1))}>
            {t('cardNotesShowAgain')}
          </button>
        </div>
      )}
      {phase === 'unavailable' && (
        <p role="status" class="tl-muted tl-small" data-testid="card-notes-unavailable">
          {t('cardNotesUnavailable')}
        </p>
      )}
      {framed && (
        <iframe
          key={sessionId}
          src={sessions.frameUrl(sessionId, frameScheme.current)}
          title={t('cardNotesFrameTitle')}
          data-testid="card-notes-frame"
          ref={frame}
          onLoad={onLoad}
          // Not focusable nor visible until our frame said it loaded: a document put in its place is
          // never shown. `inert` as well: nothing in it answers input until then, whatever its style.
          tabIndex={phase === 'shown' ? 0 : -1}
          inert={phase !== 'shown'}
          aria-hidden={phase === 'shown' ? undefined : 'true'}
          style={{
            display: 'block',
            visibility: phase === 'shown' ? 'visible' : 'hidden',
            width: `calc(100% + ${2 * FOCUS_ROOM}px)`,
            height: `${NOTE_FRAME_HEIGHT}px`,
            margin: `-${FOCUS_ROOM}px`,
            border: '0',
            padding: '0',
            background: 'transparent',
            // As the frame's own root: where the two differ, the browser paints an opaque backdrop behind the frame.
            colorScheme: frameScheme.current ?? 'light dark',
          }}
        />
      )}
    </section>
  );
}
