/**
 * Settings through sync storage, between two simulated machines: only what
 * differs from the defaults is stored there, a fresh install never overwrites
 * another machine's choices, and settings stored before sync existed are kept.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { startSettingsSync } from '@/utils/sync/settings-sync';
import { SETTINGS_KEY } from '@/utils/sync/wire';
import { SimulatedArea, SimulatedCloud } from './sync-simulation';

const noWait = () => Promise.resolve();

class Machine {
  readonly local = new SimulatedArea();
  readonly sync = new SimulatedArea();
  stop: () => void = () => undefined;

  constructor(settings?: Settings) {
    if (settings) this.local.items.set('settings', settings);
  }

  async start(): Promise<void> {
    const started = startSettingsSync(this.local, this.sync, noWait);
    this.stop = started.stop;
    await started.ready;
  }

  settings(): unknown {
    return this.local.items.get('settings');
  }

  /** A change made in the popup or options page: written to storage.local. */
  change(settings: Settings): void {
    this.local.apply([['settings', settings]]);
  }
}

/** Lets queued steps run, exchanges, and repeats until the server is quiet. */
async function settle(cloud: SimulatedCloud): Promise<void> {
  for (let round = 0; round < 10; round++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const before = JSON.stringify([...cloud.items]);
    cloud.exchange();
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (JSON.stringify([...cloud.items]) === before) return;
  }
}

const choices: Settings = { ...DEFAULT_SETTINGS, enabled: false, disabledSites: ['b.example', 'a.example'] };

describe('settings sync', () => {
  it('stores only what differs from the defaults, and a fresh install takes it without overwriting it', async () => {
    const a = new Machine(choices);
    const b = new Machine();
    const cloud = new SimulatedCloud([a.sync, b.sync]);
    await a.start();
    await settle(cloud);
    expect(cloud.items.get(SETTINGS_KEY)).toEqual({ enabled: false, disabledSites: ['a.example', 'b.example'] });
    await b.start();
    await settle(cloud);
    expect(b.settings()).toEqual({ ...choices, disabledSites: ['a.example', 'b.example'] });
    expect(cloud.items.get(SETTINGS_KEY)).toEqual({ enabled: false, disabledSites: ['a.example', 'b.example'] });
    expect(b.sync.writes).toBe(0);
  });

  it('writes nothing to sync storage from a fresh install, and nothing to storage.local either', async () => {
    const a = new Machine();
    const cloud = new SimulatedCloud([a.sync]);
    await a.start();
    await settle(cloud);
    expect(cloud.items.size).toBe(0);
    expect(a.settings()).toBeUndefined();
  });

  it('merges settings stored before sync existed with the ones already synced: nothing of either is lost', async () => {
    const a = new Machine(choices);
    const b = new Machine({ ...DEFAULT_SETTINGS, disabledSites: ['c.example'], language: 'zh_CN' });
    const cloud = new SimulatedCloud([a.sync, b.sync]);
    await a.start();
    await settle(cloud);
    await b.start();
    await settle(cloud);
    const diff = { enabled: false, disabledSites: ['a.example', 'b.example', 'c.example'], language: 'zh_CN' };
    const merged = { ...DEFAULT_SETTINGS, ...diff };
    expect(b.settings()).toEqual(merged);
    expect(a.settings()).toEqual(merged);
    // Stored as a diff from the defaults: the defaults (people's visibility, mark style, card delay) are not in it.
    expect(cloud.items.get(SETTINGS_KEY)).toEqual(diff);
  });

  it('carries a change, and a return to the defaults, to the other machine', async () => {
    const a = new Machine(choices);
    const b = new Machine();
    const cloud = new SimulatedCloud([a.sync, b.sync]);
    await a.start();
    await b.start();
    await settle(cloud);
    b.change({ ...DEFAULT_SETTINGS, language: 'zh_TW' });
    await settle(cloud);
    expect(a.settings()).toEqual({ ...DEFAULT_SETTINGS, language: 'zh_TW' });
    a.change(DEFAULT_SETTINGS);
    await settle(cloud);
    expect(cloud.items.get(SETTINGS_KEY)).toEqual({});
    expect(b.settings()).toEqual(DEFAULT_SETTINGS);
  });

  it('carries the mark style and the card delay, as a diff from the defaults', async () => {
    const a = new Machine();
    const b = new Machine();
    const cloud = new SimulatedCloud([a.sync, b.sync]);
    await a.start();
    await b.start();
    await settle(cloud);
    a.change({ ...DEFAULT_SETTINGS, markScope: 'first', markLook: 'underline', cardDelayMs: 1200 });
    await settle(cloud);
    expect(cloud.items.get(SETTINGS_KEY)).toEqual({ markScope: 'first', markLook: 'underline', cardDelayMs: 1200 });
    expect(b.settings()).toEqual({ ...DEFAULT_SETTINGS, markScope: 'first', markLook: 'underline', cardDelayMs: 1200 });
  });

  it('never brings back an older choice of this machine when sync storage reports its own writes', async () => {
    const a = new Machine();
    const cloud = new SimulatedCloud([a.sync]);
    await a.start();
    await settle(cloud);
    const seen: unknown[] = [];
    a.local.watch((changes) => {
      if ('settings' in changes) seen.push(changes.settings?.newValue);
    });
    // Three quick changes in a row (a delay, then the language, then the delay back), before any is synced.
    const slow = { ...DEFAULT_SETTINGS, cardDelayMs: 1200 };
    const chinese = { ...slow, language: 'zh_CN' as const };
    const last = { ...chinese, cardDelayMs: 500 };
    a.change(slow);
    a.change(chinese);
    a.change(last);
    await settle(cloud);
    expect(a.settings()).toEqual(last);
    // Only the reader's three changes: nothing older was written back over them.
    expect(seen).toEqual([slow, chinese, last]);
    expect(cloud.items.get(SETTINGS_KEY)).toEqual({ language: 'zh_CN' });
  });

  it('keeps a change made while the background was not running, rather than the older synced one', async () => {
    const a = new Machine(choices);
    const cloud = new SimulatedCloud([a.sync]);
    await a.start();
    await settle(cloud);
    a.stop();
    a.change({ ...choices, enabled: true });
    await a.start();
    await settle(cloud);
    expect(cloud.items.get(SETTINGS_KEY)).toEqual({ disabledSites: ['a.example', 'b.example'] });
    expect(a.settings()).toEqual({ ...choices, enabled: true });
  });

  it('treats a malformed settings item in sync storage as absent, and repairs malformed fields to the defaults', async () => {
    const a = new Machine(choices);
    a.sync.items.set(SETTINGS_KEY, 'garbage');
    const cloud = new SimulatedCloud([a.sync]);
    cloud.items.set(SETTINGS_KEY, 'garbage');
    await a.start();
    await settle(cloud);
    expect(cloud.items.get(SETTINGS_KEY)).toEqual({ enabled: false, disabledSites: ['a.example', 'b.example'] });
    const b = new Machine();
    b.sync.items.set(SETTINGS_KEY, {
      enabled: 'yes',
      language: 'klingon',
      disabledSites: ['x.example', 5],
      markScope: 'some',
      markLook: 'neon',
      cardDelayMs: 7,
    });
    await b.start();
    expect(b.settings()).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['x.example'] });
  });
});
