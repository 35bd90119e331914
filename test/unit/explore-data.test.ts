import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDetails } from '../../utils/dataset/build';
import { loadDatasetFiles } from '../../utils/dataset/load-files';
import { validateDataset } from '../../utils/dataset/validate';
import { toCsv } from '../../utils/explore/csv';
import {
  ALL,
  DEFAULT_FILTER,
  NO_ORGANIZATION,
  OTHER_ORGANIZATIONS,
  filterMoves,
  flowBands,
  organizationsOf,
  periodsOf,
} from '../../utils/explore/flows';
import { bundledMoves, isDisputed, type ExploreMove } from '../../utils/explore/moves';
import { UNDATED, comparePeriods, dateSpan, periodOf, periodParts } from '../../utils/explore/periods';
import { timelineLanes, timelineYears } from '../../utils/explore/timeline';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const details = buildDetails(validateDataset(loadDatasetFiles(path.join(root, 'data'))));
const bundled = bundledMoves(details);

let counter = 0;
function move(personId: string, from: string | null, to: string | null, when?: string, extra: Partial<ExploreMove> = {}): ExploreMove {
  return {
    id: `${personId}#${counter++}`,
    personId,
    personName: { en: personId },
    origin: 'bundled',
    from,
    to,
    ...(when ? { when } : {}),
    sources: [{ source: 's000' }],
    ...extra,
  };
}

describe('periods', () => {
  it('puts a date in its year or quarter, a year-only date in its year, no date in the undated period', () => {
    expect(periodOf('2025-06-30', 'year')).toBe('2025');
    expect(periodOf('2025-06', 'quarter')).toBe('2025-Q2');
    expect(periodOf('2025-10-01', 'quarter')).toBe('2025-Q4');
    expect(periodOf('2025', 'quarter')).toBe('2025');
    expect(periodOf(undefined, 'year')).toBe(UNDATED);
  });

  it('orders a year before its quarters and undated last', () => {
    expect(['undated', '2025-Q2', '2024', '2025', '2025-Q1'].sort(comparePeriods)).toEqual([
      '2024',
      '2025',
      '2025-Q1',
      '2025-Q2',
      'undated',
    ]);
    expect(periodParts('2025-Q3')).toEqual({ kind: 'quarter', year: '2025', quarter: 3 });
    expect(periodParts(UNDATED)).toEqual({ kind: 'undated' });
  });

  it('spans a date over exactly the time its precision covers', () => {
    expect(dateSpan('2025')).toEqual([2025, 2026]);
    const [start, end] = dateSpan('2025-06');
    expect(start).toBeCloseTo(2025 + 151 / 365, 6);
    expect(end).toBeCloseTo(2025 + 181 / 365, 6);
    const [dayStart, dayEnd] = dateSpan('2025-12-31');
    expect(dayEnd).toBe(2026);
    expect(dayEnd - dayStart).toBeCloseTo(1 / 365, 6);
  });
});

describe('bundled moves', () => {
  it('keeps every move of the dataset with its person, sources and doubts', () => {
    const total = Object.values(details.people).reduce((sum, person) => sum + person.moves.length, 0);
    expect(bundled).toHaveLength(total);
    expect(new Set(bundled.map((m) => m.id)).size).toBe(total);
    expect(bundled.every((m) => m.origin === 'bundled' && m.sources.length > 0)).toBe(true);
    const karpathy = bundled.find((m) => m.personId === 'andrej-karpathy' && m.to === 'eureka-labs');
    expect(karpathy?.doubt?.en).toBeTruthy();
    expect(isDisputed(karpathy!)).toBe(true);
  });

  it('draws the June 2025 OpenAI → Meta Superintelligence Labs moves as one flow of every person who made it', () => {
    const expected = Object.values(details.people)
      .filter((p) => p.moves.some((m) => m.from === 'openai' && m.to === 'meta-superintelligence-labs' && m.when === '2025-06'))
      .map((p) => p.id)
      .sort();
    expect(expected).toEqual(expect.arrayContaining(['shengjia-zhao', 'jiahui-yu', 'shuchao-bi', 'hongyu-ren']));
    const band = flowBands(bundled, 'quarter').find((b) => b.period === '2025-Q2')!;
    const flow = band.flows.find((f) => f.from === 'openai' && f.to === 'meta-superintelligence-labs')!;
    expect(flow.people).toBe(expected.length);
    expect(flow.moves.map((m) => m.personId).sort()).toEqual(expected);
    expect(flow.disputed).toBe(flow.moves.filter(isDisputed).length);
    // Alexandr Wang came from Scale AI in the same month: another flow.
    const wang = band.flows.find((f) => f.from === 'scale-ai')!;
    expect(wang.moves.map((m) => m.personId)).toEqual(['alexandr-wang']);
  });

  it('counts a move whose date the sources dispute, and one we doubt, as disputed', () => {
    const [band] = flowBands(
      bundled.filter((m) => m.when?.startsWith('2024')),
      'year',
    );
    const sutskever = band!.flows.find((f) => f.to === 'safe-superintelligence')!;
    expect(sutskever.moves[0]!.conflict).toBe('sutskever-departure-date');
    expect(sutskever.disputed).toBe(1);
    expect(band!.flows.find((f) => f.to === 'eureka-labs')!.disputed).toBe(1);
    expect(band!.flows.find((f) => f.to === 'anthropic')!.disputed).toBe(0);
  });

  it('puts the undated moves in the undated band, last, at no date', () => {
    const bands = flowBands(bundled, 'year');
    const undated = bands.at(-1)!;
    expect(undated.period).toBe(UNDATED);
    const undatedMoves = bundled.filter((m) => !m.when);
    expect(undatedMoves.length).toBeGreaterThan(0);
    expect(undated.flows.flatMap((f) => f.moves).length).toBe(undatedMoves.length);
    expect(bands.slice(0, -1).every((b) => b.flows.every((f) => f.moves.every((m) => m.when)))).toBe(true);
  });
});

