import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import en from '@/public/_locales/en/messages.json';
import zhTW from '@/public/_locales/zh_TW/messages.json';
import { catalogueMessage, htmlLang, isUiLanguage } from '@/utils/i18n-catalogue';
import { setCatalogue, t } from '@/utils/i18n';
import { DEFAULT_SETTINGS, parseSettings } from '@/utils/settings';
import { dataCurrentTo } from '@/utils/dataset/about';
import { bundledDetails } from '@/utils/search/bundled-people';

afterEach(() => {
  setCatalogue(null);
  vi.restoreAllMocks();
});

describe('catalogueMessage', () => {
  it('fills named placeholders from the substitutions, like browser.i18n', () => {
    expect(catalogueMessage(en, 'notesImported', ['1', '2', '3'])).toBe('Imported: 1 added, 2 updated, 3 already up to date.');
    expect(catalogueMessage(en, 'notesUpdated', 'today')).toBe('Updated today');
    expect(catalogueMessage(en, 'extName')).toBe('Talent Lens');
  });

  it('gives "" for an unknown key, inherited names included', () => {
    expect(catalogueMessage(en, 'noSuchKey')).toBe('');
    expect(catalogueMessage(en, 'toString')).toBe('');
  });

  it('maps UI languages to document languages and knows its own choices', () => {
    expect(htmlLang('zh_TW')).toBe('zh-TW');
    expect(isUiLanguage('zh_CN')).toBe(true);
    expect(isUiLanguage('fr')).toBe(false);
  });
});

describe('t() with a chosen language', () => {
  it('reads the chosen catalogue, and the browser again when the choice is cleared', () => {
    const getMessage = vi
      .spyOn(fakeBrowser.i18n, 'getMessage')
      .mockImplementation((key: string) => (key === 'optionsTitle' ? 'Settings' : ''));
    setCatalogue(zhTW);
    expect(t('optionsTitle')).toBe('設定');
    expect(t('cardLang')).toBe('zh');
    setCatalogue(null);
    expect(t('optionsTitle')).toBe('Settings');
    expect(getMessage).toHaveBeenCalled();
  });
});

describe('settings: language', () => {
  it('defaults to following the browser and repairs an unknown value', () => {
    expect(DEFAULT_SETTINGS.language).toBe('browser');
    expect(parseSettings({ enabled: true, disabledSites: [] }).language).toBe('browser');
    expect(parseSettings({ language: 'fr' }).language).toBe('browser');
    expect(parseSettings({ language: 'zh_TW' }).language).toBe('zh_TW');
  });
});

describe('about the data', () => {
  it('is current to the newest stated source date', () => {
    expect(dataCurrentTo(bundledDetails)).toBe('2025-07-02');
    expect(dataCurrentTo({ ...bundledDetails, sources: {} })).toBeNull();
  });
});
