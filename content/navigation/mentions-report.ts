/** What the content script reports about the people on its page (`listMentions`). */
export interface MentionSummary {
  personId: string;
  /** English display name, so a caller needs no dataset to show the list. */
  name: string;
  /** How many marks this person has on the page. */
  count: number;
  /** How many of those are possible matches (drawn weaker); absent when none. */
  possible?: number;
  /** The first mention in document order: its text as written and its position in the page. */
  first: { text: string; top: number; left: number };
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
