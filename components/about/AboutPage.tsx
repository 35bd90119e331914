import { useMemo } from 'preact/hooks';
import type { DatasetDetails } from '@/data/schema';
import { PageNav } from '@/components/pages/PageNav';
import { cardLang, formatPartialDate, langOf, pick } from '@/components/card/text';
import { dataCurrentTo, sourcesInOrder } from '@/utils/dataset/about';
import { claimSources, organizationConflicts } from '@/utils/dataset/disputes';
import { citedSource } from '@/components/card/source-facts';
import { browseGroups, listedName } from '@/utils/search/browse';
import { extensionPagePath } from '@/utils/extension-pages';
import { t } from '@/utils/i18n';

/**
 * What the bundled dataset is: its sources (as the dataset cites them: title, publisher,
 * date, language, our caveat; never the articles' text), who it covers, how recent it
 * is, and that adding people of your own is still to come.
 */
export function AboutPage({ details }: { details: DatasetDetails }) {
  const lang = useMemo(() => cardLang(), []);
  const sources = useMemo(() => sourcesInOrder(details), [details]);
  const groups = useMemo(() => browseGroups(details, 'organization', lang), [details, lang]);
  const currentTo = dataCurrentTo(details);
  const disputes = useMemo(() => organizationConflicts(details.conflicts), [details]);
  const peopleCount = Object.keys(details.people).length;

  return (
    <div class="tl-host tl-page">
      <div class="tl-app tl-info-page" data-testid="about-page">
        <PageNav current="about" />
        <header>
          <h1>{t('aboutLink')}</h1>
        </header>
        <p class="tl-info-lead">{t('aboutIntro')}</p>
        <p data-testid="data-current-to">
          {currentTo ? t('aboutCurrentTo', formatPartialDate(currentTo, lang)) : t('aboutCurrentToUnknown')}
        </p>

        <section aria-labelledby="tl-sources">
          <h2 id="tl-sources">{t('aboutSourcesHeading', String(sources.length))}</h2>
          <ol>
            {sources.map((source) => {
              const cited = citedSource(source, lang);
              return (
                <li key={source.id} class="tl-source" data-testid="source" data-source-id={source.id}>
                  <h3 lang={langOf(source.title)}>{source.title}</h3>
                  {/* The English rendering is ours; a Chinese reader of a Chinese title does not need it. */}
                  {!(lang === 'zh' && source.language !== 'en') && source.titleEn !== source.title && (
                    <p class="tl-source-meta">{source.titleEn}</p>
                  )}
                  <p class="tl-source-meta" data-testid="source-meta">
                    {[cited.publisher, cited.when, cited.language].join(' · ')}
                  </p>
                  {source.caveat && <p data-testid="source-caveat">{t('aboutCaveat', pick(source.caveat, lang))}</p>}
                </li>
              );
            })}
          </ol>
        </section>

        {disputes.size > 0 && (
          <section aria-labelledby="tl-org-disputes" data-testid="org-disputes">
            <h2 id="tl-org-disputes">{t('aboutDisputesHeading')}</h2>
            <p>{t('aboutDisputesIntro')}</p>
            {[...disputes].map(([orgId, conflicts]) => (
              <div key={orgId} class="tl-org-group" data-testid="org-dispute-group">
                <h3>{details.organizations[orgId] ? pick(details.organizations[orgId].name, lang) : orgId}</h3>
                {conflicts.map((conflict) => (
                  <div key={conflict.id} class="tl-dispute" data-testid="org-dispute">
                    <h4>{pick(conflict.topic, lang)}</h4>
                    <ol>
                      {conflict.claims.map((claim, i) => (
                        <li key={i}>
                          {pick(claim.statement, lang)}
                          <span class="tl-source-meta">
                            {' '}
                            (
                            {claimSources(claim.sources)
                              .map((entry) =>
                                details.sources[entry.source] ? citedSource(details.sources[entry.source]!, lang).title : entry.source,
                              )
                              .join('; ')}
                            )
                          </span>
                        </li>
                      ))}
                    </ol>
                  </div>
                ))}
              </div>
            ))}
          </section>
        )}

        <section aria-labelledby="tl-covered">
          <h2 id="tl-covered">{t('aboutPeopleHeading', String(peopleCount))}</h2>
          {groups.map((group) => (
            <div key={group.key} class="tl-org-group" data-testid="about-org">
              <h3>{group.label ?? t('browseNoOrganization')}</h3>
              <ul>
                {group.people.map((person) => (
                  <li key={person.id}>
                    <a href={extensionPagePath('popup', person.id)} data-testid="about-person">
                      {listedName(person, lang)}
                    </a>
                    {' · '}
                    {pick(person.role, lang)}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>

        <section aria-labelledby="tl-add-own">
          <h2 id="tl-add-own">{t('aboutAddOwnHeading')}</h2>
          <p>{t('aboutAddOwn')}</p>
        </section>
      </div>
    </div>
  );
}
