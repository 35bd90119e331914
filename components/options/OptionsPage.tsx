import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { PageNav } from '@/components/pages/PageNav';
import { UI_LANGUAGES, type UiLanguage } from '@/utils/i18n-catalogue';
import {
  CARD_DELAYS_MS,
  DEFAULT_SETTINGS,
  loadSettings,
  setLanguage,
  setPeopleVisibility,
  setReadingPreferences,
  type Settings,
} from '@/utils/settings';
import { MARK_LOOKS, MARK_SCOPES } from '@/utils/mark-style';
import type { Visibility } from '@/utils/people/records';
import { t, type MessageKey } from '@/utils/i18n';
import { logError } from '@/utils/log';

export type BrowserName = 'chrome' | 'firefox';

export interface OptionsDeps {
  loadSettings(): Promise<Settings>;
  setLanguage(language: UiLanguage): Promise<Settings>;
  setPeopleVisibility(visibility: Visibility): Promise<Settings>;
  setReadingPreferences: typeof setReadingPreferences;
  /** Shows the page again in the new language (t() reads the catalogue chosen at load). */
  reload(): void;
  /** Chrome only: its shortcuts page, which a link cannot open (chrome:// URLs) but an extension can. */
  openShortcuts(): Promise<void>;
}

export const defaultOptionsDeps: OptionsDeps = {
  loadSettings,
  setLanguage,
  setPeopleVisibility,
  setReadingPreferences,
  reload: () => location.reload(),
  openShortcuts: async () => {
    await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  },
};

/** Each choice in its own language, so a reader who cannot read the current one still finds theirs. */
const LANGUAGE_LABELS: Record<UiLanguage, MessageKey | string> = {
  browser: 'optionsLanguageBrowser',
  en: 'English',
  zh_CN: '简体中文',
  zh_TW: '繁體中文',
};

const SCOPE_LABELS = { all: 'optionsMarkScopeAll', first: 'optionsMarkScopeFirst' } as const satisfies Record<
  (typeof MARK_SCOPES)[number],
  MessageKey
>;
const LOOK_LABELS = { fill: 'optionsMarkLookFill', underline: 'optionsMarkLookUnderline' } as const satisfies Record<
  (typeof MARK_LOOKS)[number],
  MessageKey
>;

function delayLabel(ms: number): string {
  const seconds = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(ms / 1000);
  return t(ms === DEFAULT_SETTINGS.cardDelayMs ? 'optionsCardDelayStandard' : 'optionsCardDelayValue', [seconds]);
}

/** One setting's choices as a group of radio buttons (arrow keys move between them). */
function Choices<T extends string | number>({
  name,
  legend,
  choices,
  value,
  label,
  disabled,
  onChoose,
  children,
}: {
  name: string;
  legend: string;
  choices: readonly T[];
  value: T | undefined;
  label(choice: T): string;
  disabled: boolean;
  onChoose(choice: T): void;
  children?: ComponentChildren;
}) {
  return (
    <fieldset class="tl-choices" disabled={disabled} data-testid={`${name}-choices`}>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice} class="tl-choice">
          <input
            type="radio"
            name={name}
            value={choice}
            checked={value === choice}
            data-testid={`${name}-${choice}`}
            onChange={() => onChoose(choice)}
          />
          {label(choice)}
        </label>
      ))}
      {children}
    </fieldset>
  );
}

/**
 * The options page: how marks look and which are drawn, the card delay, the extension's UI
 * language, and where each browser lets the reader change the next-mention shortcut.
 */
