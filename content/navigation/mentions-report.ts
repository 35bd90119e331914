import type { AliasIndex } from '@/data/schema';
import { pageSiteKey } from '@/content/frame-gate';
import type { PageMention } from '@/content/marks/mark-layer';
import { liveRange } from '@/content/marks/ranges';

/** What the content script reports about the people on its page (`listMentions`). */
export interface MentionSummary {
  personId: string;
  /** English display name, so a caller needs no dataset to show the list. */
  name: string;
  /** How many marks this person has on the page. */
  count: number;
  /** How many of those are possible matches (drawn weaker); absent when none. */
  possible?: number;
  /** One of the reader's "find only" people: found in the text, not marked (nothing to scroll to). */
  unmarked?: true;
  /** The first mention in document order: its text as written and its position in its frame's page. */
  first: { text: string; top: number; left: number };
  /** The tab's frame the first mention is in (set where the popup joins the frames' reports; 0: the top frame). */
  frameId?: number;
}

export interface MentionsReport {
  url: string;
  /** The page's title, recorded as the origin of notes written about it. */
  title: string;
  /** The key of the page's per-site switch (siteKey in utils/settings.ts: the host, or `file://`). */
  host: string;
  /** false when marking is switched off for this site or globally. */
  enabled: boolean;
  people: MentionSummary[];
}

/** The report of the drawn mentions (in document order): per person, a count and where the first one is. */
export function mentionsReport(mentions: readonly PageMention[], people: AliasIndex['people'], enabled: boolean): MentionsReport {
  const summaries = new Map<string, MentionSummary>();
  for (const m of mentions) {
    const possible = m.mention.explanation.confidence === 'possible' ? 1 : 0;
    const summary = summaries.get(m.personId);
    if (summary) {
      summary.count++;
      if (possible) summary.possible = (summary.possible ?? 0) + 1;
      continue;
    }
    const range = liveRange(m.mark.range);
    const rect = range?.getBoundingClientRect();
    summaries.set(m.personId, {
      personId: m.personId,
      name: people[m.mention.person]?.en ?? m.personId,
      count: 1,
      ...(possible ? { possible } : {}),
      first: {
        text: range?.toString() ?? '',
        top: Math.round((rect?.top ?? 0) + window.scrollY),
        left: Math.round((rect?.left ?? 0) + window.scrollX),
      },
    });
  }
  return { url: location.href, title: document.title, host: pageSiteKey(), enabled, people: [...summaries.values()] };
}
