/**
 * The popup's and the "About the data" page's list of everyone in the dataset,
 * grouped for browsing without a query: by current organization, or by the
 * first letter of the name. Pure: the dataset in, ordered groups out.
 */
import type { DatasetDetails, PersonRecord } from '@/data/schema';

export type BrowseOrder = 'organization' | 'name';
export type BrowseLang = 'en' | 'zh';

export interface BrowseGroup {
  /** Stable: an organization id, `no-org`, or the letter. */
  key: string;
  /** The heading shown; null for the group of people without an organization (the UI names it). */
  label: string | null;
  people: PersonRecord[];
}

const collator = (lang: BrowseLang) => new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en', { sensitivity: 'base' });

/** The name a person is listed (and sorted) by in the UI language. */
export function listedName(person: PersonRecord, lang: BrowseLang): string {
  return lang === 'zh' && person.name.zh ? person.name.zh : person.name.en;
}

/**
 * By organization: one group per current organization, largest first (the talent war's
 * protagonists lead), ties by name; people without one last. Within a group, by name.
 * By name: one group per first letter of the English name, which every person has, so
 * the index is the same A–Z in both languages.
 */
export function browseGroups(details: DatasetDetails, order: BrowseOrder, lang: BrowseLang): BrowseGroup[] {
  const compare = collator(lang).compare;
  const people = Object.values(details.people).sort((a, b) => compare(listedName(a, lang), listedName(b, lang)));
  const groups = new Map<string, BrowseGroup>();
  for (const person of people) {
    const [key, label] =
      order === 'name'
        ? [person.name.en.charAt(0).toUpperCase(), person.name.en.charAt(0).toUpperCase()]
        : person.org && details.organizations[person.org]
          ? [person.org, pickName(details.organizations[person.org]!.name, lang)]
          : ['no-org', null];
    const group = groups.get(key) ?? { key, label, people: [] };
    group.people.push(person);
    groups.set(key, group);
  }
  const list = [...groups.values()];
  if (order === 'name') return list.sort((a, b) => compare(a.key, b.key));
  return list.sort((a, b) => {
    if ((a.label === null) !== (b.label === null)) return a.label === null ? 1 : -1;
    return b.people.length - a.people.length || compare(a.label ?? '', b.label ?? '');
  });
}

function pickName(name: { en: string; zh?: string }, lang: BrowseLang): string {
  return lang === 'zh' && name.zh ? name.zh : name.en;
}
