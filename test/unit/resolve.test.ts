import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AliasIndex, AliasSafety } from '@/data/schema';
import { createMatcher, type Hit } from '@/utils/match/matcher';
import { PageResolver, resolveMentions } from '@/utils/match/resolve';
import { scanTexts } from '@/content/scan/scan-document';
import { buildAliasIndex } from '@/utils/dataset/build';
import { loadDatasetFiles } from '@/utils/dataset/load-files';
import { validateDataset } from '@/utils/dataset/validate';

const SAM = 0;
const ALEXANDR = 1;
const JASON = 2;
const SHENGJIA = 3;
const OTHER_SAM = 4;

function hit(block: number, start: number, person: number, safety: AliasSafety, length = 4): Hit & { block: number } {
  return { block, start, end: start + length, person, safety, alias: person * 10 + safety };
}

const people = (mentions: Array<{ person: number; block?: number }>) => mentions.map((m) => m.person);

describe('resolveMentions', () => {
  it('drops a surname when the page never names the person in full', () => {
    expect(resolveMentions([hit(0, 0, SAM, 1)])).toEqual([]);
  });

  it('keeps a surname when the page names the person in full, in any block', () => {
    const mentions = resolveMentions([hit(0, 0, SAM, 1), hit(3, 10, SAM, 0)]);
    expect(mentions.map((m) => [m.block, m.person, m.safety])).toEqual([
      [0, SAM, 1],
      [3, SAM, 0],
    ]);
  });

  it('resolves a shared surname to the one person named in full', () => {
    const wang = (block: number) => [hit(block, 0, ALEXANDR, 1), hit(block, 0, JASON, 1)];
    expect(people(resolveMentions([...wang(0), hit(1, 0, ALEXANDR, 0)]))).toEqual([ALEXANDR, ALEXANDR]);
    expect(people(resolveMentions([...wang(0), hit(1, 0, JASON, 0)]))).toEqual([JASON, JASON]);
  });

  it('drops a shared surname when nobody, or several of its people, are named in full', () => {
    const wang = [hit(0, 0, ALEXANDR, 1), hit(0, 0, JASON, 1)];
    expect(resolveMentions(wang)).toEqual([]);
    expect(people(resolveMentions([...wang, hit(1, 0, ALEXANDR, 0), hit(2, 0, JASON, 0)]))).toEqual([ALEXANDR, JASON]);
  });

  it('gives a full name shared by two people to the first, listing both', () => {
    const [mention] = resolveMentions([hit(0, 0, SAM, 0), hit(0, 0, OTHER_SAM, 0)]);
    expect(mention).toMatchObject({ person: SAM, candidates: [SAM, OTHER_SAM] });
  });

  it('orders mentions by block, then start', () => {
    const mentions = resolveMentions([hit(2, 5, SAM, 0), hit(0, 9, SAM, 0), hit(0, 1, SAM, 1)]);
    expect(mentions.map((m) => [m.block, m.start])).toEqual([
      [0, 1],
      [0, 9],
      [2, 5],
    ]);
  });
});

describe('resolution of real text', () => {
  const index: AliasIndex = {
    version: 1,
    people: [
      { id: 'sam-altman', en: 'Sam Altman' },
      { id: 'alexandr-wang', en: 'Alexandr Wang' },
      { id: 'jason-wang', en: 'Jason Wang' },
      { id: 'shengjia-zhao', en: 'Shengjia Zhao' },
    ],
    aliases: [
      ['Sam Altman', SAM, 0],
      ['萨姆·奥尔特曼', SAM, 0],
      ['奥特曼', SAM, 1],
      ['Altman', SAM, 1],
      ['Alexandr Wang', ALEXANDR, 0],
      ['亚历山大·王', ALEXANDR, 0],
      ['Wang', ALEXANDR, 1],
      ['Jason Wang', JASON, 0],
      ['Wang', JASON, 1],
      ['Shengjia Zhao', SHENGJIA, 0],
      ['赵晟佳', SHENGJIA, 0],
      ['趙晟佳', SHENGJIA, 0],
      ['Zhao', SHENGJIA, 1],
    ],
    t2s: '趙赵',
  };
  const matcher = createMatcher(index);
  const scan = (...blocks: string[]) => scanTexts(blocks, matcher).map((m) => `${blocks[m.block]!.slice(m.start, m.end)}:${m.person}`);

  it('marks nothing on a badminton page about another Wang', () => {
    expect(scan('Badminton: Wang Zhiyi wins the final.', 'Wang said she was tired.')).toEqual([]);
  });

  it('marks nothing on a table-tennis page about 王曼昱', () => {
    expect(scan('王曼昱夺冠。', '王曼昱表示很开心。')).toEqual([]);
  });

  it('lets a Chinese full name validate a Latin surname, and the other way round', () => {
    expect(scan('萨姆·奥尔特曼发表讲话。', 'Altman said.')).toEqual(['萨姆·奥尔特曼:0', 'Altman:0']);
    expect(scan('Sam Altman spoke.', '奥特曼表示')).toEqual(['Sam Altman:0', '奥特曼:0']);
    expect(scan('趙晟佳加入Meta', 'Zhao said')).toEqual(['趙晟佳:3', 'Zhao:3']);
  });

  it('marks the surname of the Wang the page is about', () => {
    expect(scan('Jason Wang joined.', 'Wang said.')).toEqual(['Jason Wang:2', 'Wang:2']);
  });
});

