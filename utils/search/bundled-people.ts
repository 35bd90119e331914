/**
 * The dataset as bundled into extension pages (popup, notes page): the
 * generated details and alias index, and one search over them built on first use.
 */
import details from '@/data/generated/details.json';
import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex, DatasetDetails } from '@/data/schema';
import { createPeopleSearch, type PeopleSearch } from '@/utils/search/people-search';

export const bundledDetails = details as DatasetDetails;
export const bundledAliasIndex = aliasIndex as AliasIndex;

let search: PeopleSearch | undefined;
export function bundledSearch(): PeopleSearch {
  search ??= createPeopleSearch(bundledDetails, bundledAliasIndex);
  return search;
}

export const isKnownPerson = (personId: string): boolean => Object.hasOwn(bundledDetails.people, personId);
