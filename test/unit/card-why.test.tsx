// @vitest-environment happy-dom
/** The card's "why" line and "Not this person" button: the text in both languages, and the component. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { CardWhy } from '@/components/card/CardWhy';
import { headingText, whyText } from '@/components/card/why-line';
import { t } from '@/utils/i18n';
import type { DisplayNames } from '@/utils/dataset/person-card';
import { userClick } from './trusted-events';
import { useLocale } from './card-fixtures';

const names: DisplayNames = {
  organizations: { openai: { en: 'OpenAI', zh: 'OpenAI' }, msl: { en: 'Meta Superintelligence Labs', zh: 'Meta 超级智能实验室' } },
  people: { 'sam-altman': { en: 'Sam Altman', zh: '山姆·奥特曼' }, 'mark-chen': { en: 'Mark Chen' } },
};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('whyText', () => {
  it('says each kind of why in English', () => {
    useLocale('en');
    expect(whyText({ kind: 'full-name' }, null, 'en', t)).toBe('Named in full here');
    expect(whyText({ kind: 'named-in-full', fullName: 'Sam Altman' }, null, 'en', t)).toBe('Named in full on this page: Sam Altman');
    expect(whyText({ kind: 'context', organizations: ['openai'], people: ['sam-altman'] }, names, 'en', t)).toBe(
      'With OpenAI and Sam Altman on this page',
    );
    expect(whyText({ kind: 'variant', written: '趙勝嘉', of: '赵晟佳' }, null, 'en', t)).toBe('Written 趙勝嘉 here, a variant of 赵晟佳');
    expect(whyText({ kind: 'variant', written: '穆拉迪', of: '穆拉提', near: true }, null, 'en', t)).toBe(
      'Written 穆拉迪 here, close to 穆拉提',
    );
  });

  it('says each kind of why in Simplified Chinese, with Chinese names where there are some', () => {
    useLocale('zh_CN');
    expect(whyText({ kind: 'full-name' }, null, 'zh', t)).toBe('此处写有全名');
    expect(whyText({ kind: 'named-in-full', fullName: '山姆·奥特曼' }, null, 'zh', t)).toBe('本页写有全名：山姆·奥特曼');
    expect(whyText({ kind: 'context', organizations: ['msl'], people: ['sam-altman', 'mark-chen'] }, names, 'zh', t)).toBe(
      '本页同时提到Meta 超级智能实验室、山姆·奥特曼和Mark Chen',
    );
    expect(whyText({ kind: 'variant', written: '趙勝嘉', of: '赵晟佳' }, null, 'zh', t)).toBe('此处写作“趙勝嘉”，是“赵晟佳”的另一种写法');
    expect(whyText({ kind: 'variant', written: '穆拉迪', of: '穆拉提', near: true }, null, 'zh', t)).toBe(
      '此处写作“穆拉迪”，与“穆拉提”相近',
    );
  });

  it('lists at most three context names, drops unknown ids, and still says something with none', () => {
    useLocale('en');
    const why = { kind: 'context' as const, organizations: ['openai', 'msl', 'nowhere'], people: ['sam-altman', 'mark-chen'] };
    expect(whyText(why, names, 'en', t)).toBe('With OpenAI, Meta Superintelligence Labs, and Sam Altman on this page');
    expect(whyText(why, null, 'en', t)).toBe('Found with related names on this page');
  });

  it('heads a possible mark "Possibly <name>", a marked one with the name alone', () => {
    useLocale('en');
    expect(headingText('Sam Altman', 'possible', t)).toBe('Possibly Sam Altman');
    expect(headingText('Sam Altman', 'marked', t)).toBe('Sam Altman');
    expect(headingText('Sam Altman', undefined, t)).toBe('Sam Altman');
    useLocale('zh_CN');
    expect(headingText('山姆·奥特曼', 'possible', t)).toBe('可能是山姆·奥特曼');
  });
});

describe('CardWhy', () => {
  it('shows the line and a button named for the alias and person that reports a click', () => {
    useLocale('en');
    const onNotThisPerson = vi.fn();
    render(
      <CardWhy
        mention={{
          explanation: { confidence: 'marked', why: { kind: 'named-in-full', fullName: 'Sam Altman' } },
          aliasText: 'Altman',
          names: null,
        }}
        personName="Sam Altman"
        lang="en"
        onNotThisPerson={onNotThisPerson}
      />,
    );
    expect(screen.getByTestId('card-why').textContent).toBe('Named in full on this page: Sam Altman');
    const button = screen.getByRole('button', { name: 'Not this person: stop marking “Altman” as Sam Altman on this site' });
    expect(button.textContent).toBe('Not this person');
    userClick(button);
    expect(onNotThisPerson).toHaveBeenCalledTimes(1);
  });

  it('offers no button without the alias text or the action, and renders nothing with neither', () => {
    useLocale('zh_CN');
    const { container, rerender } = render(
      <CardWhy
        mention={{ explanation: { confidence: 'possible', why: { kind: 'full-name' } }, names: null }}
        personName="x"
        lang="zh"
        onNotThisPerson={() => {}}
      />,
    );
    expect(screen.getByTestId('card-why').textContent).toBe('此处写有全名');
    expect(screen.getByTestId('card-why').className).toContain('tl-why-possible');
    expect(screen.queryByTestId('not-this-person')).toBeNull();
    rerender(<CardWhy mention={{ aliasText: 'Altman', names: null }} personName="x" lang="zh" />);
    expect(container.textContent).toBe('');
  });
});
