/**
 * Word banks for generated news prose, English and Chinese, written for the
 * benchmark. They hold no person's name, so the only names on a generated
 * page are the mentions the generator plants (see pages.ts).
 */
import type { Rng } from './prng';

export type Lang = 'en' | 'zh';

const EN_SUBJECTS = [
  'The company',
  'The startup',
  'The lab',
  'The research team',
  'Investors',
  'Analysts',
  'The board',
  'Engineers at the firm',
  'Regulators in Brussels',
  'The new model',
  'Its closest rival',
  'A spokesperson',
  'The cloud provider',
  'Several early employees',
  'The chip maker',
  'The open-source community',
];
const EN_VERBS = [
  'announced',
  'confirmed',
  'declined to comment on',
  'is preparing',
  'quietly shipped',
  'doubled spending on',
  'questioned',
  'defended',
  'delayed',
  'expanded',
  'paused work on',
  'renegotiated',
  'published details of',
  'is said to be weighing',
  'scaled back',
  'opened a review of',
];
const EN_OBJECTS = [
  'a new reasoning model',
  'the compute deal',
  'its safety framework',
  'the hiring push',
  'a larger training cluster',
  'the licensing agreement',
  'the open-weights release',
  'an internal reorganization',
  'the funding round',
  'its chip roadmap',
  'the agent platform',
  'a data-center project in Texas',
  'the evaluation suite',
  'a voice assistant for cars',
  'the partnership with a cloud provider',
  'its robotics unit',
];
const EN_TAILS = [
  'on Tuesday',
  'according to people familiar with the matter',
  'after months of negotiations',
  'in a memo to staff',
  'despite pressure from investors',
  'ahead of the developer conference',
  'earlier this year',
  'in a blog post',
  'as competition intensifies',
  'without giving a timeline',
  'at a valuation near $300 billion',
  'with roughly 40,000 GPUs',
  'two weeks after the last release',
  'in San Francisco',
  'for the third time this year',
];
const EN_MENTION_FRAMES: ReadonlyArray<readonly [string, string]> = [
  ['', ' said the team had'],
  ['According to ', ', the company'],
  ['', ', who joined last year, said the group'],
  ['In an interview, ', ' argued that the lab'],
  ['People close to ', ' said the firm'],
  ['', ' told reporters that the startup'],
  ['A post by ', ' noted that the board'],
];

const ZH_SUBJECTS = [
  '该公司',
  '这家初创企业',
  '研究团队',
  '投资者',
  '分析人士',
  '董事会',
  '监管机构',
  '新模型',
  '主要竞争对手',
  '公司发言人',
  '云服务商',
  '多名早期员工',
  '芯片厂商',
  '开源社区',
  'OpenAI的对手',
];
const ZH_VERBS = ['宣布了', '证实了', '正在筹备', '悄然推出了', '重新评估了', '暂缓了', '扩大了', '公布了', '调整了', '加快了'];
const ZH_OBJECTS = [
  '新一代推理模型',
  '算力合作协议',
  '安全框架',
  '招聘计划',
  '更大规模的训练集群',
  '授权协议',
  '开源权重版本',
  '内部架构调整',
  '新一轮融资',
  '芯片路线图',
  '智能体平台',
  '在德州的数据中心项目',
  'GPU采购计划',
  '评测体系',
  '车载语音助手',
  '与云厂商的合作',
  'API定价',
];
const ZH_TAILS = [
  '，消息人士透露',
  '，此前双方谈判了数月',
  '，公司在内部邮件中表示',
  '，尽管面临投资者的压力',
  '，预计将在开发者大会前公布',
  '，具体时间尚未确定',
  '，估值接近三千亿美元',
  '，涉及约四万块GPU',
  '，距上次发布仅两周',
  '',
  '',
  '',
];
const ZH_MENTION_FRAMES: ReadonlyArray<readonly [string, string]> = [
  ['', '表示，'],
  ['据', '透露，'],
  ['', '在接受采访时称，'],
  ['与', '关系密切的人士说，'],
  ['', '认为，'],
  ['', '在社交媒体上写道，'],
];

/** A piece of a sentence; `wrap` asks the page generator to put it in inline markup. */
export interface Piece {
  text: string;
  wrap?: boolean;
}

/** The pieces of one sentence with no name in it. */
export function plainSentence(rng: Rng, lang: Lang): Piece[] {
  if (lang === 'en') {
    return [
      { text: `${rng.pick(EN_SUBJECTS)} ${rng.pick(EN_VERBS)} ` },
      { text: rng.pick(EN_OBJECTS), wrap: true },
      { text: ` ${rng.pick(EN_TAILS)}. ` },
    ];
  }
  return [
    { text: `${rng.pick(ZH_SUBJECTS)}${rng.pick(ZH_VERBS)}` },
    { text: rng.pick(ZH_OBJECTS), wrap: true },
    { text: `${rng.pick(ZH_TAILS)}。` },
  ];
}

/** A sentence frame around a name: the text before it, and the rest of the sentence after it. */
export function mentionFrame(rng: Rng, lang: Lang): { before: string; after: Piece[] } {
  if (lang === 'en') {
    const [before, middle] = rng.pick(EN_MENTION_FRAMES);
    return {
      before,
      after: [
        { text: `${middle} ${rng.pick(EN_VERBS)} ` },
        { text: rng.pick(EN_OBJECTS), wrap: true },
        { text: ` ${rng.pick(EN_TAILS)}. ` },
      ],
    };
  }
  const [before, middle] = rng.pick(ZH_MENTION_FRAMES);
  return {
    before,
    after: [
      { text: `${middle}${rng.pick(ZH_SUBJECTS)}${rng.pick(ZH_VERBS)}` },
      { text: rng.pick(ZH_OBJECTS), wrap: true },
      { text: `${rng.pick(ZH_TAILS)}。` },
    ],
  };
}

export function headline(rng: Rng, lang: Lang): string {
  return lang === 'en'
    ? `${rng.pick(EN_SUBJECTS)} ${rng.pick(EN_VERBS)} ${rng.pick(EN_OBJECTS)}`
    : `${rng.pick(ZH_SUBJECTS)}${rng.pick(ZH_VERBS)}${rng.pick(ZH_OBJECTS)}`;
}
