/**
 * How Explore names things in the UI language: organizations (with "none stated" and "other"),
 * periods, dates and people. Shared by the picture, the timeline, the table and the CSV.
 */
import type { DatasetDetails } from '@/data/schema';
import { formatPartialDate, pick, type CardLang } from '@/components/card/text';
import { NO_ORGANIZATION, OTHER_ORGANIZATIONS } from '@/utils/explore/flows';
import type { ExploreMove } from '@/utils/explore/moves';
import { periodParts } from '@/utils/explore/periods';
import { t } from '@/utils/i18n';

/** What Explore knows besides the moves: organizations, sources and conflicts by id. */
export type ExploreReference = Pick<DatasetDetails, 'organizations' | 'sources' | 'conflicts'>;

export interface Labels {
  lang: CardLang;
  organization(id: string | null): string;
  period(period: string): string;
  date(move: ExploreMove): string;
  person(move: ExploreMove): string;
}

export function explorerLabels(reference: ExploreReference, lang: CardLang): Labels {
  return {
    lang,
    organization: (id) => {
      if (id === null || id === NO_ORGANIZATION) return t('exploreNoOrganization');
      if (id === OTHER_ORGANIZATIONS) return t('exploreOtherOrganizations');
      const organization = reference.organizations[id];
      return organization ? pick(organization.name, lang) : id;
    },
    period: (period) => {
      const parts = periodParts(period);
      if (parts.kind === 'undated') return t('exploreUndated');
      if (parts.kind === 'quarter') return t('exploreQuarter', [parts.year, String(parts.quarter)]);
      return lang === 'zh' ? `${parts.year}年` : parts.year;
    },
    date: (move) => (move.when ? formatPartialDate(move.when, lang) : t('exploreUndated')),
    person: (move) => pick(move.personName, lang),
  };
}
