/**
 * The card's "why" line and heading, as text: pure, so both languages are
 * tested in Node against the real catalogues. The card passes its `t()`.
 */
import type { DisplayNames } from '@/utils/dataset/person-card';
import type { MentionConfidence, MentionWhy } from '@/utils/match/why';
import type { MessageKey } from '@/utils/i18n';
import { pick, type CardLang } from './text';

export type Translate = (key: MessageKey, substitutions?: string[]) => string;

/** How many names a context line lists: a line, not a paragraph. */
const CONTEXT_NAMES = 3;

/** One line: why this mention names the person. */
export function whyText(why: MentionWhy, names: DisplayNames | null, lang: CardLang, t: Translate): string {
  switch (why.kind) {
    case 'full-name':
      return t('cardWhyFullName');
    case 'named-in-full':
      return t('cardWhyNamedInFull', [why.fullName]);
    case 'variant':
      return t(why.near ? 'cardWhyNear' : 'cardWhyVariant', [why.written, why.of]);
    case 'context': {
      // Organizations first (the firm is the stronger clue), then people; ids without a name are left out.
      const listed = [...why.organizations.map((id) => names?.organizations[id]), ...why.people.map((id) => names?.people[id])].flatMap(
        (name) => (name ? [pick(name, lang)] : []),
      );
      const shown = [...new Set(listed)].slice(0, CONTEXT_NAMES);
      if (shown.length === 0) return t('cardWhyContextUnnamed');
      return t('cardWhyContext', [new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { type: 'conjunction' }).format(shown)]);
    }
  }
}

/** The card's heading: the name, or "Possibly <name>" for a weaker mark. */
export function headingText(name: string, confidence: MentionConfidence | undefined, t: Translate): string {
  return confidence === 'possible' ? t('cardPossibly', [name]) : name;
}
