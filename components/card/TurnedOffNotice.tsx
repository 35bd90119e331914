import { onlyTrusted } from '@/content/trusted';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { logError } from '@/utils/log';
import type { ColorScheme } from '@/utils/color-scheme';

export interface TurnedOffNoticeProps {
  /** Focus Undo on showing: the reader was in the card that this notice replaces. */
  focus: boolean;
  /** The scheme of the card it replaces. */
  scheme?: ColorScheme | undefined;
  /** Turns marking back on for the site. */
  undo(): Promise<unknown>;
  /** Takes the notice away (after Undo, on Escape, or when its time is up). */
  dismiss(): void;
}

/**
 * "Turned off on this site." with Undo: shown for a few seconds where the card was, so a misclick
 * on "Turn off on this site" costs nothing. Only the reader's own click or key acts on it.
 */
export function TurnedOffNotice({ focus, scheme, undo, dismiss }: TurnedOffNoticeProps) {
  const button = useRef<HTMLButtonElement>(null);
  const [failed, setFailed] = useState(false);

  useLayoutEffect(() => {
    if (focus) button.current?.focus();
  }, [focus]);

  const onUndo = onlyTrusted(() => {
    setFailed(false);
    undo().then(dismiss, (cause: unknown) => {
      logError('turning the site back on failed', cause);
      setFailed(true);
    });
  });
  const onKeyDown = onlyTrusted((event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dismiss();
    }
  });

  return (
    <div
      class="tl-notice-bar"
      role="status"
      onKeyDown={onKeyDown}
      data-testid="turned-off-notice"
      {...(scheme ? { 'data-scheme': scheme } : {})}
    >
      <span class="tl-notice-text">{failed ? t('cardActionFailed') : t('cardTurnedOff')}</span>
      <button ref={button} type="button" class="tl-link-button" data-testid="turned-off-undo" onClick={onUndo}>
        {t('cardUndo')}
      </button>
    </div>
  );
}
