import { describe, expect, it } from 'vitest';
import { ownMoves } from '@/utils/explore/own-moves';
import { bundledDetails } from '@/utils/search/bundled-people';
import type { PersonAdditionRecord, UserFact, UserPersonRecord } from '@/utils/people/records';

const fact = (id: string, fields: Partial<UserFact>): UserFact => ({
  id,
  kind: 'move',
  text: 'moved',
  addedAt: 1_700_000_000_000,
  ...fields,
});
const layer = (people: UserPersonRecord[], additions: PersonAdditionRecord[] = []) => ({ people, additions });
const record = { aliases: [], tags: [], createdAt: 1, updatedAt: 1, revision: 1 };

describe('Explore: the reader’s own moves', () => {
  it('orders a person’s moves by date (undated last), each coming from the previous one’s organization; roles are not moves', () => {
    const pang: UserPersonRecord = {
      ...record,
      id: 'u-pang',
      name: { primary: 'Ruoming Pang', other: '庞若鸣' },
      facts: [
        fact('f3', { org: 'Somewhere new' }),
        fact('f2', { org: 'Meta', when: '2025-07' }),
        fact('f1', { org: 'Apple', when: '2021' }),
        fact('r1', { kind: 'role', text: 'Head of foundation models', org: 'Apple' }),
      ],
    };
    const moves = ownMoves(layer([pang]), bundledDetails);
    expect(moves.map((m) => [m.from, m.to, m.when])).toEqual([
      [null, 'Apple', '2021'],
      ['Apple', 'meta', '2025-07'],
      ['meta', 'Somewhere new', undefined],
    ]);
    expect(moves[0]).toMatchObject({ personId: 'u-pang', personName: { en: 'Ruoming Pang', zh: '庞若鸣' }, origin: 'own', sources: [] });
  });

  it('a move the reader added to a bundled person starts from the dataset’s organization and keeps the cited page', () => {
    const source = { url: 'https://news.example/a', title: 'A', quote: 'He left.' };
    const addition: PersonAdditionRecord = { ...record, id: 'sam-altman', facts: [fact('m1', { org: '微软', when: '2023-11', source })] };
    const [move] = ownMoves(layer([], [addition, { ...addition, id: 'not-in-the-data' }]), bundledDetails);
    expect(move).toMatchObject({
      id: 'sam-altman#own-m1',
      personName: { en: 'Sam Altman' },
      from: bundledDetails.people['sam-altman']!.org,
      to: '微软',
      own: { text: 'moved', source },
    });
    expect(ownMoves(layer([], [{ ...addition, id: 'not-in-the-data' }]), bundledDetails)).toEqual([]);
  });
});
