import { describe, expect, it } from 'vitest';
import type { ConflictRecord } from '@/data/schema';
import { claimSources, organizationConflicts, personConflicts } from '@/utils/dataset/disputes';
import { personCard } from '@/utils/dataset/person-card';
import details from '@/data/generated/details.json';
import type { DatasetDetails } from '@/data/schema';

const claim = (source: string) => ({ statement: { en: 'x' }, sources: [{ source }] });
const conflicts: ConflictRecord[] = [
  { id: 'about-her', topic: { en: 'Her title' }, people: ['ada'], claims: [claim('s1'), claim('s2')] },
  { id: 'about-org', topic: { en: 'Funding' }, people: ['ada', 'bob'], organization: 'acme', claims: [claim('s1'), claim('s2')] },
  { id: 'about-bob', topic: { en: 'His leave' }, people: ['bob'], claims: [claim('s1'), claim('s3')] },
  { id: 'org-2', topic: { en: 'Headcount' }, people: ['bob'], organization: 'acme', claims: [claim('s2'), claim('s3')] },
];

describe('personConflicts', () => {
  it('keeps the disputes that list the person and are about them, not those about an organization', () => {
    expect(personConflicts(conflicts, 'ada').map((c) => c.id)).toEqual(['about-her']);
    expect(personConflicts(conflicts, 'bob').map((c) => c.id)).toEqual(['about-bob']);
    expect(personConflicts(conflicts, 'nobody')).toEqual([]);
  });

  it('leaves the bundled data’s organization disputes off the cards: Sam Altman’s card has no Microsoft investment', () => {
    const card = personCard(details as unknown as DatasetDetails, 'sam-altman')!;
    expect(card.conflicts.map((c) => c.id)).not.toContain('microsoft-investment-amount');
    expect(card.conflicts.every((c) => c.organization === undefined)).toBe(true);
    const zhao = personCard(details as unknown as DatasetDetails, 'shengjia-zhao')!;
    expect(zhao.conflicts.map((c) => c.id)).not.toContain('openai-researchers-to-meta-count');
  });
});

describe('personCard', () => {
  it('finds nobody for an id that is not a person’s own, as a hostile message might send', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'nobody'])
      expect(personCard(details as unknown as DatasetDetails, id)).toBeNull();
  });
});

describe('organizationConflicts', () => {
  it('groups organization disputes by organization in dataset order', () => {
    const grouped = organizationConflicts(conflicts);
    expect([...grouped.keys()]).toEqual(['acme']);
    expect(grouped.get('acme')!.map((c) => c.id)).toEqual(['about-org', 'org-2']);
  });
});

describe('claimSources', () => {
  it('names each source once, in first-seen order, with every distinct passage', () => {
    expect(
      claimSources([
        { source: 's001', quote: '11人走了9人' },
        { source: 's003' },
        { source: 's001', quote: '仅剩下2位' },
        { source: 's001', quote: '11人走了9人' },
      ]),
    ).toEqual([
      { source: 's001', passages: ['11人走了9人', '仅剩下2位'] },
      { source: 's003', passages: [] },
    ]);
  });

  it('is empty for no references', () => {
    expect(claimSources([])).toEqual([]);
  });
});
