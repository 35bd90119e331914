import { describe, expect, it, vi } from 'vitest';
import { UiLanguageFollower } from '@/content/ui-language';
import type { Catalogue } from '@/utils/traditional-locale';

const catalogueOf = (language: string): Catalogue => ({ optionsTitle: { message: `title in ${language}` } });

describe('UiLanguageFollower (the content script’s UI language)', () => {
  it('asks for a chosen catalogue once, and none for "follow the browser"', async () => {
    const fetchCatalogue = vi.fn(async (language: string) => catalogueOf(language));
    const apply = vi.fn();
    const follower = new UiLanguageFollower(fetchCatalogue, apply);
    await follower.follow('zh_TW');
    await follower.follow('zh_TW');
    expect(fetchCatalogue).toHaveBeenCalledTimes(1);
    expect(apply).toHaveBeenLastCalledWith('zh_TW', catalogueOf('zh_TW'));
    await follower.follow('browser');
    expect(fetchCatalogue).toHaveBeenCalledTimes(1);
    expect(apply).toHaveBeenLastCalledWith('browser', null);
  });

  it('applies the latest choice when an earlier answer arrives after it', async () => {
    let answerFirst: (catalogue: Catalogue) => void = () => {};
    const fetchCatalogue = vi.fn((language: string) =>
      language === 'zh_CN' ? new Promise<Catalogue>((resolve) => (answerFirst = resolve)) : Promise.resolve(catalogueOf(language)),
    );
    const apply = vi.fn();
    const follower = new UiLanguageFollower(fetchCatalogue, apply);
    const first = follower.follow('zh_CN');
    await follower.follow('en');
    answerFirst(catalogueOf('zh_CN'));
    await first;
    expect(apply.mock.calls).toEqual([['en', catalogueOf('en')]]);
  });

  it('falls back to the browser’s language when the catalogue cannot be had', async () => {
    const apply = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const follower = new UiLanguageFollower(() => Promise.reject(new Error('background gone')), apply);
    await follower.follow('zh_CN');
    expect(apply).toHaveBeenCalledWith('zh_CN', null);
  });
});
