import { describe, expect, it } from 'vitest';
import { explainFallback } from '@/utils/match/explain-fallback';

describe('explainFallback', () => {
  it('calls a full-name alias a full name, marked', () => {
    expect(explainFallback({ safety: 0 }, 'Sam Altman')).toEqual({ confidence: 'marked', why: { kind: 'full-name' } });
  });

  it('says a surname or given name counted because the page names the person in full', () => {
    expect(explainFallback({ safety: 1 }, 'Sam Altman')).toEqual({
      confidence: 'marked',
      why: { kind: 'named-in-full', fullName: 'Sam Altman' },
    });
    expect(explainFallback({ safety: 1 }, '山姆·奥特曼')).toEqual({
      confidence: 'marked',
      why: { kind: 'named-in-full', fullName: '山姆·奥特曼' },
    });
  });
});