describe('flow bands', () => {
  it('sizes a flow by its people, counts each person once, and keeps no-organization moves apart', () => {
    const bands = flowBands(
      [move('a', 'x', 'y', '2020-01'), move('b', 'x', 'y', '2020-05'), move('a', 'x', 'y', '2020-09'), move('c', null, 'y', '2020')],
      'year',
    );
    expect(bands).toHaveLength(1);
    expect(bands[0]!.people).toBe(3);
    expect(bands[0]!.flows.map((f) => [f.from, f.to, f.people, f.moves.length])).toEqual([
      ['x', 'y', 2, 3],
      [NO_ORGANIZATION, 'y', 1, 1],
    ]);
  });

  it('splits by period: one band per year or quarter', () => {
    const moves = [move('a', 'x', 'y', '2020-01'), move('b', 'x', 'y', '2020-11'), move('c', 'x', 'y', '2021')];
    expect(flowBands(moves, 'year').map((b) => [b.period, b.people])).toEqual([
      ['2020', 2],
      ['2021', 1],
    ]);
    expect(flowBands(moves, 'quarter').map((b) => b.period)).toEqual(['2020-Q1', '2020-Q4', '2021']);
  });

  it('has no cycle when people go back: each period has its own nodes on each side', () => {
    const bands = flowBands([move('a', 'x', 'y', '2020-02'), move('a', 'y', 'x', '2020-08'), move('b', 'x', 'y', '2021')], 'year');
    const first = bands[0]!;
    expect(first.flows.map((f) => `${f.from}>${f.to}`).sort()).toEqual(['x>y', 'y>x']);
    // Left nodes are where people left, right nodes where they went: a graph from left to right has no cycle.
    const nodes = new Set(first.flows.flatMap((f) => [`L:${f.from}`, `R:${f.to}`]));
    expect(nodes).toEqual(new Set(['L:x', 'L:y', 'R:x', 'R:y']));
  });

  it('counts disputed moves in a flow', () => {
    const [band] = flowBands(
      [move('a', 'x', 'y', '2020', { conflict: 'c1' }), move('b', 'x', 'y', '2020'), move('c', 'x', 'y', '2020', { doubt: { en: 'why' } })],
      'year',
    );
    expect(band!.flows[0]!.disputed).toBe(2);
  });

  it('draws the smaller organizations together as "other", always keeping the one filtered on', () => {
    const moves: ExploreMove[] = [];
    for (let org = 0; org < 6; org++)
      for (let person = 0; person <= org; person++) moves.push(move(`p${org}-${person}`, `o${org}`, 'dest', '2020'));
    const [band] = flowBands(moves, 'year', { organizationsPerSide: 3 });
    expect(band!.flows.map((f) => [f.from, f.people])).toEqual([
      ['o5', 6],
      ['o4', 5],
      ['o3', 4],
      [OTHER_ORGANIZATIONS, 6],
    ]);
    const [kept] = flowBands(moves, 'year', { organizationsPerSide: 3, keep: 'o0' });
    expect(kept!.flows.map((f) => f.from)).toContain('o0');
    expect(kept!.flows.find((f) => f.from === OTHER_ORGANIZATIONS)!.people).toBe(5);
    // One organization over the limit is shown rather than made into an "other" of one.
    const [one] = flowBands(
      moves.filter((m) => m.from !== 'o0' && m.from !== 'o1'),
      'year',
      { organizationsPerSide: 3 },
    );
    expect(one!.flows.map((f) => f.from)).toEqual(['o5', 'o4', 'o3', 'o2']);
  });
});

