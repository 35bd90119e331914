/**
 * The welcome page's "try it" text: a short news-style paragraph we wrote (not an
 * article, and the page says so) naming people in the dataset. Our content script does
 * not run on extension pages, so the welcome page marks these names itself: each part
 * is plain text or a name with the person it stands for. A unit test checks every name
 * is one of that person's aliases, so the sample marks what a news page would.
 */
export type SamplePart = string | { personId: string; text: string };

export const WELCOME_SAMPLE: Record<'en' | 'zh', SamplePart[]> = {
  en: [
    'When ',
    { personId: 'mark-zuckerberg', text: 'Mark Zuckerberg' },
    ' set up Meta Superintelligence Labs, ',
    { personId: 'alexandr-wang', text: 'Alexandr Wang' },
    ' was put at its head, and ',
    { personId: 'shengjia-zhao', text: 'Shengjia Zhao' },
    ' was among the researchers who left OpenAI to join it. At OpenAI, ',
    { personId: 'sam-altman', text: 'Sam Altman' },
    ' played the departures down, while ',
    { personId: 'mira-murati', text: 'Mira Murati' },
    ', once its chief technology officer, was building a company of her own.',
  ],
  zh: [
    { personId: 'mark-zuckerberg', text: '马克·扎克伯格' },
    '组建 Meta 超级智能实验室时，由',
    { personId: 'alexandr-wang', text: '亚历山大·王' },
    '出任负责人；',
    { personId: 'shengjia-zhao', text: '赵晟佳' },
    '也是离开 OpenAI、加入该实验室的研究员之一。OpenAI 方面，',
    { personId: 'sam-altman', text: '萨姆·奥尔特曼' },
    '淡化了这些离职，而曾任首席技术官的',
    { personId: 'mira-murati', text: '米拉·穆拉蒂' },
    '正在创办自己的公司。',
  ],
};
