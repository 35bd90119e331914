import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NoteRecord } from '@/utils/notes/records';
import { createNoteSearchIndex, noteMatches, normalizeNoteQuery, type PersonNames } from '@/utils/notes/search-index';

const people: Record<string, { en: string; zh?: string; native?: string }> = {
  'sam-altman': { en: 'Sam Altman', zh: '萨姆·奥尔特曼' },
  'alexandr-wang': { en: 'Alexandr Wang', zh: '亚历山大·王', native: '汪滔' },
  'shengjia-zhao': { en: 'Shengjia Zhao', zh: '赵晟佳' },
};
const names: PersonNames = (id) => people[id];

/** The notes page's filter as it was before the index (components/notes-page/NotesPage.tsx at 01a71dc). */
function oldFilter(notes: readonly NoteRecord[], query: string): NoteRecord[] {
  const needle = query.trim().toLowerCase();
  return notes.filter((note) => {
    if (!needle) return true;
    const person = people[note.personId];
    const haystack = [note.text, note.origin?.title, note.origin?.url, note.origin?.selection, person?.en, person?.zh, person?.native];
    return haystack.some((value) => value?.toLowerCase().includes(needle));
  });
}

const note = (id: string, personId: string, text: string, origin?: NoteRecord['origin']): NoteRecord => ({
  id,
  personId,
  text,
  createdAt: 1,
  updatedAt: 1,
  revision: 1,
  ...(origin ? { origin } : {}),
});

describe('the notes search index', () => {
  const notes = [
    note('1', 'sam-altman', 'Runs OpenAI', { url: 'https://a.example/Story', title: 'Site A', selection: 'the CEO said' }),
    note('2', 'alexandr-wang', 'Scale AI founder\nmoved to Meta'),
    note('3', 'unknown-person', 'ΣΟΦΟΣ wrote it'),
    note('4', 'shengjia-zhao', '後訓練 lead'),
  ];
  const ids = (query: string) =>
    createNoteSearchIndex(names)
      .search(notes, query)
      .map((n) => n.id);

  it('searches text, origin and the person’s names in both scripts, case-folded and trimmed', () => {
    expect(ids('  OPENAI ')).toEqual(['1']);
    expect(ids('site a')).toEqual(['1']);
    expect(ids('a.example/story')).toEqual(['1']);
    expect(ids('ceo said')).toEqual(['1']);
    expect(ids('汪滔')).toEqual(['2']);
    expect(ids('王')).toEqual(['2']);
    expect(ids('zhao')).toEqual(['4']);
    expect(ids('σοφος')).toEqual(['3']);
    expect(ids('')).toEqual(['1', '2', '3', '4']);
    const prepared = createNoteSearchIndex(names);
    prepared.prepare(notes);
    expect(prepared.search(notes, 'openai').map((n) => n.id)).toEqual(['1']);
    expect(ids('nothing like this')).toEqual([]);
  });

  it('never matches across two fields (text end + title start), nor across lines of one field unless asked', () => {
    expect(ids('ceo saidsam')).toEqual([]);
    expect(ids('said sam')).toEqual([]);
    expect(ids('ai founder')).toEqual(['2']);
    expect(ids('founder\nmoved')).toEqual(['2']);
    expect(ids('meta\nalexandr')).toEqual([]);
  });

  it('answers the same as the old filter on generated notes and queries (property)', () => {
    const word = fc.constantFrom(
      'sam',
      'Altman',
      '王',
      '汪',
      'OpenAI',
      'meta',
      'Σ',
      'ς',
      'σ',
      'İ',
      'ß',
      'https://',
      '.example',
      ' ',
      '\n',
      'a',
      'É',
      'é',
    );
    const text = fc.array(word, { maxLength: 6 }).map((ws) => ws.join(''));
    const record = fc.record({
      personId: fc.constantFrom(...Object.keys(people), 'unknown-person'),
      text,
      origin: fc.option(fc.record({ url: text, title: text, selection: fc.option(text, { nil: undefined }) }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 25 }), fc.array(text, { minLength: 1, maxLength: 5 }), (rows, queries) => {
        const corpus = rows.map((r, i) =>
          note(String(i), r.personId, r.text, r.origin && { ...r.origin, selection: r.origin.selection ?? undefined }),
        );
        const index = createNoteSearchIndex(names);
        for (const query of queries) {
          expect(index.search(corpus, query)).toEqual(oldFilter(corpus, query));
          // Asked twice, as the page does: the same answer.
          expect(index.search(corpus, query)).toEqual(oldFilter(corpus, query));
          expect(corpus.filter((n) => noteMatches(n, normalizeNoteQuery(query), names))).toEqual(oldFilter(corpus, query));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an edited note (a new record) is searched by its new text', () => {
    const index = createNoteSearchIndex(names);
    expect(index.search(notes, 'openai').map((n) => n.id)).toEqual(['1']);
    const edited = [{ ...notes[0]!, text: 'Left for a startup' }, ...notes.slice(1)];
    expect(index.search(edited, 'openai')).toEqual([]);
    expect(index.search(edited, 'startup').map((n) => n.id)).toEqual(['1']);
  });
});
