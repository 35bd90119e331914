import { useMemo, useState } from 'preact/hooks';
import type { DatasetDetails } from '@/data/schema';
import { personCard } from '@/utils/dataset/person-card';
import { PersonDetails } from '@/components/popup/PersonDetails';
import { PageNav } from '@/components/pages/PageNav';
import { cardLang } from '@/components/card/text';
import { WELCOME_SAMPLE } from '@/utils/welcome-sample';
import { t } from '@/utils/i18n';

/**
 * Opened once, on install: what Talent Lens does, a sample to try, the privacy promise
 * and the shortcuts. The sample's names are marked here by the page itself, since our
 * content script never runs on extension pages; a click shows what the card would.
 */
export function WelcomePage({ details }: { details: DatasetDetails }) {
  const lang = useMemo(() => cardLang(), []);
  const [personId, setPersonId] = useState<string | null>(null);
  const card = useMemo(() => (personId ? personCard(details, personId) : null), [details, personId]);

  return (
    <div class="tl-host tl-page">
      <div class="tl-app tl-info-page" data-testid="welcome-page">
        <PageNav current="welcome" />
        <header>
          <h1>{t('welcomeTitle')}</h1>
        </header>
        <p class="tl-info-lead">{t('welcomeIntro')}</p>

        <section aria-labelledby="tl-try">
          <h2 id="tl-try">{t('welcomeTryHeading')}</h2>
          <p>{t('welcomeTryIntro')}</p>
          <p class="tl-sample" lang={lang === 'zh' ? 'zh-CN' : 'en'} data-testid="welcome-sample">
            {WELCOME_SAMPLE[lang].map((part, i) =>
              typeof part === 'string' ? (
                part
              ) : (
                <button
                  key={i}
                  type="button"
                  class="tl-sample-name"
                  aria-expanded={personId === part.personId}
                  aria-controls="tl-sample-card"
                  data-person-id={part.personId}
                  data-testid="sample-name"
                  onClick={() => setPersonId(personId === part.personId ? null : part.personId)}
                >
                  {part.text}
                </button>
              ),
            )}
          </p>
          <div id="tl-sample-card" class="tl-embedded" aria-live="polite">
            {card && (
              <div class="tl-sample-card" data-testid="sample-card">
                <PersonDetails card={card} lang={lang} />
              </div>
            )}
          </div>
          <p class="tl-muted-note">{t('welcomeSampleNote')}</p>
          <p>{t('welcomeTryReal')}</p>
        </section>

        <section aria-labelledby="tl-privacy">
          <h2 id="tl-privacy">{t('welcomePrivacyHeading')}</h2>
          <ul data-testid="privacy-promise">
            <li>{t('welcomePrivacyLocal')}</li>
            <li>{t('welcomePrivacyNotes')}</li>
            <li>{t('welcomePrivacyPage')}</li>
          </ul>
        </section>

        <section aria-labelledby="tl-shortcuts">
          <h2 id="tl-shortcuts">{t('welcomeShortcutsHeading')}</h2>
          <dl class="tl-shortcuts" data-testid="shortcuts">
            <dt>
              <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>N</kbd>
            </dt>
            <dd>{t('welcomeShortcutNext')}</dd>
            <dt>
              <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd>
            </dt>
            <dd>{t('welcomeShortcutPrevious')}</dd>
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>{t('welcomeShortcutEscape')}</dd>
          </dl>
          <p>
            {t('welcomeShortcutChange')} <a href="/options.html">{t('popupOpenOptions')}</a>
          </p>
        </section>
      </div>
    </div>
  );
}
