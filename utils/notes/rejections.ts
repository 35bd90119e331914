/**
 * "Not this person": the reader's choice that a name as a site writes it does
 * not mean the dataset's person there. Declared once: the background keeps the
 * records (rejection-store.ts), the content script suppresses the marks, the
 * notes page lists them. Pure, so the content script can import it without
 * bundling Dexie.
 */

/** What the content script knows of a rejection: whose mark, under which text. Never the site: the background derives it. */
export interface Rejection {
  personId: string;
  /** The mention's text as the page writes it ("Altman", 奥特曼), compared by `aliasKey`. */
  aliasText: string;
}

export interface RejectionRecord extends Rejection {
  /** `rejectionId`: one record per site, person and alias, so a second rejection of the same mark changes nothing. */
  id: string;
  /** The page's siteKey (utils/settings.ts), from the browser's account of the sender. */
  site: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/**
 * An Undo as the background relays it to every frame of the tabs where that site was seen: the
 * record's site, so that only the frames of that site (in any tab, top or child) act on it.
 */
export interface UndoneRejection extends Rejection {
  site: string;
}

export const REJECTION_LIMITS = {
  /** A mention is a name: longer text is not one of ours. */
  aliasText: 200,
  /** Per site, so a page's content script (which the page can drive) cannot fill the database. */
  perSite: 500,
} as const;

/** The form alias texts are compared in: whitespace runs (a line break inside a name) as one space, no padding. */
export function aliasKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** One key per (person, alias), for sets in the page layer. */
export function rejectionKey(rejection: Rejection): string {
  return `${rejection.personId}\n${aliasKey(rejection.aliasText)}`;
}

export function rejectionId(site: string, rejection: Rejection): string {
  return `${site}\n${rejectionKey(rejection)}`;
}
