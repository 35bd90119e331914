import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  documentSiteKey,
  isEnabledFor,
  loadSettings,
  parseSettings,
  setLanguage,
  setReadingPreferences,
  setSiteEnabled,
  siteKey,
  withSite,
  DEFAULT_SETTINGS,
} from '@/utils/settings';

describe('siteKey', () => {
  it('is the host where there is one, with its port', () => {
    expect(siteKey(new URL('https://news.example.com/a/b?c'))).toBe('news.example.com');
    expect(siteKey(new URL('http://127.0.0.1:8080/x'))).toBe('127.0.0.1:8080');
  });

  it('is the scheme for pages without a host (file://), never empty', () => {
    expect(siteKey(new URL('file:///home/me/article.html'))).toBe('file://');
    expect(siteKey({ protocol: 'file:', host: '' })).toBe('file://');
    expect(siteKey({ protocol: 'about:', host: '' })).toBe('about://');
  });

  it('a file page switched off stays off once the settings are read back', () => {
    const key = siteKey(new URL('file:///tmp/page.html'));
    const stored = JSON.parse(JSON.stringify(withSite(DEFAULT_SETTINGS, key, false)));
    const read = parseSettings(stored);
    expect(read.disabledSites).toEqual(['file://']);
    expect(isEnabledFor(read, siteKey(new URL('file:///elsewhere/other.html')))).toBe(false);
    expect(isEnabledFor(read, siteKey(new URL('https://example.com/')))).toBe(true);
  });
});

describe('documentSiteKey', () => {
  it('is the address’s site where the address names one', () => {
    expect(documentSiteKey(new URL('https://news.example.com/a'), 'https://news.example.com')).toBe('news.example.com');
    expect(documentSiteKey(new URL('file:///tmp/a.html'), 'null')).toBe('file://');
  });

  it('is the creator’s site for about:blank, about:srcdoc and blob: frames, so they follow their page’s switch', () => {
    expect(documentSiteKey(new URL('about:srcdoc'), 'http://127.0.0.1:8080')).toBe('127.0.0.1:8080');
    expect(documentSiteKey(new URL('about:blank'), 'https://news.example.com')).toBe('news.example.com');
    expect(documentSiteKey(new URL('blob:https://news.example.com/1b2c'), 'https://news.example.com')).toBe('news.example.com');
  });

  it('an opaque origin (a sandboxed frame) has no site to borrow', () => {
    expect(documentSiteKey(new URL('about:srcdoc'), 'null')).toBe('about://');
  });
});

describe('setSiteEnabled with a file page key', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips through storage', async () => {
    await setSiteEnabled(siteKey({ protocol: 'file:', host: '' }), false);
    expect((await loadSettings()).disabledSites).toEqual(['file://']);
    await setSiteEnabled('file://', true);
    expect((await loadSettings()).disabledSites).toEqual([]);
  });
});

describe('changes made at the same time', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.unstubAllGlobals());

  const changeEverythingAtOnce = () =>
    Promise.all([
      setReadingPreferences({ cardDelayMs: 1200 }),
      setLanguage('zh_CN'),
      setSiteEnabled('a.example', false),
      setSiteEnabled('b.example', false),
    ]);

  it('all land: none is undone by another read before it was written', async () => {
    await changeEverythingAtOnce();
    const settings = await loadSettings();
    expect(settings.cardDelayMs).toBe(1200);
    expect(settings.language).toBe('zh_CN');
    expect(settings.disabledSites).toEqual(['a.example', 'b.example']);
  });

  it('are put in line by the Web Lock every extension context shares, where there is one', async () => {
    const names: string[] = [];
    let held = Promise.resolve<unknown>(undefined);
    const request = (name: string, work: () => Promise<unknown>) => {
      names.push(name);
      const run = held.then(work);
      held = run.catch(() => undefined);
      return run;
    };
    vi.stubGlobal('navigator', { locks: { request } });
    vi.stubGlobal('location', new URL(fakeBrowser.runtime.getURL('/options.html')));
    await changeEverythingAtOnce();
    expect(names).toHaveLength(4);
    expect(new Set(names).size).toBe(1);
    expect((await loadSettings()).disabledSites).toEqual(['a.example', 'b.example']);
  });

  it('are refused in a page (a content script), whose locks the page could hold or list: nothing is written, no lock taken', async () => {
    const request = vi.fn();
    vi.stubGlobal('navigator', { locks: { request } });
    vi.stubGlobal('location', new URL('https://news.example/story'));
    await expect(setSiteEnabled('a.example', false)).rejects.toThrow(/not from a web page/);
    await expect(setLanguage('zh_CN')).rejects.toThrow(/not from a web page/);
    expect(request).not.toHaveBeenCalled();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });
});
