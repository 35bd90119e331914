import { onlyTrusted } from '@/content/trusted';
import { useId, useState } from 'preact/hooks';
import type { ConflictRecord, SourceRecord } from '@/data/schema';
import { t } from '@/utils/i18n';
import { SourceList } from './SourceLine';
import { pick, type CardLang } from './text';

export interface ConflictMarkProps {
  conflict: ConflictRecord;
  sources: Record<string, SourceRecord>;
  lang: CardLang;
  /** Show the conflict's topic as the button's text instead of the generic label (for conflicts not tied to a shown fact). */
  withTopic?: boolean;
}

/**
 * "Sources disagree": a button (inline, after the disputed fact) and a panel
 * (a block below it, so the parent must be a block container) that expands to every
 * claim with its sources. None of the claims is picked as the truth.
 */
export function ConflictMark({ conflict, sources, lang, withTopic }: ConflictMarkProps) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const topic = pick(conflict.topic, lang);
  return (
    <>
      <button
        type="button"
        class="tl-conflict-button"
        aria-expanded={open}
        aria-controls={panel}
        title={withTopic ? undefined : topic}
        data-testid="conflict-mark"
        onClick={onlyTrusted(() => setOpen(!open))}
      >
        <span aria-hidden="true" class="tl-conflict-icon">
          !
        </span>
        {withTopic ? topic : t('cardSourcesDisagree')}
      </button>
      <div id={panel} class="tl-claims" hidden={!open} data-testid="conflict-claims">
        {!withTopic && <p class="tl-claims-topic">{topic}</p>}
        <ol>
          {conflict.claims.map((claim, i) => (
            <li key={i} class="tl-claim">
              <span class="tl-claim-statement">{pick(claim.statement, lang)}</span>
              <SourceList refs={claim.sources} sources={sources} lang={lang} />
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}
