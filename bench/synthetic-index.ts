/**
 * A synthetic alias index of many people, for the scale benchmark: Latin
 * names built from syllables, Chinese transliterations of them (with the
 * middle dot), native Chinese names for half the people, Traditional
 * variants, and surnames (safety 1) as real data has them. Seeded, so the
 * same arguments always give the same index.
 */
import type { AliasIndex } from '../data/schema';
import { createRng, type Rng } from './prng';

const ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'd',
  'dr',
  'f',
  'g',
  'gr',
  'h',
  'j',
  'k',
  'kr',
  'l',
  'm',
  'n',
  'p',
  'pr',
  'r',
  's',
  'sh',
  'st',
  't',
  'tr',
  'v',
  'w',
  'y',
  'z',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ia', 'io', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 's', 'l', 'm', 'k', 'th', 'nd', 'rt', 'x'];
/** Characters Chinese news uses to transliterate foreign names. */
const TRANSLIT = Array.from(
  '阿巴达卡拉马纳帕萨塔瓦亚扎贝德费格赫克勒梅内佩雷塞特韦泽比迪菲吉基利米尼皮里西蒂维齐博多福戈霍科洛莫诺波罗索托沃佐布杜富古胡库卢穆努普鲁苏图伍朱恩森顿尔斯夫曼伦',
);
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥玲芬燕彬鹏晨宇轩浩然思远博文嘉怡欣悦睿哲晟佳智');

function syllable(rng: Rng): string {
  return rng.pick(ONSETS) + rng.pick(VOWELS) + rng.pick(CODAS);
}

function latinWord(rng: Rng, min: number, max: number): string {
  let word = '';
  const n = rng.int(min, max);
  for (let i = 0; i < n; i++) word += syllable(rng);
  return word[0]!.toUpperCase() + word.slice(1);
}

function hanWord(rng: Rng, pool: readonly string[], min: number, max: number): string {
  let word = '';
  const n = rng.int(min, max);
  for (let i = 0; i < n; i++) word += rng.pick(pool);
  return word;
}

export interface SyntheticOptions {
  people: number;
  seed: number;
  /** Real index to include first, so pages written with its names still find them. */
  base?: AliasIndex;
}

/** Generates an index of base's people plus `people` synthetic ones, about five aliases each. */
export function generateAliasIndex(options: SyntheticOptions): AliasIndex {
  const rng = createRng(options.seed);
  const base = options.base;
  const people: AliasIndex['people'] = base ? [...base.people] : [];
  const aliases: AliasIndex['aliases'] = base ? [...base.aliases] : [];
  const t2s = base?.t2s ?? '';
  // Simplified → Traditional, from the index's own folding pairs, so Traditional variants fold back.
  const s2t = new Map<string, string>();
  for (let i = 0; i + 1 < t2s.length; i += 2) s2t.set(t2s[i + 1]!, t2s[i]!);
  const toTraditional = (text: string): string => Array.from(text, (c) => s2t.get(c) ?? c).join('');
  const seen = new Set(people.map((p) => p.en));

  for (let made = 0; made < options.people;) {
    // Two syllables at least: one-syllable words ("to", "be", "so") would make the synthetic
    // surnames collide with English function words and measure the prose, not the index size.
    const given = latinWord(rng, 2, 2);
    const surname = latinWord(rng, 2, 2);
    const en = `${given} ${surname}`;
    if (seen.has(en)) continue;
    seen.add(en);
    made++;
    const person = people.length;
    const hanSurname = hanWord(rng, TRANSLIT, 2, 4);
    const zh = `${hanWord(rng, TRANSLIT, 2, 3)}·${hanSurname}`;
    people.push({ id: `synthetic-${made}`, en, zh });
    aliases.push([en, person, 0], [surname, person, 1], [zh, person, 0], [hanSurname, person, 1]);
    const hant = toTraditional(zh);
    if (hant !== zh) aliases.push([hant, person, 0]);
    // Half have a native Chinese name (a two- or three-character full name).
    if (rng.chance(0.5)) aliases.push([rng.pick(SURNAMES) + hanWord(rng, GIVEN, 1, 2), person, 0]);
  }
  return { version: 1, people, aliases, t2s };
}