describe('filters', () => {
  const moves = [
    move('a', 'x', 'y', '2020-02'),
    move('b', 'y', 'z', '2021-08'),
    move('c', 'z', null),
    move('d', 'x', 'z', '2021-02', { origin: 'own' }),
  ];

  it('keeps everything by default', () => {
    expect(filterMoves(moves, DEFAULT_FILTER)).toHaveLength(4);
  });

  it('filters by period at the chosen granularity, undated included as its own period', () => {
    expect(filterMoves(moves, { ...DEFAULT_FILTER, period: '2021' }).map((m) => m.personId)).toEqual(['b', 'd']);
    expect(filterMoves(moves, { ...DEFAULT_FILTER, granularity: 'quarter', period: '2021-Q3' }).map((m) => m.personId)).toEqual(['b']);
    expect(filterMoves(moves, { ...DEFAULT_FILTER, period: UNDATED }).map((m) => m.personId)).toEqual(['c']);
  });

  it('filters by an organization left or joined', () => {
    expect(filterMoves(moves, { ...DEFAULT_FILTER, organization: 'y' }).map((m) => m.personId)).toEqual(['a', 'b']);
  });

  it('filters by origin: bundled or the reader\u2019s own', () => {
    expect(filterMoves(moves, { ...DEFAULT_FILTER, origin: 'own' }).map((m) => m.personId)).toEqual(['d']);
    expect(filterMoves(moves, { ...DEFAULT_FILTER, origin: 'bundled' })).toHaveLength(3);
    expect(filterMoves(moves, { ...DEFAULT_FILTER, origin: ALL, organization: 'z', period: '2021' }).map((m) => m.personId)).toEqual([
      'b',
      'd',
    ]);
  });

  it('lists the periods and organizations there are to choose from', () => {
    expect(periodsOf(moves, 'year')).toEqual(['2020', '2021', UNDATED]);
    expect(periodsOf(moves, 'quarter')).toEqual(['2020-Q1', '2021-Q1', '2021-Q3', UNDATED]);
    expect(organizationsOf(moves).sort()).toEqual(['x', 'y', 'z']);
  });
});

describe('timeline lanes', () => {
  const moves = [
    move('zed', 'x', 'y', '2019'),
    move('amy', 'y', 'z', '2021-08'),
    move('amy', 'z', 'x'),
    move('amy', 'x', 'y', '2020-01'),
    move('bob', 'q', 'a'),
  ];
  const name = (m: ExploreMove) => m.personName.en;
  const org = (id: string) => id.toUpperCase();

  it('orders each person\u2019s moves in time, undated last', () => {
    const amy = timelineLanes(moves, 'name', name, org)[0]!;
    expect(amy.moves.map((m) => m.when ?? 'undated')).toEqual(['2020-01', '2021-08', 'undated']);
    expect(amy.latestTo).toBe('z');
  });

  it('sorts lanes by date, name or latest organization', () => {
    expect(timelineLanes(moves, 'date', name, org).map((l) => l.personId)).toEqual(['zed', 'amy', 'bob']);
    expect(timelineLanes(moves, 'name', name, org).map((l) => l.personId)).toEqual(['amy', 'bob', 'zed']);
    // bob has no dated move: no latest organization, so last.
    expect(timelineLanes(moves, 'organization', name, org).map((l) => l.personId)).toEqual(['zed', 'amy', 'bob']);
  });

  it('spans whole years of the dated moves only', () => {
    expect(timelineYears(moves)).toEqual([2019, 2021]);
    expect(timelineYears([move('bob', 'q', 'a')])).toBeUndefined();
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and ends lines with CRLF after a byte-order mark', () => {
    expect(toCsv(['name', 'note'], [['Chen, Mark', 'said "no"\nthen yes']])).toBe(
      '\ufeffname,note\r\n"Chen, Mark","said ""no""\nthen yes"\r\n',
    );
  });

  it('keeps Chinese text as it is', () => {
    expect(toCsv(['名字'], [['赵晟佳']])).toBe('\ufeff名字\r\n赵晟佳\r\n');
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    const csv = toCsv(['a'], [['=HYPERLINK("x")'], ['+1'], ['-1'], ['@SUM(A1)'], ['\tx']]);
    expect(csv.split('\r\n').slice(1, 6)).toEqual([`"'=HYPERLINK(""x"")"`, "'+1", "'-1", "'@SUM(A1)", "'\tx"]);
  });
});
