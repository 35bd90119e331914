import { useEffect, useRef } from 'preact/hooks';
import { NoteList } from '@/components/notes/NoteList';
import type { NotesClient } from '@/utils/notes/client';
import type { NoteOrigin } from '@/utils/notes/records';
import { t } from '@/utils/i18n';
import { UserFacts } from '@/components/people/UserFacts';
import type { UserFact } from '@/utils/people/records';

export type NoteFrameProps =
  /** The frame's session was not confirmed by the background: nothing private is shown, nothing is done. */
  | { subject: null }
  | {
      /** Whose notes, and where a new note is written from: as the background holds them for the session. */
      subject: { personId: string; origin: NoteOrigin };
      client: NotesClient;
      /** What the reader added about the person, shown here, out of the page's reach, before the notes. */
      userLayer?: { facts: UserFact[]; tags: string[] } | null;
      /** Escape with nothing unsaved in the frame: the card closes. */
      onEscape(): void;
    };

/**
 * The card's notes, inside an extension-origin frame: the person's notes,
 * edited in place, and an editor for a new one that records the page the card
 * was opened on. Escape closes the card, except an Escape that would throw
 * away typed text: that one only leaves the editor, as it did in the card itself.
 */
export function NoteFrame(props: NoteFrameProps) {
  const container = useRef<HTMLDivElement>(null);
  const onEscape = props.subject ? props.onEscape : null;

  useEffect(() => {
    if (!onEscape) return;
    // On the document, so an Escape on the frame's body (after a click on empty space) counts too.
    // An editor open on an existing note keeps its Escape (it cancels the edit and stops it there).
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !event.isTrusted) return;
      event.preventDefault();
      const field = event.target;
      if (field instanceof HTMLTextAreaElement && field.value.trim() !== '') container.current?.focus();
      else onEscape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onEscape]);

  return (
    <div ref={container} class="tl-note-frame" tabIndex={-1} data-testid="note-frame">
      {props.subject ? (
        <>
          {props.userLayer && <UserFacts facts={props.userLayer.facts} tags={props.userLayer.tags} />}
          <NoteList client={props.client} personId={props.subject.personId} origin={props.subject.origin} />
        </>
      ) : (
        <p class="tl-note-error" role="alert" data-testid="note-frame-unconnected">
          {t('noteFrameNotConnected')}
        </p>
      )}
    </div>
  );
}
