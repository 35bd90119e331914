/**
 * The reader's own people in the page: lays their marked names over the bundled
 * index, follows changes (the background saves new indexes, with the matcher's
 * tables built for them, so a page does not build them; every tab hears it at once) and finds the "find only" people when the popup asks who is on the
 * page, without drawing anything. Only names reach this script, never what the
 * reader wrote about anyone.
 */
import type { AliasIndex } from '@/data/schema';
import { createMatcher, type MatcherTables } from '@/utils/match/matcher';
import { resolveContextOf, resolveMentions } from '@/utils/match/resolve';
import { EMPTY_USER_INDEXES, loadUserIndexes, markingIndex, watchUserIndexes, type UserIndexes } from '@/utils/people/user-index';
import type { MentionSummary } from './navigation/mentions-report';

export interface UserPeopleLayer {
  /** Reads the stored indexes once, before the first scan. A failure counts as none: the bundled people still mark. */
  load(): Promise<void>;
  /** The index to mark with: the bundled one, with the reader's marked people over it. Built once per change. */
  index(): AliasIndex;
  /** The matcher's tables for {@link index}, as the background built them, when they fit it (else the page builds them). */
  tables(): MatcherTables | undefined;
  /** Calls `onChange` when the reader's marked people changed; returns the unsubscribe function. */
  watch(onChange: () => void): () => void;
  /** The "find only" people named in the page's text: found now, never drawn. */
  findOnly(): MentionSummary[];
}

export function userPeopleLayer(bundled: AliasIndex): UserPeopleLayer {
  let indexes: UserIndexes = EMPTY_USER_INDEXES;
  let merged: ReturnType<typeof markingIndex> | null = null;
  return {
    async load() {
      indexes = await loadUserIndexes().catch(() => EMPTY_USER_INDEXES);
      merged = null;
    },
    index: () => (merged ??= markingIndex(bundled, indexes)).index,
    tables: () => (merged ??= markingIndex(bundled, indexes)).tables,
    watch(onChange) {
      return watchUserIndexes((next) => {
        const markedChanged = JSON.stringify(next.marked) !== JSON.stringify(indexes.marked);
        indexes = next;
        if (!markedChanged) return;
        merged = null;
        onChange();
      });
    },
    findOnly() {
      const { findOnly } = indexes;
      if (findOnly.aliases.length === 0 || !document.body) return [];
      const index: AliasIndex = { version: 1, people: findOnly.people, aliases: findOnly.aliases, forms: findOnly.forms, t2s: bundled.t2s };
      const text = document.body.innerText;
      const hits = createMatcher(index)
        .scan(text)
        .map((hit) => ({ ...hit, block: 0 }));
      const found = new Map<string, MentionSummary>();
      for (const mention of resolveMentions(hits, resolveContextOf(index))) {
        const person = index.people[mention.person]!;
        const seen = found.get(person.id);
        if (seen) seen.count++;
        else
          found.set(person.id, {
            personId: person.id,
            name: person.en,
            count: 1,
            unmarked: true,
            first: { text: text.slice(mention.start, mention.end), top: 0, left: 0 },
          });
      }
      return [...found.values()];
    },
  };
}
