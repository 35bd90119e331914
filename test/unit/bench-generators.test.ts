/**
 * The benchmark's input generators (bench/pages.ts, bench/synthetic-index.ts):
 * the same seed gives the same page, pages have exactly the text nodes asked
 * for and names at about the density asked for, and the synthetic index has
 * the size and shape the scale benchmark claims.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AliasIndex } from '../../data/schema';
import { generatePage, namesOf, type NameChoice } from '../../bench/pages';
import { generateAliasIndex } from '../../bench/synthetic-index';
import { createRng } from '../../bench/prng';

/** A small index of its own, so these tests do not depend on the data build. */
const INDEX: AliasIndex = {
  version: 1,
  people: [
    { id: 'ada-quill', en: 'Ada Quill', zh: '艾达·奎尔' },
    { id: 'bo-fenwick', en: 'Bo Fenwick', zh: '博·芬威克' },
  ],
  aliases: [
    ['Ada Quill', 0, 0],
    ['Quill', 0, 1],
    ['艾达·奎尔', 0, 0],
    ['奎尔', 0, 1],
    ['艾達·奎爾', 0, 0],
    ['Bo Fenwick', 1, 0],
    ['Fenwick', 1, 1],
    ['博·芬威克', 1, 0],
    ['芬威克', 1, 1],
  ],
  t2s: '達达爾尔',
};
const NAMES = namesOf(INDEX);

function textNodesOf(html: string): string[] {
  const { document } = parseHTML(html);
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) out.push(node.nodeValue ?? '');
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(document.body);
  return out;
}

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Names found in the text, counting each spot once (a full name hides the surname inside it). */
function countNames(text: string, names: readonly NameChoice[]): number {
  const full = names.filter((n) => n.full);
  let rest = text;
  let count = 0;
  for (const n of [...full].sort((a, b) => b.text.length - a.text.length)) {
    count += occurrences(rest, n.text);
    rest = rest.split(n.text).join('\u0000');
  }
  for (const n of names.filter((x) => !x.full).sort((a, b) => b.text.length - a.text.length)) {
    count += occurrences(rest, n.text);
    rest = rest.split(n.text).join('\u0000');
  }
  return count;
}

describe('seeded PRNG', () => {
  it('repeats a sequence for a seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('generatePage', () => {
  it('is deterministic for a seed', () => {
    const spec = { name: 'p', seed: 7, textNodes: 500, mentionsPer1000: 2, names: NAMES };
    expect(generatePage(spec).html).toBe(generatePage(spec).html);
    expect(generatePage({ ...spec, seed: 8 }).html).not.toBe(generatePage(spec).html);
  });

  it.each([1_000, 10_000])('has exactly %i text nodes, all non-empty, with the characters it reports', (n) => {
    const page = generatePage({ name: 'p', seed: 1, textNodes: n, mentionsPer1000: 2, names: NAMES });
    const nodes = textNodesOf(page.html);
    expect(page.textNodes).toBe(n);
    expect(nodes).toHaveLength(n);
    expect(nodes.every((t) => t.length > 0)).toBe(true);
    expect(nodes.join('').length).toBe(page.chars);
  });

  it('plants about two names per 1,000 characters, and no others', () => {
    const page = generatePage({ name: 'p', seed: 3, textNodes: 20_000, mentionsPer1000: 2, names: NAMES });
    const text = textNodesOf(page.html).join('');
    const density = (page.mentions / page.chars) * 1000;
    expect(density).toBeGreaterThan(1.8);
    expect(density).toBeLessThan(2.2);
    // Every planted name is in the text as written, and the prose holds no other name.
    expect(countNames(text, NAMES)).toBe(page.mentions);
  });

  it('mixes Chinese and English, uses inline markup, and splits some names across it', () => {
    const page = generatePage({ name: 'p', seed: 5, textNodes: 5_000, mentionsPer1000: 2, names: NAMES });
    const text = textNodesOf(page.html).join('');
    expect(/\p{Script=Han}/u.test(text)).toBe(true);
    expect(/[A-Za-z]{4}/.test(text)).toBe(true);
    for (const tag of ['<a ', '<b>', '<em>']) expect(page.html).toContain(tag);
    expect(page.html).toMatch(/<b>(Ada|Bo|艾达|博)<\/b>/);
    expect(page.firstMentions.length).toBeGreaterThan(0);
    for (const name of page.firstMentions) expect(NAMES.some((n) => n.full && n.text === name)).toBe(true);
  });

  it("a surname only follows one of its person's full names", () => {
    const page = generatePage({ name: 'p', seed: 9, textNodes: 3_000, mentionsPer1000: 4, names: NAMES });
    const text = textNodesOf(page.html).join('');
    let checked = 0;
    for (const person of [0, 1]) {
      const full = NAMES.filter((n) => n.person === person && n.full).map((n) => n.text);
      // Blank out the full names (same length) so what is left of a surname stands alone.
      let bare = text;
      for (const f of full) bare = bare.split(f).join('\u0000'.repeat(f.length));
      const firstFull = Math.min(...full.map((f) => text.indexOf(f)).filter((i) => i >= 0));
      for (const surname of NAMES.filter((n) => n.person === person && !n.full)) {
        const firstSurname = bare.indexOf(surname.text);
        if (firstSurname === -1) continue;
        checked++;
        expect(firstFull).toBeLessThan(firstSurname);
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('a page without names has none', () => {
    const page = generatePage({ name: 'p', seed: 2, textNodes: 2_000, mentionsPer1000: 0, names: NAMES });
    expect(page.mentions).toBe(0);
    expect(countNames(textNodesOf(page.html).join(''), NAMES)).toBe(0);
  });

  it('with the real dataset, the prose holds no name but the planted ones', () => {
    const file = path.resolve(import.meta.dirname, '../../data/generated/alias-index.json');
    let index: AliasIndex;
    try {
      index = JSON.parse(readFileSync(file, 'utf8')) as AliasIndex;
    } catch {
      return; // The data build has not run; the small index above covers the generator.
    }
    const names = namesOf(index);
    const page = generatePage({ name: 'p', seed: 11, textNodes: 10_000, mentionsPer1000: 2, names });
    expect(countNames(textNodesOf(page.html).join(''), names)).toBe(page.mentions);
  });
});

describe('generateAliasIndex', () => {
  const synthetic = generateAliasIndex({ people: 2_000, seed: 4, base: INDEX });

  it('is deterministic and keeps the base index first', () => {
    expect(JSON.stringify(generateAliasIndex({ people: 2_000, seed: 4, base: INDEX }))).toBe(JSON.stringify(synthetic));
    expect(synthetic.people.slice(0, 2)).toEqual(INDEX.people);
    expect(synthetic.aliases.slice(0, INDEX.aliases.length)).toEqual(INDEX.aliases);
  });

  it('has about five aliases a person, Latin and Chinese, full names and surnames', () => {
    expect(synthetic.people).toHaveLength(2_002);
    const added = synthetic.aliases.slice(INDEX.aliases.length);
    expect(added.length / 2_000).toBeGreaterThan(4.5);
    expect(added.length / 2_000).toBeLessThan(6);
    const han = added.filter(([t]) => /\p{Script=Han}/u.test(t)).length;
    expect(han / added.length).toBeGreaterThan(0.3);
    expect(han / added.length).toBeLessThan(0.7);
    expect(added.some(([, , s]) => s === 1)).toBe(true);
    expect(new Set(synthetic.people.map((p) => p.en)).size).toBe(synthetic.people.length);
    for (const [, person] of added) expect(person).toBeLessThan(synthetic.people.length);
  });
});