export function OptionsPage({ browserName, deps = defaultOptionsDeps }: { browserName: BrowserName; deps?: OptionsDeps }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    deps.loadSettings().then(setSettings, (cause) => (logError('settings', cause), setError(true)));
  }, [deps]);

  function prefer(change: Parameters<OptionsDeps['setReadingPreferences']>[0]) {
    deps.setReadingPreferences(change).then(setSettings, (cause) => (logError('settings', cause), setError(true)));
  }

  async function choose(language: UiLanguage) {
    try {
      setSettings(await deps.setLanguage(language));
      deps.reload();
    } catch (cause) {
      logError('settings', cause);
      setError(true);
    }
  }

  return (
    <div class="tl-host tl-page">
      <div class="tl-app tl-info-page" data-testid="options-page">
        <PageNav current="options" />
        <header>
          <h1>{t('optionsTitle')}</h1>
        </header>
        {error && (
          <p class="tl-status-line tl-error" role="alert">
            {t('optionsSaveFailed')}
          </p>
        )}
        <Choices
          name="mark-scope"
          legend={t('optionsMarkScopeHeading')}
          choices={MARK_SCOPES}
          value={settings?.markScope}
          label={(scope) => t(SCOPE_LABELS[scope])}
          disabled={!settings}
          onChoose={(markScope) => prefer({ markScope })}
        />
        <Choices
          name="mark-look"
          legend={t('optionsMarkLookHeading')}
          choices={MARK_LOOKS}
          value={settings?.markLook}
          label={(look) => t(LOOK_LABELS[look])}
          disabled={!settings}
          onChoose={(markLook) => prefer({ markLook })}
        />
        <Choices
          name="card-delay"
          legend={t('optionsCardDelayHeading')}
          choices={CARD_DELAYS_MS}
          value={settings?.cardDelayMs as (typeof CARD_DELAYS_MS)[number] | undefined}
          label={delayLabel}
          disabled={!settings}
          onChoose={(cardDelayMs) => prefer({ cardDelayMs })}
        >
          <p class="tl-muted-note">{t('optionsCardDelayExplain')}</p>
          <p class="tl-muted-note">{t('optionsAppliesNow')}</p>
        </Choices>

        <fieldset class="tl-choices" disabled={!settings} data-testid="language-choices">
          <legend>{t('optionsLanguageHeading')}</legend>
          {UI_LANGUAGES.map((language) => (
            <label key={language} class="tl-choice">
              <input
                type="radio"
                name="language"
                value={language}
                checked={settings?.language === language}
                data-testid={`language-${language}`}
                onChange={() => void choose(language)}
              />
              <span lang={language === 'browser' ? undefined : language.replace('_', '-')}>
                {language === 'browser' ? t(LANGUAGE_LABELS.browser as MessageKey) : LANGUAGE_LABELS[language]}
              </span>
            </label>
          ))}
          <p class="tl-muted-note">{t('optionsLanguageScope')}</p>
        </fieldset>

        <fieldset class="tl-choices" disabled={!settings} data-testid="people-visibility-choices">
          <legend>{t('optionsPeopleHeading')}</legend>
          {(['mark', 'find-only'] as const).map((visibility) => (
            <label key={visibility} class="tl-choice">
              <input
                type="radio"
                name="people-visibility"
                checked={settings?.peopleVisibility === visibility}
                onChange={() =>
                  void deps.setPeopleVisibility(visibility).then(setSettings, (cause) => (logError('settings', cause), setError(true)))
                }
              />
              {t(visibility === 'mark' ? 'optionsPeopleMark' : 'optionsPeopleFindOnly')}
            </label>
          ))}
          <p class="tl-muted-note">{t('optionsPeopleExplain')}</p>
        </fieldset>

        <section aria-labelledby="tl-shortcut-heading" data-testid="shortcut-help">
          <h2 id="tl-shortcut-heading">{t('optionsShortcutHeading')}</h2>
          {browserName === 'firefox' ? (
            <p>{t('optionsShortcutFirefox')}</p>
          ) : (
            <p>
              {t('optionsShortcutChrome')}{' '}
              <button type="button" class="tl-button" data-testid="open-shortcuts" onClick={() => void deps.openShortcuts()}>
                {t('optionsOpenShortcuts')}
              </button>
            </p>
          )}
          <p class="tl-muted-note">{t('optionsShortcutFixed')}</p>
        </section>
      </div>
    </div>
  );
}
