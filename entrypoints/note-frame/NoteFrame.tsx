import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { NoteList } from '@/components/notes/NoteList';
import type { NotesClient } from '@/utils/notes/client';
import { NOTE_FRAME_SOURCE, type NoteFrameMessage, type NoteFrameParams } from '@/utils/notes/note-frame';
import { t } from '@/utils/i18n';

export interface NoteFrameProps {
  /** From the frame's URL; null when the URL names no person (then nothing is shown but a short message). */
  params: NoteFrameParams | null;
  client: NotesClient;
  /** Sends a message to the card; the page's window receives it, so it carries a height or an Escape, never text. */
  post(message: NoteFrameMessage): void;
}

/**
 * The card's notes, inside an extension-origin frame: the person's notes,
 * edited in place, and an editor for a new one that records the page the card
 * was opened on. Tells the card its height (the card sizes the frame) and
 * passes Escape on to close the card, except an Escape that would throw away
 * typed text: that one only leaves the editor, as it did in the card itself.
 */
export function NoteFrame({ params, client, post }: NoteFrameProps) {
  const container = useRef<HTMLDivElement>(null);
  const frameId = params?.frameId;

  /** Posts the content's height if it changed; set while the frame has a nonce to post with. */
  const reportHeight = useRef<(() => void) | null>(null);
  // Bumped when the notes load or change, so the height is measured after they are rendered.
  const [, setNotesVersion] = useState(0);

  useLayoutEffect(() => {
    const element = container.current;
    if (!element || !frameId) return;
    let last = -1;
    const report = () => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      post({ source: NOTE_FRAME_SOURCE, frameId, height });
    };
    reportHeight.current = report;
    // Every later change (a note edited in place, the editor resized…). Observing reports the first size too,
    // but Chromium runs no observers in a cross-origin frame it does not render (scrolled out of the card's
    // view): the measurement after each render below keeps the card's size right in the meantime.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(report) : null;
    observer?.observe(element);
    report();
    return () => {
      reportHeight.current = null;
      observer?.disconnect();
    };
  }, [frameId, post]);

  useLayoutEffect(() => reportHeight.current?.());

  useEffect(() => {
    if (!frameId) return;
    // On the document, so an Escape on the frame's body (after a click on empty space) counts too.
    // An editor open on an existing note keeps its Escape (it cancels the edit and stops it there).
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      const field = event.target;
      if (field instanceof HTMLTextAreaElement && field.value.trim() !== '') container.current?.focus();
      else post({ source: NOTE_FRAME_SOURCE, frameId, action: 'escape' });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [frameId, post]);

  return (
    <div ref={container} class="tl-note-frame" tabIndex={-1} data-testid="note-frame">
      {params ? (
        <NoteList client={client} personId={params.personId} origin={params.origin} onNotesChange={() => setNotesVersion((v) => v + 1)} />
      ) : (
        <p class="tl-note-error" role="alert">
          {t('notesLoadFailed')}
        </p>
      )}
    </div>
  );
}
