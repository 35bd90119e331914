/**
 * The notes page's search: a note matches when the query, trimmed and
 * lower-cased, occurs in any of its fields (text, origin title, URL and
 * selection) or in its person's names (English, Chinese, native), each
 * lower-cased. That rule is `noteMatches`; the index gives the same answers
 * fast enough for every keystroke over 20,000 notes.
 *
 * The index keeps, per note record, one string of its lower-cased fields
 * joined by '\n'. A query from the search box never holds '\n' (an
 * `<input type="search">` strips line breaks), so it can only occur inside one
 * field of that string, which is exactly the rule. A query that does hold one
 * falls back to the rule itself. Fields are lower-cased one by one, never
 * joined first, so context-dependent case mappings (Greek final sigma) come
 * out as the rule's.
 */
import type { NoteRecord } from './records';

/** A person's names as the search reads them; undefined for an id the dataset does not know. */
export type PersonNames = (personId: string) => { en: string; zh?: string; native?: string } | undefined;

const FIELD_SEPARATOR = '\n';

/** The query as it is compared: trimmed and lower-cased; '' shows every note. */
export function normalizeNoteQuery(query: string): string {
  return query.trim().toLowerCase();
}

function fields(note: NoteRecord, names: PersonNames): Array<string | undefined> {
  const person = names(note.personId);
  return [note.text, note.origin?.title, note.origin?.url, note.origin?.selection, person?.en, person?.zh, person?.native];
}

/** The rule, field by field: the reference the index is tested against. */
export function noteMatches(note: NoteRecord, needle: string, names: PersonNames): boolean {
  if (!needle) return true;
  return fields(note, names).some((value) => value?.toLowerCase().includes(needle));
}

export interface NoteSearchIndex {
  /** The notes of `notes` that match `query`, in their order; `notes` itself for an empty query. */
  search(notes: readonly NoteRecord[], query: string): readonly NoteRecord[];
  /** Makes the searchable strings of these notes now (while the page is idle), so the first keystroke only scans. */
  prepare(notes: readonly NoteRecord[]): void;
}

/**
 * An index over whatever notes it is asked about. Searchable strings are kept
 * per record object, so a list that changed by one edit recomputes one string,
 * and a dropped record's string goes with it.
 */
export function createNoteSearchIndex(names: PersonNames): NoteSearchIndex {
  const searchable = new WeakMap<NoteRecord, string>();
  const textOf = (note: NoteRecord): string => {
    let text = searchable.get(note);
    if (text === undefined) {
      text = fields(note, names)
        .filter((value): value is string => !!value)
        .map((value) => value.toLowerCase())
        .join(FIELD_SEPARATOR);
      searchable.set(note, text);
    }
    return text;
  };
  // The last answer, as the page asks twice per keystroke (its count and its list).
  let last: { notes: readonly NoteRecord[]; needle: string; result: readonly NoteRecord[] } | null = null;

  return {
    prepare(notes) {
      for (const note of notes) textOf(note);
    },
    search(notes, query) {
      const needle = normalizeNoteQuery(query);
      if (!needle) return notes;
      if (last && last.notes === notes && last.needle === needle) return last.result;
      const result = needle.includes(FIELD_SEPARATOR)
        ? notes.filter((note) => noteMatches(note, needle, names))
        : notes.filter((note) => textOf(note).includes(needle));
      last = { notes, needle, result };
      return result;
    },
  };
}
