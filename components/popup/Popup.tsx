import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DatasetDetails } from '@/data/schema';
import type { MentionsReport, MentionSummary } from '@/content/navigation/mentions-report';
import type { NoteOrigin } from '@/utils/notes/records';
import type { Settings } from '@/utils/settings';
import type { PeopleSearch } from '@/utils/search/people-search';
import { hasChineseNames, searchEveryone } from '@/utils/search/everyone-search';
import type { ScriptConverters } from '@/utils/people/suggestions';
import { bundledAliasIndex } from '@/utils/search/bundled-people';
import type { UserLayerSnapshot } from '@/utils/people/store';
import type { UserPersonRecord } from '@/utils/people/records';
import { UserFacts } from '@/components/people/UserFacts';
import { personCard } from '@/utils/dataset/person-card';
import { NoteList } from '@/components/notes/NoteList';
import { cardLang, type CardLang } from '@/components/card/text';
import { t } from '@/utils/i18n';
import { defaultPopupDeps, type PopupDeps } from './popup-deps';
import { PersonDetails } from './PersonDetails';
import { SearchBox } from './SearchBox';
import { BrowsePeople } from './BrowsePeople';
import { logError, logInfo } from '@/utils/log';

export interface PopupProps {
  details: DatasetDetails;
  search: PeopleSearch;
  deps?: PopupDeps;
  /** The person to show first (`?person=ID`, from the card's "open in popup"). */
  initialPersonId?: string;
}

/** What the popup knows about the target tab's page. */
type PageState = { status: 'loading' } | { status: 'unavailable' } | { status: 'ready'; tabId: number; report: MentionsReport };

/**
 * The toolbar popup: search over the dataset, who is on the current page (a
 * click scrolls the page to them and opens their card), a person view with the
 * card's content and all notes on that person, and the site/global switches.
 */
