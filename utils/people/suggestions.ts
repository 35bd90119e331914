/**
 * What the add form suggests for a name, and whom a name already belongs to.
 * Pure: the Traditional/Simplified converters are passed in, so OpenCC loads
 * only in the extension page that asks (never in the content script), and the
 * tests use the real ones.
 */
import type { AliasIndex } from '@/data/schema';
import { createFolding, normalizeAlias } from '@/utils/match/normalize';
import type { UserAlias, UserPersonRecord } from '@/utils/people/records';
import { findUserPersonByName } from '@/utils/people/store';

export interface ScriptConverters {
  toTraditional(text: string): string;
  toSimplified(text: string): string;
}

/** Why a form is suggested, so the form can say it. */
export type SuggestionReason = 'traditional' | 'simplified' | 'reversed' | 'surname';

export interface AliasSuggestion extends UserAlias {
  reason: SuggestionReason;
}

const HAN = /\p{Script=Han}/u;
const LATIN_WORDS = /^[\p{Script=Latin}'’-]+(?: [\p{Script=Latin}'’-]+)+$/u;
/** The dots that join the parts of a transliterated name (马克·陈). */
const NAME_DOTS = /[·・‧•．.]/;

/**
 * One pinyin syllable or more (tone marks and ü aside): what tells "Ruoming Pang" or
 * "Pang Ruoming" from "Daniel Gross", whose words are not pinyin.
 */
const PINYIN =
  /^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v))+$/;

function isPinyin(word: string): boolean {
  const plain = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’-]/g, '');
  return PINYIN.test(plain);
}

/**
 * The forms to suggest for a name as the reader wrote it:
 * - a Chinese name: its other script (OpenCC), and the last part of a transliterated
 *   name (奥特曼 of 萨姆·奥特曼) as a surname when it has two characters or more (the
 *   matcher would mark a one-character surname everywhere, so the dataset has none);
 * - a two-word Latin name whose words are both pinyin (a Chinese-born person's): the
 *   other order, as a full name, and the surname in either order it may take;
 * - any other Latin name of two words or more: its last word as a surname.
 * `chineseBorn` says the reader gave a Chinese form too: a pinyin check is not needed then.
 */
export function suggestAliases(name: string, convert: ScriptConverters, options: { chineseBorn?: boolean } = {}): AliasSuggestion[] {
  const text = name.trim().replace(/\s+/g, ' ');
  const out: AliasSuggestion[] = [];
  const add = (suggestion: AliasSuggestion) => {
    if (suggestion.text && suggestion.text !== text && !out.some((s) => s.text === suggestion.text)) out.push(suggestion);
  };
  if (!text) return out;
  if (HAN.test(text)) {
    const traditional = convert.toTraditional(text);
    const simplified = convert.toSimplified(text);
    add({ text: traditional, kind: 'full', reason: 'traditional' });
    add({ text: simplified, kind: 'full', reason: 'simplified' });
    const parts = text.split(NAME_DOTS).filter(Boolean);
    const last = parts.at(-1)!;
    if (parts.length > 1 && [...last].length >= 2) {
      add({ text: last, kind: 'surname', reason: 'surname' });
      add({ text: convert.toTraditional(last), kind: 'surname', reason: 'surname' });
      add({ text: convert.toSimplified(last), kind: 'surname', reason: 'surname' });
    }
    return out;
  }
  if (!LATIN_WORDS.test(text)) return out;
  const words = text.split(' ');
  const chinese = words.length === 2 && (options.chineseBorn === true || words.every(isPinyin));
  if (chinese) {
    add({ text: `${words[1]} ${words[0]}`, kind: 'full', reason: 'reversed' });
    // Written family name first ("Pang Ruoming") or last ("Ruoming Pang"): the surname is the one
    // that is not a longer given name, and the reader removes the wrong one. Both are offered.
    add({ text: words[1]!, kind: 'surname', reason: 'surname' });
    add({ text: words[0]!, kind: 'surname', reason: 'surname' });
  } else {
    add({ text: words.at(-1)!, kind: 'surname', reason: 'surname' });
  }
  return out;
}

/** Whom a name already belongs to: a bundled person, or one of the reader's. */
export type ExistingPerson = { kind: 'bundled'; personId: string; name: string } | { kind: 'user'; personId: string; name: string };

/**
 * The person a name (or one of its suggested forms) already names: a bundled person by a
 * name that may stand alone (the matcher's own folding, so 趙晟佳 finds 赵晟佳 and case and
 * dots do not matter), else one of the reader's people. The form offers that person instead of
 * creating a second one.
 */
export function findExistingPerson(
  names: readonly string[],
  bundled: Pick<AliasIndex, 'people' | 'aliases' | 't2s'>,
  userPeople: readonly UserPersonRecord[],
): ExistingPerson | null {
  const folding = createFolding(bundled.t2s);
  const wanted = new Set(names.map((n) => normalizeAlias(n.trim(), folding)).filter(Boolean));
  for (const [text, person, safety] of bundled.aliases) {
    if (safety !== 0 || !wanted.has(normalizeAlias(text, folding))) continue;
    const found = bundled.people[person]!;
    return { kind: 'bundled', personId: found.id, name: found.en };
  }
  for (const name of names) {
    const user = findUserPersonByName(userPeople, name);
    if (user) return { kind: 'user', personId: user.id, name: user.name.primary };
  }
  return null;
}
