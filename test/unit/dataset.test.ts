import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../../data/schema';
import { buildAliasIndex, buildDetails } from '../../utils/dataset/build';
import { loadArticles, loadDatasetFiles } from '../../utils/dataset/load-files';
import { collectQuotes, quoteProblems, validateDataset } from '../../utils/dataset/validate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.join(root, 'data');
const seedsDir = process.env.TALENT_LENS_SEEDS ?? path.resolve(root, '../shared/seeds');
const seedsPresent = existsSync(seedsDir);
if (!seedsPresent) console.warn(`SKIPPED: seed articles not found at ${seedsDir}; quote checks did not run (set TALENT_LENS_SEEDS)`);

const raw = loadDatasetFiles(dataDir);
const dataset = validateDataset(raw);

/** A deep copy of the raw dataset to break. */
const copy = (): DatasetRecord => structuredClone(dataset);
const person = (data: DatasetRecord, id: string) => {
  const p = data.people.find((x) => x.id === id);
  if (!p) throw new Error(`no person ${id}`);
  return p;
};
const messageOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected validateDataset to throw');
};

describe('dataset files', () => {
  it('validate against the schema and referential integrity', () => {
    expect(dataset.people.length).toBeGreaterThan(30);
    expect(dataset.sources.map((s) => s.id)).toEqual(['s000', 's001', 's002', 's003', 's004']);
  });

  it('name each person file after its id', () => {
    const files = readdirSync(path.join(dataDir, 'people'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toEqual(dataset.people.map((p) => `${p.id}.json`));
  });

  it('give every person a full Latin alias and a full Simplified Chinese alias', () => {
    for (const p of dataset.people) {
      const full = p.aliases.filter((a) => a.kind === 'full');
      expect(
        full.some((a) => a.script === 'Latn'),
        `${p.id}: full Latn alias`,
      ).toBe(true);
      expect(
        full.some((a) => a.script === 'Hans'),
        `${p.id}: full Hans alias`,
      ).toBe(true);
    }
  });

  it('cite only existing sources in alias `seen`', () => {
    const ids = new Set(dataset.sources.map((s) => s.id));
    for (const p of dataset.people)
      for (const a of p.aliases)
        if (a.seen !== undefined && a.seen !== 'common') expect(ids.has(a.seen), `${p.id}: ${a.text} seen ${a.seen}`).toBe(true);
  });

  it('keep 1–3 card quotes of 8–120 characters per person', () => {
    for (const p of dataset.people) {
      expect(p.quotes.length).toBeGreaterThanOrEqual(1);
      expect(p.quotes.length).toBeLessThanOrEqual(3);
      for (const q of p.quotes) {
        const n = [...q.text].length;
        expect(n >= 8 && n <= 120, `${p.id}: quote length ${n}: ${q.text}`).toBe(true);
        expect(q.gloss, `${p.id}: gloss`).toBeTruthy();
      }
    }
  });

  it('link every conflict to the records it explains', () => {
    expect(dataset.conflicts.length).toBeGreaterThan(0);
    for (const c of dataset.conflicts) {
      const sources = new Set(c.claims.flatMap((claim) => claim.sources.map((s) => s.source)));
      // A conflict with every claim from one article would be an internal inconsistency; still allowed, but each claim needs a source.
      expect(sources.size).toBeGreaterThan(0);
    }
    expect(person(dataset, 'ilya-sutskever').moves.some((m) => m.conflict === 'sutskever-departure-date')).toBe(true);
    expect(person(dataset, 'mark-chen').roleConflict).toBe('mark-chen-title');
  });
});

describe('validateDataset reports integrity failures', () => {
  it('unknown organization, source, conflict and person ids, with their paths', () => {
    const broken = copy();
    person(broken, 'mark-chen').org = 'no-such-org';
    person(broken, 'mark-chen').roleSources[0]!.source = 's999';
    person(broken, 'ilya-sutskever').moves[0]!.conflict = 'no-such-conflict';
    broken.conflicts[0]!.people.push('nobody');
    const message = messageOf(() => validateDataset(broken));
    expect(message).toContain('(mark-chen).org: unknown organization "no-such-org"');
    expect(message).toContain('(mark-chen).roleSources[0].source: unknown source "s999"');
    expect(message).toContain('(ilya-sutskever).moves[0].conflict: unknown conflict "no-such-conflict"');
    expect(message).toContain('unknown person "nobody"');
  });

  it('duplicate ids and duplicate alias text within a person', () => {
    const broken = copy();
    broken.organizations.push(structuredClone(broken.organizations[0]!));
    const p = person(broken, 'sam-altman');
    p.aliases.push({ ...p.aliases[0]! });
    const message = messageOf(() => validateDataset(broken));
    expect(message).toMatch(/organizations\[\d+\]\(openai\)\.id: duplicate id "openai"/);
    expect(message).toContain('duplicate alias "Sam Altman"');
  });

  it('a move or role conflict that does not list the person', () => {
    const broken = copy();
    person(broken, 'sam-altman').roleConflict = 'mark-chen-title';
    const message = messageOf(() => validateDataset(broken));
    expect(message).toContain('(sam-altman).roleConflict: conflict "mark-chen-title" does not list person "sam-altman"');
  });

  it('a person fact that links a dispute about an organization, and an unknown organization on a dispute', () => {
    const broken = copy();
    person(broken, 'sam-altman').roleConflict = 'microsoft-investment-amount';
    broken.conflicts.find((c) => c.id === 'openai-shutdown-nature')!.organization = 'no-such-org';
    const message = messageOf(() => validateDataset(broken));
    expect(message).toContain(
      '(sam-altman).roleConflict: conflict "microsoft-investment-amount" is about organization "openai", not this person',
    );
    expect(message).toContain('(openai-shutdown-nature).organization: unknown organization "no-such-org"');
  });

  it('an undated source that does not say how we placed it, and a dated one that is placed too', () => {
    const broken = copy();
    delete broken.sources.find((s) => s.id === 's001')!.placed;
    broken.sources.find((s) => s.id === 's004')!.placed = { en: 'in 2025' };
    const message = messageOf(() => validateDataset(broken));
    expect(message).toContain('(s001).placed: an undated source says when we place it and from what');
    expect(message).toContain('(s004).placed: only an undated source is placed; this one has a date');
  });

  it('a source without its language', () => {
    const broken = structuredClone(raw) as { sources: Array<Record<string, unknown>> };
    delete broken.sources[0]!.language;
    expect(messageOf(() => validateDataset(broken))).toMatch(/sources\[0\].*language/);
  });

  it('alias rules: middle-dot variants and single-character Chinese aliases', () => {
    const broken = copy();
    person(broken, 'mark-chen').aliases.push(
      { text: '马克・陈', script: 'Hans', kind: 'full' },
      { text: '陈', script: 'Hans', kind: 'surname' },
    );
    const message = messageOf(() => validateDataset(broken));
    expect(message).toContain('uses a middle-dot variant');
    expect(message).toContain('single-character Chinese alias "陈"');
  });

  it('schema failures with their paths, all at once', () => {
    const broken = structuredClone(raw) as { people: Array<{ aliases: Array<{ kind: string }> }>; sources: Array<{ id: string }> };
    broken.people[0]!.aliases[0]!.kind = 'nickname';
    broken.sources[1]!.id = 'Bad Id';
    const message = messageOf(() => validateDataset(broken));
    expect(message).toMatch(/people\[0\]\([a-z-]+\)\.aliases\[0\]\.kind/);
    expect(message).toMatch(/sources\[1\]\(Bad Id\)\.id/);
    expect(message).toMatch(/2 problems/);
  });
});

describe('alias usage and move doubt', () => {
  type RawPerson = { id: string; aliases: Array<Record<string, unknown>>; moves: Array<Record<string, unknown>> };
  /** The raw files with one person's first alias and move broken as given, validated. */
  const brokenBy = (breakIt: (p: RawPerson) => void) => {
    const broken = structuredClone(raw) as { people: RawPerson[] };
    const karpathy = broken.people.find((p) => p.id === 'andrej-karpathy')!;
    breakIt(karpathy);
    return messageOf(() => validateDataset(broken));
  };

  it('refuses an unknown usage, naming the allowed ones', () => {
    const message = brokenBy((p) => (p.aliases[2]!.usage = ['taiwanese']));
    expect(message).toMatch(
      /\(andrej-karpathy\)\.aliases\[2\]\.usage\[0\]: usage is one of mainland, taiwan, hongkong, machine-translation, own/,
    );
  });

  it('refuses an empty usage list and a usage that is not a list', () => {
    expect(brokenBy((p) => (p.aliases[2]!.usage = []))).toContain('aliases[2].usage: usage lists at least one place the form is used');
    expect(brokenBy((p) => (p.aliases[2]!.usage = 'mainland'))).toContain('aliases[2].usage: Invalid input');
  });

  it('refuses a doubt that is bare text or has no English', () => {
    expect(brokenBy((p) => (p.moves[2]!.doubt = 'unsure'))).toContain(
      '(andrej-karpathy).moves[2].doubt: a doubt is { en, zh? }: our words on why the claim is uncertain',
    );
    expect(brokenBy((p) => (p.moves[2]!.doubt = { en: '', zh: '存疑' }))).toContain('moves[2].doubt.en: a doubt needs its English text');
  });

  it('refuses a regional note that disagrees with the script', () => {
    const broken = copy();
    const zuck = person(broken, 'mark-zuckerberg');
    zuck.aliases.find((a) => a.text === '祖克柏')!.usage = ['mainland'];
    zuck.aliases.find((a) => a.text === '扎克伯格')!.usage = ['taiwan'];
    const message = messageOf(() => validateDataset(broken));
    expect(message).toContain('"祖克柏" is marked Hant but noted as a mainland form');
    expect(message).toContain('"扎克伯格" is marked Hans but noted only as a taiwan form');
  });

  it("carries usage to the details but not into the content script's index", () => {
    const details = buildDetails(dataset);
    expect(details.people['mark-zuckerberg']!.aliases.find((a) => a.text === '朱克伯格')?.usage).toEqual(['hongkong']);
    const index = buildAliasIndex(dataset);
    // [text, person, safety] and, for shared aliases, a fourth flag: never the usage.
    expect(index.aliases.every((entry) => entry.length === 3 || (entry.length === 4 && entry[3] === 1))).toBe(true);
    expect(JSON.stringify(index)).not.toContain('hongkong');
  });

  it('notes where every variant form added for issue 13 is used', () => {
    const usageOf = (id: string, text: string) => person(dataset, id).aliases.find((a) => a.text === text)?.usage;
    expect(usageOf('mark-zuckerberg', '朱克伯格')).toEqual(['hongkong']);
    expect(usageOf('mark-zuckerberg', '祖克柏')).toEqual(['taiwan']);
    expect(usageOf('mira-murati', '穆拉提')).toEqual(['taiwan', 'hongkong']);
    expect(usageOf('andrej-karpathy', '卡帕斯')).toEqual(['taiwan', 'hongkong']);
    expect(usageOf('greg-brockman', '布洛克曼')).toEqual(['mainland']);
    expect(usageOf('sam-altman', '山姆·奥尔特曼')).toEqual(['mainland']);
    expect(usageOf('jakub-pachocki', '帕乔基')).toEqual(['mainland']);
  });
});

describe('corrections checked against the articles (issue 13)', () => {
  it('Mira Murati: the 2024 departure (s003) and Thinking Machines (s002, undated) are separate moves', () => {
    const [left, now] = person(dataset, 'mira-murati').moves;
    expect(left).toMatchObject({ from: 'openai', to: null, when: '2024' });
    expect(left!.sources.map((s) => s.source)).toEqual(['s003']);
    expect(now).toMatchObject({ from: null, to: 'thinking-machines-lab' });
    expect(now!.when).toBeUndefined();
    expect(now!.sources.map((s) => s.source)).toEqual(['s002']);
  });

  it('Andrej Karpathy: the 2023 return names no origin; the Eureka Labs date carries a doubt', () => {
    const moves = person(dataset, 'andrej-karpathy').moves;
    expect(moves.find((m) => m.when === '2023')).toMatchObject({ from: null, to: 'openai' });
    expect(moves.find((m) => m.to === 'eureka-labs')?.doubt?.en).toMatch(/heading/);
  });

  it('s003 no longer claims its facts are used only where other sources agree', () => {
    const s003 = dataset.sources.find((s) => s.id === 's003')!;
    expect(s003.caveat?.en).not.toMatch(/only where other sources agree/);
    expect(s003.caveat?.en).toMatch(/come from it alone/);
  });

  it('records what the shutdown week was as a conflict between s000 and s003', () => {
    const conflict = dataset.conflicts.find((c) => c.id === 'openai-shutdown-nature');
    expect(conflict?.claims.map((c) => c.sources.map((s) => s.source))).toEqual([['s000'], ['s003']]);
  });

  it('lists "Mark" as a given name of both Marks', () => {
    for (const id of ['mark-chen', 'mark-zuckerberg'])
      expect(person(dataset, id).aliases.find((a) => a.text === 'Mark')).toMatchObject({ kind: 'given', script: 'Latn' });
  });
});

describe('buildAliasIndex', () => {
  const index = buildAliasIndex(dataset);

  it('includes every alias with safety 0 for full names and 1 otherwise', () => {
    dataset.people.forEach((p, i) => {
      for (const a of p.aliases) {
        const entry = index.aliases.find(([text, who]) => text === a.text && who === i);
        expect(entry, `${p.id}: ${a.text}`).toBeDefined();
        // A unique surname (扎克伯格) obeys the full-name rules: changed on purpose with the evidence model.
        expect(entry![2]).toBe(a.kind === 'full' || a.ambiguity === 'unique' ? 0 : 1);
        expect(entry![3] === 1).toBe(a.ambiguity === 'shared');
      }
    });
    expect(index.people.map((p) => p.id)).toEqual(dataset.people.map((p) => p.id));
  });

  it('adds Traditional variants of Simplified aliases, without duplicates', () => {
    const zhao = dataset.people.findIndex((p) => p.id === 'shengjia-zhao');
    expect(index.aliases).toContainEqual(['趙晟佳', zhao, 0]);
    const altman = dataset.people.findIndex((p) => p.id === 'sam-altman');
    expect(index.aliases).toContainEqual(['奧特曼', altman, 1, 1]);
    const keys = index.aliases.map(([text, who]) => `${text}|${who}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('folds Traditional to Simplified character by character for alias characters', () => {
    const pairs = new Map<string, string>();
    const chars = [...index.t2s];
    expect(chars.length % 2).toBe(0);
    for (let i = 0; i < chars.length; i += 2) pairs.set(chars[i]!, chars[i + 1]!);
    expect(pairs.get('趙')).toBe('赵');
    expect(pairs.get('馬')).toBe('马');
    // Only characters that occur in some alias, near form, evidence term or homophone syllable are folded.
    const aliasChars = new Set([
      ...[...index.aliases, ...(index.near ?? []), ...(index.evidence?.terms ?? [])].flatMap(([text]) => [...text]),
      ...(index.homophones?.syllables ?? []).flatMap((chars) => [...chars]),
    ]);
    for (const simplified of pairs.values()) expect(aliasChars.has(simplified)).toBe(true);
  });

  it('handles a synthetic dataset', () => {
    const tiny = copy();
    tiny.people = [person(tiny, 'shengjia-zhao')];
    tiny.conflicts = [];
    tiny.people[0]!.moves = tiny.people[0]!.moves.map(({ conflict: _conflict, ...m }) => m);
    const small = buildAliasIndex(validateDataset(tiny));
    expect(small.people).toEqual([{ id: 'shengjia-zhao', en: 'Shengjia Zhao', zh: '赵晟佳', orgs: expect.any(Array) }]);
    expect(small.aliases.map(([text]) => text)).toEqual(expect.arrayContaining(['赵晟佳', '趙晟佳', '赵胜佳', '趙勝佳', 'Shengjia Zhao']));
  });
});

describe('buildDetails', () => {
  it('keys people, organizations and sources by id', () => {
    const details = buildDetails(dataset);
    expect(details.version).toBe(1);
    expect(details.people['mark-chen']?.name.native).toBe('陈信翰');
    expect(Object.keys(details.organizations)).toContain('openai');
    expect(Object.keys(details.sources)).toEqual(['s000', 's001', 's002', 's003', 's004']);
    expect(details.conflicts).toEqual(dataset.conflicts);
  });
});

describe('quotes against the seed articles', () => {
  it.skipIf(!seedsPresent)('every quote is an exact substring of its article', () => {
    const articles = loadArticles(
      seedsDir,
      dataset.sources.map((s) => s.file),
    );
    expect(Object.keys(articles)).toHaveLength(dataset.sources.length);
    expect(collectQuotes(dataset).length).toBeGreaterThan(100);
    expect(quoteProblems(dataset, articles)).toEqual([]);
  });

  it.skipIf(!seedsPresent)('titles of titled sources are verbatim from their article', () => {
    const articles = loadArticles(
      seedsDir,
      dataset.sources.map((s) => s.file),
    );
    for (const s of dataset.sources) if (!s.untitled) expect(articles[s.file], s.id).toContain(s.title);
  });

  it('quoteProblems reports a quote that is not in its article', () => {
    const broken = copy();
    person(broken, 'mark-chen').quotes[0]!.text = '这句话不在文章里';
    const articles = Object.fromEntries(broken.sources.map((s) => [s.file, '文章']));
    expect(quoteProblems(broken, articles).join('\n')).toContain('(mark-chen).quotes[0].text: not an exact substring');
  });
});
