/**
 * How disputes ("sources disagree") are grouped for reading: which ones belong on a person's
 * card, which belong to an organization, and each claim's evidence gathered per source, so a
 * source is named once per claim however many of its passages support it.
 */
import type { ConflictRecord, SourceRefRecord } from '@/data/schema';

/**
 * The disputes shown on a person's card: those that list the person and are about them. A
 * dispute about an organization (how much it raised, how many of its founders remain) lists the
 * people it involves but is not about any one of them; it is shown with the organization.
 */
export function personConflicts(conflicts: readonly ConflictRecord[], personId: string): ConflictRecord[] {
  return conflicts.filter((conflict) => conflict.organization === undefined && conflict.people.includes(personId));
}

/** The disputes about organizations, by organization id, each list in dataset order. */
export function organizationConflicts(conflicts: readonly ConflictRecord[]): Map<string, ConflictRecord[]> {
  const byOrganization = new Map<string, ConflictRecord[]>();
  for (const conflict of conflicts) {
    if (conflict.organization === undefined) continue;
    const list = byOrganization.get(conflict.organization) ?? [];
    list.push(conflict);
    byOrganization.set(conflict.organization, list);
  }
  return byOrganization;
}

/** One source behind a claim, with every passage of it the dataset records for the claim. */
export interface ClaimSource {
  source: string;
  passages: string[];
}

/**
 * A claim's evidence, one entry per source in the order the sources first appear; a passage
 * listed twice is kept once, and a reference without a passage adds none.
 */
export function claimSources(refs: readonly SourceRefRecord[]): ClaimSource[] {
  const bySource = new Map<string, ClaimSource>();
  for (const ref of refs) {
    let entry = bySource.get(ref.source);
    if (!entry) {
      entry = { source: ref.source, passages: [] };
      bySource.set(ref.source, entry);
    }
    if (ref.quote !== undefined && !entry.passages.includes(ref.quote)) entry.passages.push(ref.quote);
  }
  return [...bySource.values()];
}
