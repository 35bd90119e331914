import { onlyTrusted } from '@/content/trusted';
import type { DisplayNames } from '@/utils/dataset/person-card';
import type { MentionExplanation } from '@/utils/match/why';
import { t } from '@/utils/i18n';
import type { CardLang } from './text';
import { whyText } from './why-line';

/** What the card knows about the mention it was opened on (from the page layer's MentionTarget). */
export interface CardMention {
  explanation?: MentionExplanation;
  /** The mention as the page writes it: what "Not this person" is kept under. */
  aliasText?: string;
  /** Names for a `context` explanation's ids, once the background has answered. */
  names: DisplayNames | null;
}

export interface CardWhyProps {
  mention: CardMention;
  /** The person's name as the card shows it (for the button's accessible name). */
  personName: string;
  lang: CardLang;
  /** Absent where the card cannot act on the page (tests, or a mention without its text). */
  onNotThisPerson?: () => void;
}

/**
 * One line under the name that says why this text is marked as this person, and a button for the
 * reader to say it is not. A plain button in the card's tab order: reachable from the keyboard.
 */
export function CardWhy({ mention, personName, lang, onNotThisPerson }: CardWhyProps) {
  const { explanation, aliasText } = mention;
  const canReject = !!onNotThisPerson && !!aliasText;
  if (!explanation && !canReject) return null;
  return (
    <div class="tl-why-row">
      {explanation && (
        <p class={explanation.confidence === 'possible' ? 'tl-why tl-why-possible' : 'tl-why'} data-testid="card-why">
          {whyText(explanation.why, mention.names, lang, t)}
        </p>
      )}
      {canReject && (
        <button
          type="button"
          class="tl-link-button tl-why-reject"
          data-testid="not-this-person"
          aria-label={t('cardNotThisPersonLabel', [aliasText!, personName])}
          onClick={onlyTrusted(onNotThisPerson)}
        >
          {t('cardNotThisPerson')}
        </button>
      )}
    </div>
  );
}
