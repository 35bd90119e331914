import { describe, expect, it } from 'vitest';
import { extensionPagePath, notesViewOf, opensWelcome } from '@/utils/extension-pages';
import { browseGroups } from '@/utils/search/browse';
import { bundledDetails } from '@/utils/search/bundled-people';

describe('extensionPagePath', () => {
  it("sends the card's 'Open in popup' to the full-page person view, not the popup in a tab", () => {
    expect(extensionPagePath('popup', 'sam-altman')).toBe('/notes.html?view=person&person=sam-altman');
    expect(extensionPagePath('popup')).toBe('/popup.html');
  });

  it('opens the notes page at a person, and the other pages by name', () => {
    expect(extensionPagePath('notes', 'a b')).toBe('/notes.html?person=a%20b');
    expect(extensionPagePath('notes')).toBe('/notes.html');
    expect(extensionPagePath('welcome')).toBe('/welcome.html');
    expect(extensionPagePath('about')).toBe('/about.html');
    expect(extensionPagePath('options')).toBe('/options.html');
  });
});

describe('notesViewOf', () => {
  it('reads the person view, the notes view with a person, and plain notes', () => {
    expect(notesViewOf('?view=person&person=sam-altman')).toEqual({ view: 'person', personId: 'sam-altman' });
    expect(notesViewOf('?person=sam-altman')).toEqual({ view: 'all', personId: 'sam-altman' });
    expect(notesViewOf('?view=person')).toEqual({ view: 'all' });
    expect(notesViewOf('')).toEqual({ view: 'all' });
  });
});

describe('browseGroups', () => {
  const everyone = Object.keys(bundledDetails.people).length;

  it('by organization: every person once, biggest organizations first, people without one last', () => {
    const groups = browseGroups(bundledDetails, 'organization', 'en');
    expect(groups.flatMap((g) => g.people.map((p) => p.id)).sort()).toEqual(Object.keys(bundledDetails.people).sort());
    const sizes = groups.filter((g) => g.label !== null).map((g) => g.people.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(groups.at(-1)?.key).toBe('no-org');
    expect(groups.find((g) => g.key === 'openai')?.people.map((p) => p.id)).toContain('sam-altman');
  });

  it('by name: A–Z by the English initial, in both languages, with Chinese labels for organizations', () => {
    const en = browseGroups(bundledDetails, 'name', 'en');
    expect(en.map((g) => g.key)).toEqual(en.map((g) => g.key).sort());
    expect(en.reduce((n, g) => n + g.people.length, 0)).toBe(everyone);
    expect(browseGroups(bundledDetails, 'name', 'zh').map((g) => g.key)).toEqual(en.map((g) => g.key));
    expect(browseGroups(bundledDetails, 'organization', 'zh').find((g) => g.key === 'meta')?.label).toBe(
      bundledDetails.organizations.meta!.name.zh,
    );
  });
});

describe('opensWelcome', () => {
  it('opens the welcome page on a first install only', () => {
    expect(opensWelcome({ reason: 'install' })).toBe(true);
    for (const reason of ['update', 'chrome_update', 'browser_update', 'shared_module_update'])
      expect(opensWelcome({ reason })).toBe(false);
  });
});
