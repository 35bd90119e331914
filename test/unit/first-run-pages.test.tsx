// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { WelcomePage } from '@/components/welcome/WelcomePage';
import { AboutPage } from '@/components/about/AboutPage';
import { OptionsPage, type OptionsDeps } from '@/components/options/OptionsPage';
import { bundledDetails } from '@/utils/search/bundled-people';
import { loadSettings, setLanguage, setPeopleVisibility, setReadingPreferences } from '@/utils/settings';
import { WELCOME_SAMPLE } from '@/utils/welcome-sample';
import { PersonPage } from '@/components/notes-page/PersonPage';
import type { NotesPageDeps } from '@/components/notes-page/notes-page-deps';
import { isKnownPerson } from '@/utils/search/bundled-people';
import { useLocale } from './card-fixtures';
import { freshDatabase, storeNotesClient } from './notes-fixtures';
import { atExtensionPage } from './extension-page';

atExtensionPage('/options.html');

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('welcome page', () => {
  it('says what Talent Lens does, promises privacy and lists the shortcuts', () => {
    render(<WelcomePage details={bundledDetails} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Talent Lens' })).toBeTruthy();
    const privacy = screen.getByTestId('privacy-promise').textContent ?? '';
    expect(privacy).toMatch(/sends nothing anywhere/);
    expect(privacy).toMatch(/pages you read cannot see them/);
    const shortcuts = screen.getByTestId('shortcuts').textContent ?? '';
    for (const key of ['Alt+Shift+N', 'Alt+Shift+P', 'Esc']) expect(shortcuts).toContain(key);
    expect(screen.getByRole('link', { name: 'About the data' }).getAttribute('href')).toBe('/about.html');
    expect(screen.getAllByRole('link', { name: 'Settings' }).map((a) => a.getAttribute('href'))).toEqual([
      '/options.html',
      '/options.html',
    ]);
  });

  it('the sample marks its names; choosing one shows what the card shows, and choosing it again hides it', () => {
    render(<WelcomePage details={bundledDetails} />);
    const names = screen.getAllByTestId('sample-name');
    expect(names.map((n) => n.textContent)).toEqual(['Mark Zuckerberg', 'Alexandr Wang', 'Shengjia Zhao', 'Sam Altman', 'Mira Murati']);
    const sam = screen.getByRole('button', { name: 'Sam Altman' });
    fireEvent.click(sam);
    expect(sam.getAttribute('aria-expanded')).toBe('true');
    expect(within(screen.getByTestId('sample-card')).getByTestId('person-name').textContent).toBe('Sam Altman');
    fireEvent.click(sam);
    expect(screen.queryByTestId('sample-card')).toBeNull();
  });

  it('is in Chinese, sample included, for a Chinese browser', () => {
    useLocale('zh_CN');
    render(<WelcomePage details={bundledDetails} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('欢迎使用 Talent Lens');
    expect(screen.getByTestId('welcome-sample').textContent).toContain('赵晟佳');
  });

  it.each(['en', 'zh'] as const)('every %s sample name is an alias of its person, so a news page would mark it too', (lang) => {
    for (const part of WELCOME_SAMPLE[lang]) {
      if (typeof part === 'string') continue;
      const person = bundledDetails.people[part.personId];
      expect(person, part.personId).toBeTruthy();
      expect(person!.aliases.map((a) => a.text)).toContain(part.text);
    }
  });
});

describe('about the data', () => {
  it('lists every source with publisher, date or "undated", language and caveat', () => {
    render(<AboutPage details={bundledDetails} />);
    const sources = screen.getAllByTestId('source');
    expect(sources).toHaveLength(Object.keys(bundledDetails.sources).length);
    const s001 = sources.find((s) => s.getAttribute('data-source-id') === 's001')!;
    expect(within(s001).getByTestId('source-meta').textContent).toBe(
      '华尔街见闻 · undated; placed in mid-2024 (its appendix runs to August 2024) · in Simplified Chinese',
    );
    expect(s001.textContent).toContain("Nine of eleven gone: OpenAI's founding team 'falls apart'");
    expect(within(s001).getByTestId('source-caveat').textContent).toMatch(/^Caveat: 'Now' and 'this year'/);
    const s004 = sources.find((s) => s.getAttribute('data-source-id') === 's004')!;
    expect(within(s004).getByTestId('source-meta').textContent).toBe('publisher not stated · July 2, 2025 · in Simplified Chinese');
  });

  it('lists the disputes about organizations, which the people’s cards leave out', () => {
    render(<AboutPage details={bundledDetails} />);
    const groups = screen.getAllByTestId('org-dispute-group');
    const openai = groups.find((g) => g.querySelector('h3')!.textContent === 'OpenAI')!;
    expect(openai.textContent).toContain('How much Microsoft invested in OpenAI');
    // Each claim names its sources once.
    const claims = [...openai.querySelectorAll('li')].map((li) => li.textContent!);
    for (const claim of claims) expect(claim.split('11人走了9人').length).toBeLessThanOrEqual(2);
  });

  it('says how current the data is, groups the people by organization and links each to their page', () => {
    render(<AboutPage details={bundledDetails} />);
    expect(screen.getByTestId('data-current-to').textContent).toBe(
      'The data is current to July 2, 2025, the newest date any of its sources states.',
    );
    expect(screen.getAllByTestId('about-person')).toHaveLength(Object.keys(bundledDetails.people).length);
    expect(screen.getByRole('link', { name: 'Sam Altman' }).getAttribute('href')).toBe('/notes.html?view=person&person=sam-altman');
    expect(screen.getByRole('heading', { name: 'Adding your own' })).toBeTruthy();
    expect(screen.getByText(/choose “Track with Talent Lens” in the right-click menu/)).toBeTruthy();
  });

  it('is in Chinese for a Chinese browser', () => {
    useLocale('zh_CN');
    render(<AboutPage details={bundledDetails} />);
    expect(screen.getByTestId('data-current-to').textContent).toBe('数据截至 2025年7月2日，即各来源中标注的最新日期。');
    expect(screen.getByRole('heading', { name: 'Meta 超级智能实验室' })).toBeTruthy();
  });
});

describe('options page', () => {
  function optionsDeps(over: Partial<OptionsDeps> = {}): OptionsDeps {
    return {
      loadSettings,
      setLanguage,
      setPeopleVisibility,
      setReadingPreferences,
      reload: vi.fn(),
      openShortcuts: vi.fn(async () => {}),
      ...over,
    };
  }

  it('stores the chosen language and reloads the page to show it', async () => {
    const deps = optionsDeps();
    render(<OptionsPage browserName="chrome" deps={deps} />);
    const browserChoice = screen.getByRole('radio', { name: 'Follow the browser' }) as HTMLInputElement;
    await waitFor(() => expect(browserChoice.checked).toBe(true));
    fireEvent.click(screen.getByRole('radio', { name: '繁體中文' }));
    await waitFor(() => expect(deps.reload).toHaveBeenCalled());
    expect((await loadSettings()).language).toBe('zh_TW');
    expect((screen.getByRole('radio', { name: '繁體中文' }) as HTMLInputElement).checked).toBe(true);
  });

  it("stores whether the reader's own people are marked on pages or found only in the popup, and says why it matters", async () => {
    render(<OptionsPage browserName="chrome" deps={optionsDeps()} />);
    const mark = screen.getByRole('radio', { name: 'Mark them on pages' }) as HTMLInputElement;
    await waitFor(() => expect(mark.checked).toBe(true));
    fireEvent.click(screen.getByRole('radio', { name: 'Find them only in the popup’s “On this page”' }));
    await waitFor(async () => expect((await loadSettings()).peopleVisibility).toBe('find-only'));
    expect(screen.getByTestId('people-visibility-choices').textContent).toContain('tells the site whom you follow');
  });

  it('stores the mark style and the card delay, each a group of choices, without reloading the page', async () => {
    const deps = optionsDeps();
    render(<OptionsPage browserName="chrome" deps={deps} />);
    const every = screen.getByRole('radio', { name: 'Every mention' }) as HTMLInputElement;
    await waitFor(() => expect(every.checked).toBe(true));
    expect((screen.getByRole('radio', { name: 'Tint and underline' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: '0.5 s (standard)' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'The first mention of each person in a paragraph' }));
    await waitFor(async () => expect((await loadSettings()).markScope).toBe('first'));
    fireEvent.click(screen.getByRole('radio', { name: 'Underline only' }));
    await waitFor(async () => expect((await loadSettings()).markLook).toBe('underline'));
    fireEvent.click(screen.getByRole('radio', { name: '1.2 s' }));
    await waitFor(async () => expect((await loadSettings()).cardDelayMs).toBe(1200));
    expect((await loadSettings()).markScope).toBe('first');
    await waitFor(() => expect((screen.getByRole('radio', { name: '1.2 s' }) as HTMLInputElement).checked).toBe(true));
    expect(deps.reload).not.toHaveBeenCalled();
    expect(screen.getByTestId('card-delay-choices').textContent).toContain('Open tabs follow these at once');
  });

  it('tells Chrome users where to change the shortcut and opens that page', () => {
    const deps = optionsDeps();
    render(<OptionsPage browserName="chrome" deps={deps} />);
    expect(screen.getByTestId('shortcut-help').textContent).toContain('chrome://extensions/shortcuts');
    fireEvent.click(screen.getByRole('button', { name: 'Open the shortcuts page' }));
    expect(deps.openShortcuts).toHaveBeenCalled();
  });

  it('tells Firefox users about about:addons instead', () => {
    render(<OptionsPage browserName="firefox" deps={optionsDeps()} />);
    expect(screen.getByTestId('shortcut-help').textContent).toContain('Manage Extension Shortcuts');
    expect(screen.queryByRole('button', { name: 'Open the shortcuts page' })).toBeNull();
  });

  it('says so when the setting cannot be saved', async () => {
    render(<OptionsPage browserName="chrome" deps={optionsDeps({ setLanguage: vi.fn(async () => Promise.reject(new Error('quota'))) })} />);
    await waitFor(() => expect((screen.getByRole('radio', { name: 'English' }) as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The setting could not be saved.');
  });
});

describe('person page (the card\'s "Open in popup")', () => {
  it('shows the person as the card does, with their notes, on a page of its own', async () => {
    const db = freshDatabase();
    try {
      const notes = storeNotesClient(db, { isKnownPerson });
      await notes.save({ personId: 'mira-murati', text: 'Founded a lab' });
      render(<PersonPage details={bundledDetails} personId="mira-murati" deps={{ notes } as NotesPageDeps} />);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Mira Murati');
      expect(await screen.findByText('Founded a lab')).toBeTruthy();
      expect(document.title).toBe('Mira Murati — Talent Lens');
      expect(screen.getByTestId('all-notes-link').getAttribute('href')).toBe('/notes.html#person-mira-murati');
    } finally {
      await db.delete();
    }
  });

  it('says so for an unknown person', () => {
    render(<PersonPage details={bundledDetails} personId="nobody" deps={{} as NotesPageDeps} />);
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});