export function Popup({ details, search, deps = defaultPopupDeps, initialPersonId }: PopupProps) {
  const lang = useMemo(() => cardLang(), []);
  const [query, setQuery] = useState('');
  const [personId, setPersonId] = useState<string | undefined>(initialPersonId);
  const [page, setPage] = useState<PageState>({ status: 'loading' });
  const [settings, setSettings] = useState<Settings | null>(null);
  const [revealFailed, setRevealFailed] = useState(false);
  const [version, setVersion] = useState<string | null>(null);
  // The reader's own people: searched with the bundled ones, and shown when opened.
  const [layer, setLayer] = useState<UserLayerSnapshot>({ people: [], additions: [] });
  // OpenCC, once loaded (only with a Chinese name among the reader's people): their names in the other script.
  const [convert, setConvert] = useState<ScriptConverters | undefined>(undefined);
  const everyone = useMemo(() => searchEveryone(search, details, layer, bundledAliasIndex.t2s, convert), [search, details, layer, convert]);
  const ownPeople = useMemo(() => new Map(layer.people.map((p) => [p.id, p])), [layer]);

  async function loadPage() {
    try {
      const tabId = await deps.targetTabId();
      if (tabId === undefined) throw new Error('no target tab');
      setPage({ status: 'ready', tabId, report: await deps.listMentions(tabId) });
    } catch (cause) {
      // No content script there (browser pages, the store, a tab still loading).
      logInfo('page not reachable', cause);
      setPage({ status: 'unavailable' });
    }
  }

  useEffect(() => {
    void loadPage();
    deps.ping().then(setVersion, (cause) => logError('background not answering', cause));
    deps.loadSettings().then(setSettings, (cause) => logError('settings', cause));
    deps.listUserLayer().then(
      (loaded) => {
        setLayer(loaded);
        if (hasChineseNames(loaded)) deps.loadScriptConverters().then(setConvert, (cause) => logError('loading OpenCC', cause));
      },
      (cause) => logError('your people', cause),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = deps.watchSettings((next) => {
      setSettings(next);
      // Give the content script a moment to apply the switch before asking it again.
      clearTimeout(timer);
      timer = setTimeout(() => void loadPage(), 300);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [deps]);

  async function reveal(id: string) {
    if (page.status !== 'ready') return;
    setRevealFailed(false);
    try {
      if (await deps.revealMention(page.tabId, id)) deps.closePopup();
      else setRevealFailed(true);
    } catch (cause) {
      logError('reveal failed', cause);
      setRevealFailed(true);
    }
  }

  const origin: NoteOrigin | undefined =
    page.status === 'ready' ? { url: page.report.url, title: page.report.title || page.report.host } : undefined;

  return (
    <div class="tl-host tl-page">
      <div class="tl-app tl-popup">
        <header class="tl-popup-header">
          <h1 class="tl-popup-title">{t('extName')}</h1>
          <span class="tl-muted tl-small" data-testid="background-status">
            {version ? `v${version}` : ''}
          </span>
        </header>
        {personId ? (
          <PersonPane
            details={details}
            personId={personId}
            own={ownPeople.get(personId)}
            lang={lang}
            deps={deps}
            origin={origin}
            onBack={() => setPersonId(undefined)}
          />
        ) : (
          <>
            <SearchBox search={everyone} details={details} lang={lang} query={query} onQuery={setQuery} onOpen={setPersonId} />
            {!query.trim() && page.status !== 'unavailable' && (
              <OnThisPage
                page={page}
                details={details}
                lang={lang}
                onReveal={(id) => void reveal(id)}
                onDetails={setPersonId}
                isOwn={(id) => ownPeople.has(id)}
              />
            )}
            {/* No page to talk about (opened on its own, or on a page without our content script): browse everyone instead. */}
            {!query.trim() && page.status === 'unavailable' && <BrowsePeople details={details} lang={lang} onOpen={setPersonId} />}
            {revealFailed && (
              <p class="tl-status-line tl-error" role="alert">
                {t('popupRevealFailed')}
              </p>
            )}
          </>
        )}
        <Switches page={page} settings={settings} deps={deps} onChange={setSettings} />
        <footer class="tl-popup-footer">
          <button
            type="button"
            class="tl-link-button"
            data-testid="open-notes-page"
            onClick={() => void deps.openNotesPage().then(deps.closePopup)}
          >
            {t('popupOpenNotesPage')}
          </button>
          {(
            [
              ['people', 'peopleAddPerson'],
              ['explore', 'navExplore'],
              ['about', 'aboutLink'],
              ['welcome', 'popupOpenWelcome'],
              ['options', 'popupOpenOptions'],
            ] as const
          ).map(([page, label]) => (
            <button
              key={page}
              type="button"
              class="tl-link-button"
              data-testid={`open-${page}-page`}
              onClick={() => void deps.openPage(page).then(deps.closePopup)}
            >
              {t(label)}
            </button>
          ))}
        </footer>
      </div>
    </div>
  );
}

function displayName(details: DatasetDetails, summary: MentionSummary, lang: CardLang): string {
  const person = details.people[summary.personId];
  if (!person) return summary.name;
  return lang === 'zh' && person.name.zh ? person.name.zh : person.name.en;
}

function OnThisPage({
  page,
  details,
  lang,
  onReveal,
  onDetails,
  isOwn,
}: {
  page: PageState;
  details: DatasetDetails;
  lang: CardLang;
  onReveal(personId: string): void;
  onDetails(personId: string): void;
  /** Whether an id is one of the reader's own people (they have a page in the popup too). */
  isOwn(personId: string): boolean;
}) {
  return (
    <section class="tl-section" aria-labelledby="tl-on-page" data-testid="on-this-page">
      <h2 id="tl-on-page" class="tl-section-heading">
        {t('popupOnThisPage')}
      </h2>
      {page.status === 'ready' && !page.report.enabled && <p class="tl-status-line tl-muted">{t('popupMarkingOff')}</p>}
      {page.status === 'ready' && page.report.enabled && page.report.people.length === 0 && (
        <p class="tl-status-line tl-muted">{t('popupNoMentions')}</p>
      )}
      {page.status === 'ready' && page.report.people.length > 0 && (
        <ul class="tl-mentions">
          {[...page.report.people]
            .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
            .map((summary) => {
              const name = displayName(details, summary, lang);
              return (
                <li key={summary.personId} class="tl-mention" data-testid="mention" data-person-id={summary.personId}>
                  <button
                    type="button"
                    class="tl-mention-reveal"
                    aria-label={t('popupShowOnPage', name)}
                    onClick={() => onReveal(summary.personId)}
                  >
                    <span class="tl-mention-name">{name}</span>
                    <span class="tl-mention-count" data-testid="mention-count">
                      {t('popupMentionCount', String(summary.count))}
                    </span>
                  </button>
                  {(details.people[summary.personId] || isOwn(summary.personId)) && (
                    <button
                      type="button"
                      class="tl-link-button"
                      aria-label={t('popupDetailsFor', name)}
                      onClick={() => onDetails(summary.personId)}
                    >
                      {t('popupShowDetails')}
                    </button>
                  )}
                </li>
              );
            })}
        </ul>
      )}
    </section>
  );
}

function PersonPane({
  details,
  personId,
  own,
  lang,
  deps,
  origin,
  onBack,
}: {
  details: DatasetDetails;
  personId: string;
  /** The reader's own person of this id, if it is one. */
  own?: UserPersonRecord;
  lang: CardLang;
  deps: PopupDeps;
  origin?: NoteOrigin;
  onBack(): void;
}) {
  const card = useMemo(() => personCard(details, personId), [details, personId]);
  const back = useRef<HTMLButtonElement>(null);
  useEffect(() => back.current?.focus(), [personId]);
  return (
    <div class="tl-person-pane tl-embedded" data-testid="person-view">
      <button ref={back} type="button" class="tl-link-button" data-testid="back" onClick={onBack}>
        ← {t('popupBack')}
      </button>
      {own ? (
        <>
          <div class="tl-card tl-person" data-testid="person-details">
            <header class="tl-names">
              <h2 class="tl-name" data-testid="person-name">
                {own.name.primary}
              </h2>
              {own.name.other && <p class="tl-muted">{own.name.other}</p>}
            </header>
            {(own.role || own.org) && <p class="tl-role">{[own.role, own.org].filter(Boolean).join(' · ')}</p>}
            <p class="tl-muted tl-small">{t('popupYourPerson')}</p>
            <UserFacts facts={own.facts} tags={own.tags} />
          </div>
          <section class="tl-section" aria-labelledby="tl-person-notes">
            <h3 id="tl-person-notes" class="tl-section-heading">
              {t('popupNotesHeading')}
            </h3>
            <NoteList client={deps.notes} personId={personId} origin={origin} />
          </section>
        </>
      ) : card ? (
        <>
          <PersonDetails card={card} lang={lang} />
          <section class="tl-section" aria-labelledby="tl-person-notes">
            <h3 id="tl-person-notes" class="tl-section-heading">
              {t('popupNotesHeading')}
            </h3>
            <NoteList client={deps.notes} personId={personId} origin={origin} />
          </section>
        </>
      ) : (
        <p class="tl-status-line" role="alert">
          {t('popupUnknownPerson')}
        </p>
      )}
    </div>
  );
}

function Switches({
  page,
  settings,
  deps,
  onChange,
}: {
  page: PageState;
  settings: Settings | null;
  deps: PopupDeps;
  onChange(settings: Settings): void;
}) {
  if (!settings) return null;
  const host = page.status === 'ready' ? page.report.host : '';
  const save = (write: Promise<Settings>) => write.then(onChange, (cause) => logError('settings', cause));
  return (
    <section class="tl-section tl-switches" data-testid="switches">
      {host && (
        <label class="tl-switch">
          <input
            type="checkbox"
            data-testid="site-switch"
            checked={!settings.disabledSites.includes(host)}
            disabled={!settings.enabled}
            onChange={(event) => save(deps.setSiteEnabled(host, (event.currentTarget as HTMLInputElement).checked))}
          />
          <span>{t('popupSiteSwitch', host)}</span>
          <span hidden data-testid="page-host">
            {host}
          </span>
        </label>
      )}
      <label class="tl-switch">
        <input
          type="checkbox"
          data-testid="global-switch"
          checked={settings.enabled}
          onChange={(event) => save(deps.setGlobalEnabled((event.currentTarget as HTMLInputElement).checked))}
        />
        <span>{t('popupGlobalSwitch')}</span>
      </label>
    </section>
  );
}
