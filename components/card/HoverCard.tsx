import { onlyTrusted } from '@/content/trusted';
import { useId, useRef, useState } from 'preact/hooks';
import type { PersonCard } from '@/data/schema';
import type { NoteOrigin } from '@/utils/notes/records';
import { isUserPersonId } from '@/utils/people/records';
import { t } from '@/utils/i18n';
import { CardNotes } from './CardNotes';
import { CardWhy, type CardMention } from './CardWhy';
import { headingText } from './why-line';
import { displayName, OtherNames, PersonFacts } from './PersonFacts';
import type { CardLang } from './text';
import type { ColorScheme } from '@/utils/color-scheme';
import { logError } from '@/utils/log';
import { keyScrollTop } from '@/utils/scroll-keys';

export type CardState =
  | { status: 'loading' }
  /** The background did not answer (extension updated, worker failed…). */
  | { status: 'error' }
  /** The background answered, but knows no such person. */
  | { status: 'missing' }
  | { status: 'ready'; card: PersonCard };

/** What the card can ask of its host; injected so components stay testable. */
export interface CardActions {
  close(): void;
  retry(): void;
  openPage(page: 'popup' | 'notes' | 'explore'): Promise<void>;
  turnOffSite(): Promise<void>;
  /** "Not this person": the mark goes from the page and the choice is kept for the site. */
  notThisPerson?(): Promise<void>;
}

export interface HoverCardProps {
  personId: string;
  /** The mention's text on the page, shown as the title until the details arrive. */
  mentionText: string;
  state: CardState;
  lang: CardLang;
  /** Where a note written in the card comes from (passed to the notes frame). */
  origin: NoteOrigin;
  actions: CardActions;
  /** Why this mention is marked, and its text; absent outside a page (tests of other parts). */
  mention?: CardMention;
  /** The page's scheme behind the mention (content/card/page-scheme.ts); absent: the browser's. */
  scheme?: ColorScheme;
  /** The card is in a child frame: "Turn off" says it is the tab's site it turns off, not the frame's. */
  inFrame?: boolean;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select, [tabindex]:not([tabindex="-1"])';

/** Focusable elements in tab order, skipping collapsed panels. */
export function focusables(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

/**
 * The card: a non-modal dialog labelled by the person's name. Tab cycles
 * inside it (through the notes frame on the way); Escape closes it (the host
 * returns focus to the page). Keys typed in the notes frame never reach the
 * card: the frame passes Escape on itself, except one that would throw away
 * unsaved text, which only leaves the note. Every button answers only the
 * reader's own clicks and keys (onlyTrusted), never a click a script made up.
 */
export function HoverCard({ personId, mentionText, state, lang, origin, actions, mention, scheme, inFrame = false }: HoverCardProps) {
  const nameId = useId();
  const body = useRef<HTMLDivElement>(null);
  const [actionError, setActionError] = useState(false);

  const run = (action: () => Promise<void>) => {
    setActionError(false);
    action().catch((cause: unknown) => {
      logError('card action failed', cause);
      setActionError(true);
    });
  };

  function onKeyDown(event: KeyboardEvent) {
    const dialog = event.currentTarget as HTMLElement;
    if (event.key === 'Escape') {
      actions.close();
      event.preventDefault();
      event.stopPropagation();
    } else if (scrollBody(event)) {
      event.preventDefault();
    } else if (event.key === 'Tab') {
      const items = focusables(dialog);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement;
      if (event.shiftKey && (active === first || active === dialog)) {
        last.focus();
        event.preventDefault();
      } else if (!event.shiftKey && active === last) {
        first.focus();
        event.preventDefault();
      }
    }
  }

  /**
   * Arrows, Page Up/Down, Home and End scroll the body from anywhere in the card, except in a text
   * field; the card scrolls itself so the page never does (a page scrolled under the card moves
   * the mention away, which closes the card).
   */
  function scrollBody(event: KeyboardEvent): boolean {
    const element = body.current;
    if (!element || event.altKey || event.ctrlKey || event.metaKey) return false;
    if ((event.target as Element | null)?.closest?.('textarea, input, select')) return false;
    const top = keyScrollTop(event.key, element);
    if (top === null) return false;
    element.scrollTop = top;
    return true;
  }

  const card = state.status === 'ready' ? state.card : null;
  const person = card?.person;
  const title = person ? displayName(person, lang) : mentionText;

  return (
    <div
      class="tl-card"
      role="dialog"
      aria-labelledby={nameId}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-testid="card"
      {...(scheme ? { 'data-scheme': scheme } : {})}
    >
      <header class="tl-header">
        <div class="tl-names">
          <h2 id={nameId} class="tl-name">
            {person ? headingText(displayName(person, lang), mention?.explanation?.confidence, t) : mentionText}
          </h2>
          {person && <OtherNames person={person} lang={lang} />}
        </div>
        <button type="button" class="tl-icon-button" aria-label={t('cardClose')} onClick={onlyTrusted(() => actions.close())}>
          ×
        </button>
      </header>
      {mention && (
        <CardWhy
          mention={mention}
          personName={person ? displayName(person, lang) : mentionText}
          lang={lang}
          {...(actions.notThisPerson ? { onNotThisPerson: () => run(actions.notThisPerson!) } : {})}
        />
      )}

      {/* A region of its own, in the tab order: a keyboard user can reach it and scroll it even where it holds nothing to tab to. */}
      <div class="tl-body" ref={body} role="region" aria-label={t('cardBodyLabel', title)} tabIndex={0} data-testid="card-body">
        {state.status === 'loading' && (
          <p class="tl-status" role="status" data-testid="card-loading">
            {t('cardLoading')}
          </p>
        )}
        {state.status === 'error' && (
          <p class="tl-status tl-error" role="alert" data-testid="card-error">
            {t('cardError')}{' '}
            <button type="button" class="tl-link-button" onClick={onlyTrusted(() => actions.retry())}>
              {t('cardRetry')}
            </button>
          </p>
        )}
        {state.status === 'missing' && (
          <p class="tl-status" data-testid="card-missing">
            {t(isUserPersonId(personId) ? 'cardYourPerson' : 'cardMissing')}
          </p>
        )}

        {card && person && (
          <>
            <PersonFacts card={card} lang={lang} />
          </>
        )}

        {(state.status !== 'missing' || isUserPersonId(personId)) && (
          <CardNotes personId={personId} origin={origin} onEscape={actions.close} scheme={scheme} />
        )}
      </div>

      <footer class="tl-footer">
        <button
          type="button"
          class="tl-link-button"
          data-testid="open-popup"
          onClick={onlyTrusted(() => run(() => actions.openPage('popup')))}
        >
          {t('cardOpenPopup')}
        </button>
        <button type="button" class="tl-link-button" onClick={onlyTrusted(() => run(() => actions.openPage('notes')))}>
          {t('cardOpenNotes')}
        </button>
        <button
          type="button"
          class="tl-link-button"
          data-testid="open-explore"
          onClick={onlyTrusted(() => run(() => actions.openPage('explore')))}
        >
          {t('navExplore')}
        </button>
        <button
          type="button"
          class="tl-link-button tl-footer-end"
          data-testid="turn-off-site"
          onClick={onlyTrusted(() => run(actions.turnOffSite))}
        >
          {t(inFrame ? 'cardTurnOffTabSite' : 'cardTurnOffSite')}
        </button>
      </footer>
      {actionError && (
        <p class="tl-status tl-error" role="alert">
          {t('cardActionFailed')}
        </p>
      )}
    </div>
  );
}
