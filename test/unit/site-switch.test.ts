import { describe, expect, it, vi } from 'vitest';
import { SiteSwitch } from '@/content/site-switch';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';

const settings = (change: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...change });

describe('SiteSwitch', () => {
  it('in the top frame: on unless marking or this site is switched off; the background is never asked', async () => {
    const top = new SiteSwitch(() => 'news.example', null);
    expect(await top.isOn(DEFAULT_SETTINGS)).toBe(true);
    expect(await top.isOn(settings({ enabled: false }))).toBe(false);
    expect(await top.isOn(settings({ disabledSites: ['news.example'] }))).toBe(false);
    expect(await top.isOn(settings({ disabledSites: ['other.example'] }))).toBe(true);
  });

  it('in a child frame: asks for the reader’s site only once some site is off, and only once', async () => {
    const ask = vi.fn(async () => 'news.example');
    const frame = new SiteSwitch(() => 'embed.example', ask);
    expect(await frame.isOn(DEFAULT_SETTINGS)).toBe(true);
    expect(ask).not.toHaveBeenCalled();
    expect(await frame.isOn(settings({ disabledSites: ['news.example'] }))).toBe(false);
    expect(await frame.isOn(settings({ disabledSites: ['embed.example'] }))).toBe(false);
    expect(await frame.isOn(settings({ disabledSites: ['third.example'] }))).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('a reader’s site the background cannot tell leaves the frame to its own switch', async () => {
    const frame = new SiteSwitch(
      () => 'embed.example',
      async () => Promise.reject(new Error('no background')),
    );
    expect(await frame.isOn(settings({ disabledSites: ['news.example'] }))).toBe(true);
    expect(await frame.isOn(settings({ disabledSites: ['embed.example'] }))).toBe(false);
  });

  it('follow: an answer that arrives after newer settings were followed is dropped', async () => {
    let answer!: (site: string) => void;
    const frame = new SiteSwitch(
      () => 'embed.example',
      () => new Promise<string>((resolve) => (answer = resolve)),
    );
    const applied: boolean[] = [];
    // Off (waits for the reader's site), then at once marking switched off everywhere, then on again.
    const first = frame.follow(settings({ disabledSites: ['news.example'] }), (on) => applied.push(on));
    const second = frame.follow(settings({ enabled: false }), (on) => applied.push(on));
    await second;
    answer('news.example');
    await first;
    expect(applied).toEqual([false]);
    await frame.follow(DEFAULT_SETTINGS, (on) => applied.push(on));
    expect(applied).toEqual([false, true]);
  });
});