describe('"Mark", a given name of Mark Chen and Mark Zuckerberg, with the real dataset', () => {
  // The real index, so this fails if the dataset stops listing "Mark" for either of them.
  const index = buildAliasIndex(validateDataset(loadDatasetFiles(path.resolve(import.meta.dirname, '../../data'))));
  const matcher = createMatcher(index);
  const scan = (...blocks: string[]) =>
    scanTexts(blocks, matcher, index).map((m) => `${blocks[m.block]!.slice(m.start, m.end)}:${index.people[m.person]!.id}`);

  it('gives a bare "Mark" to Zuckerberg on a page that names him in full', () => {
    expect(scan('Mark Zuckerberg wrote to the team.', 'Later, Mark said more.')).toEqual([
      'Mark Zuckerberg:mark-zuckerberg',
      'Mark:mark-zuckerberg',
    ]);
  });

  // "Mark Chen" is a shared full name (a chemist carries it too): these pages give the evidence, OpenAI.
  it('gives a bare "Mark" to Mark Chen on a page that names him in full', () => {
    expect(scan('OpenAI research chief Mark Chen sent a memo.', 'Mark said more.')).toEqual(['Mark Chen:mark-chen', 'Mark:mark-chen']);
  });

  it('marks neither for a bare "Mark" on a page that names both', () => {
    expect(scan('Mark Zuckerberg and OpenAI research chief Mark Chen met.', 'Mark said little.')).toEqual([
      'Mark Zuckerberg:mark-zuckerberg',
      'Mark Chen:mark-chen',
    ]);
  });

  it('marks nothing on a page that names neither', () => {
    expect(scan('Someone called Mark spoke.')).toEqual([]);
  });
});

describe('PageResolver', () => {
  it('validates earlier surname hits when a full name appears later, and reports only what changed', () => {
    const r = new PageResolver<string>();
    r.set('a', [hit(0, 0, SAM, 1)]);
    r.set('b', [hit(0, 0, SHENGJIA, 1)]);
    expect(r.flush()).toEqual(
      new Map([
        ['a', []],
        ['b', []],
      ]),
    );

    r.set('c', [hit(0, 0, SAM, 0)]);
    const changed = r.flush();
    expect([...changed.keys()].sort()).toEqual(['a', 'c']);
    expect(people(changed.get('a')!)).toEqual([SAM]);
    expect(people(r.mentions('a'))).toEqual([SAM]);
    expect(r.mentions('b')).toEqual([]);
    expect(r.namesInFull(SAM)).toBe(true);

    expect(r.flush().size).toBe(0);
  });

  it('invalidates surname hits when the full name leaves the page', () => {
    const r = new PageResolver<number>();
    r.set(1, [hit(0, 0, SAM, 1)]);
    r.set(2, [hit(0, 0, SAM, 0)]);
    r.flush();
    r.delete(2);
    const changed = r.flush();
    expect(changed).toEqual(
      new Map([
        [2, []],
        [1, []],
      ]),
    );
    expect(r.namesInFull(SAM)).toBe(false);
    expect(r.all().size).toBe(0);
  });

  it('counts a person named in full by several blocks until the last one goes', () => {
    const r = new PageResolver<number>();
    r.set(1, [hit(0, 0, SAM, 0)]);
    r.set(2, [hit(0, 0, SAM, 0)]);
    r.set(3, [hit(0, 0, SAM, 1)]);
    r.flush();
    r.delete(1);
    expect([...r.flush().keys()]).toEqual([1]);
    expect(people(r.mentions(3))).toEqual([SAM]);
    r.set(2, []);
    expect([...r.flush().keys()].sort()).toEqual([2, 3]);
    expect(r.mentions(3)).toEqual([]);
  });

  it('replaces a block whole on set', () => {
    const r = new PageResolver<string>();
    r.set('a', [hit(0, 0, SAM, 0)]);
    r.set('a', [hit(0, 7, ALEXANDR, 0)]);
    r.flush();
    expect(r.mentions('a').map((m) => [m.start, m.person])).toEqual([[7, ALEXANDR]]);
    expect(r.namesInFull(SAM)).toBe(false);
    expect([...r.all().keys()]).toEqual(['a']);
  });

  it('resolves each block only when the iteration of changes reaches it, with the same result as flush', () => {
    const make = () => {
      const r = new PageResolver<number>();
      r.set(1, [hit(0, 0, SAM, 1)]);
      r.set(2, [hit(0, 0, SAM, 0)]);
      r.set(3, [hit(0, 7, ALEXANDR, 0)]);
      return r;
    };
    const lazy = make();
    const changes = lazy.changes();
    expect(lazy.mentions(1)).toEqual([]);
    expect(changes.next().value).toEqual([1, lazy.mentions(1)]);
    expect(people(lazy.mentions(1))).toEqual([SAM]);
    expect(lazy.mentions(3)).toEqual([]);
    const rest = [...changes];
    expect(rest.map(([key]) => key)).toEqual([2, 3]);
    expect(people(lazy.mentions(3))).toEqual([ALEXANDR]);
    const whole = make().flush();
    expect(new Map([[1, lazy.mentions(1)], ...rest])).toEqual(whole);
  });

  it('ignores deleting an unknown block', () => {
    const r = new PageResolver<string>();
    r.delete('nope');
    expect(r.flush().size).toBe(0);
  });
});
