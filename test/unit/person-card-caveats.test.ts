import { describe, expect, it } from 'vitest';
import { cardSourceCaveats } from '../../utils/dataset/person-card';
import { personCard } from './card-fixtures';

describe('cardSourceCaveats', () => {
  it('keeps only the sources with a caveat, in id order whatever the record order', () => {
    const card = personCard();
    const s002 = card.sources.s002!;
    card.sources = {
      s010: { ...s002, id: 's010' },
      s003: card.sources.s003!,
      s002,
      s000: { ...s002, id: 's000' },
    };
    expect(cardSourceCaveats(card).map((source) => source.id)).toEqual(['s000', 's002', 's010']);
  });
});
