/**
 * The reader's own people and their additions to bundled people: declared once,
 * shared by the Dexie store (utils/notes/db.ts, version 5), the messages, the
 * export file and the UI.
 *
 * Everything here is private like a note: it lives in the extension's IndexedDB
 * and is never rendered into a page's document. Only the names to look for
 * (aliases) reach the content script, and only for people the reader chose to
 * mark on pages (see `Visibility`).
 */

/** Longest accepted fields, in UTF-16 units, and the most entries of each list. */
export const PEOPLE_LIMITS = {
  name: 200,
  alias: 200,
  aliases: 40,
  org: 200,
  role: 500,
  tag: 60,
  tags: 40,
  facts: 200,
  url: 4_096,
  title: 1_000,
  quote: 5_000,
  id: 100,
  /** The same bound as notes' (NOTE_LIMITS.revision), for the same reason. */
  revision: 1_000_000_000,
} as const;

/** As in the dataset: a full name marks alone; a surname or given name only once the person is named in full on the page. */
export type UserAliasKind = 'full' | 'surname' | 'given';

export interface UserAlias {
  text: string;
  kind: UserAliasKind;
}

/**
 * Where the reader learnt a fact: the page, and the sentence they selected on it,
 * verbatim. `date` is the page's date as the reader gives it (YYYY, YYYY-MM or
 * YYYY-MM-DD), else the day they read it.
 */
export interface FactSource {
  url: string;
  title: string;
  date?: string;
  quote?: string;
}

/** A role (what they do now) or a move (from one organization to another), with its source. */
export interface UserFact {
  id: string;
  kind: 'role' | 'move';
  /** The role's title, or the move in the reader's words. */
  text: string;
  org?: string;
  /** As precise as the source says: YYYY, YYYY-MM or YYYY-MM-DD. */
  when?: string;
  source?: FactSource;
  /** Epoch milliseconds. */
  addedAt: number;
}

/**
 * Whether the reader's names are drawn on pages. A page can read every highlight
 * range it holds (`CSS.highlights`), so a marked name tells the page that this
 * reader follows this person; `find-only` people are looked for only when the
 * popup's "On this page" asks, and nothing is drawn.
 */
export type Visibility = 'mark' | 'find-only';

/** What the reader adds to a person: their own person's record, or their layer over a bundled one. */
interface UserLayer {
  aliases: UserAlias[];
  facts: UserFact[];
  tags: string[];
  /** Absent: the reader's default (settings). */
  visibility?: Visibility;
  /** Epoch milliseconds. */
  createdAt: number;
  updatedAt: number;
  /** Incremented on every write; an import keeps the higher one. */
  revision: number;
}

/** A person the dataset lacks. The id is `u-` and a random UUID, so it never collides with a dataset id. */
export interface UserPersonRecord extends UserLayer {
  id: string;
  /** The name as the reader wrote it (any script), and the other script's form when they know it. */
  name: { primary: string; other?: string };
  org?: string;
  role?: string;
}

/** The reader's layer over a bundled person (one per person: its id is the person's). Never changes the dataset. */
export interface PersonAdditionRecord extends UserLayer {
  /** The bundled person's id. */
  id: string;
}

/** A deleted person or addition, kept so an undo works even after the service worker stopped. */
export interface TrashedPeopleEntry {
  id: string;
  deletedAt: number;
  entry: { kind: 'person'; record: UserPersonRecord } | { kind: 'addition'; record: PersonAdditionRecord };
}

/** The prefix of the reader's own people's ids. */
export const USER_PERSON_PREFIX = 'u-';

export function isUserPersonId(id: string): boolean {
  return id.startsWith(USER_PERSON_PREFIX);
}

/** A fact as a form sends it: the store gives a new one its id and time. */
export type UserFactDraft = Omit<UserFact, 'id' | 'addedAt'> & Partial<Pick<UserFact, 'id' | 'addedAt'>>;

/** What the add form sends: a new person (no id) or an edit (id + the revision it edited). */
export interface UserPersonDraft {
  id?: string;
  baseRevision?: number;
  name: { primary: string; other?: string };
  aliases: UserAlias[];
  org?: string;
  role?: string;
  facts?: UserFactDraft[];
  tags?: string[];
  visibility?: Visibility;
}

/** What a form sends for a bundled person's layer. */
export interface PersonAdditionDraft {
  personId: string;
  baseRevision?: number;
  aliases: UserAlias[];
  facts?: UserFactDraft[];
  tags?: string[];
  visibility?: Visibility;
}

export type SavePeopleResult<T> =
  | { ok: true; record: T }
  | { ok: false; reason: 'conflict'; current: T }
  | { ok: false; reason: 'missing' | 'invalid' | 'duplicate'; message: string };
