import { describe, expect, it } from 'vitest';
import { Automaton } from '@/utils/match/automaton';

function units(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Every occurrence as "pattern@end", in the order the automaton reports them. */
function occurrences(patterns: string[], text: string): string[] {
  const out: string[] = [];
  Automaton.build(patterns).scan(units(text), (id, end) => out.push(`${patterns[id]}@${end}`));
  return out;
}

/** A naive search for comparison: every (pattern, end) pair. */
function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p) => {
    if (!p) return;
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${p}@${i + p.length}`);
  });
  return out;
}

describe('Automaton', () => {
  it('finds every occurrence, overlapping ones included (the textbook case)', () => {
    expect(occurrences(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['she@4', 'he@4', 'hers@6']);
  });

  it('reports occurrences by end, longest first for one end', () => {
    expect(occurrences(['a', 'aa', 'aaa'], 'aaa')).toEqual(['a@1', 'aa@2', 'a@2', 'aaa@3', 'aa@3', 'a@3']);
  });

  it('matches Han text and surrogate pairs by code unit', () => {
    expect(occurrences(['奥特曼', '萨姆奥尔特曼', '😀x'], '萨姆奥尔特曼和奥特曼😀x')).toEqual(['萨姆奥尔特曼@6', '奥特曼@10', '😀x@13']);
  });

  it('ignores empty patterns and reports a duplicate under its first id', () => {
    const found: number[] = [];
    Automaton.build(['', 'ab', 'ab']).scan(units('xab'), (id) => found.push(id));
    expect(found).toEqual([1]);
  });

  it('scans only the given range', () => {
    const found: number[] = [];
    Automaton.build(['ab']).scan(units('ab ab ab'), (_, end) => found.push(end), 3, 6);
    expect(found).toEqual([5]);
  });

  it('builds a state per distinct prefix and a pattern length table', () => {
    const a = Automaton.build(['sam altman', 'sam', 'altman']);
    expect(a.stateCount).toBe(1 + 10 + 6);
    expect(a.patternCount).toBe(3);
    expect(a.patternLength(0)).toBe(10);
  });

  it('agrees with a naive search on many random patterns', () => {
    let seed = 42;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const alphabet = 'abc奥特';
    const word = (length: number) => Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    const patterns = [...new Set(Array.from({ length: 500 }, () => word(1 + Math.floor(random() * 6))))];
    const text = word(3000);
    const sort = (list: string[]) => [...list].sort();
    expect(sort(occurrences(patterns, text))).toEqual(sort(naive(patterns, text)));
  });

  it('handles no patterns at all', () => {
    expect(occurrences([], 'anything')).toEqual([]);
  });
});
