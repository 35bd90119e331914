import { describe, expect, it } from 'vitest';
import { citationText, type CitedSource } from '@/utils/citation';

const labels = { translation: 'Our translation', source: 'Source', separator: ', ' };
const dated: CitedSource = {
  title: '人才竞逐的深层回响',
  titleTranslation: 'Deep echoes of the talent race',
  publisher: 'publisher not stated',
  when: 'July 2, 2025',
  language: 'in Simplified Chinese',
};

describe('citationText', () => {
  it('gives the article’s words, our labelled translation, then title, publisher, date and language', () => {
    expect(citationText({ text: '我们会继续前进', translation: 'We will keep going' }, dated, labels)).toBe(
      [
        '「我们会继续前进」',
        'Our translation: “We will keep going”',
        'Source: 人才竞逐的深层回响 (Deep echoes of the talent race), publisher not stated, July 2, 2025, in Simplified Chinese',
      ].join('\n'),
    );
  });

  it('leaves out the translation line when there is none, and the title translation when the UI reads the title as is', () => {
    const zh = { ...labels, translation: '我们的译文', source: '来源', separator: '，' };
    const source: CitedSource = {
      title: '11人走了9人',
      publisher: '华尔街见闻',
      when: '未注明日期；推定写于2024年年中',
      language: '简体中文',
    };
    expect(citationText({ text: '11人走了9人' }, source, zh)).toBe(
      '「11人走了9人」\n来源: 11人走了9人，华尔街见闻，未注明日期；推定写于2024年年中，简体中文',
    );
  });

  it('puts Latin text in curly quotes and trims blank ends, so a whitespace-only translation is dropped', () => {
    const text = citationText(
      { text: '  missionaries beat mercenaries ', translation: '   ' },
      { ...dated, titleTranslation: undefined } as CitedSource,
      labels,
    );
    expect(text.split('\n')).toEqual([
      '“missionaries beat mercenaries”',
      'Source: 人才竞逐的深层回响, publisher not stated, July 2, 2025, in Simplified Chinese',
    ]);
  });
});
