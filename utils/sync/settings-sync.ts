/**
 * Settings follow the reader through the browser's sync storage, always (no
 * switch): the global and per-site switches, the UI language, the mark style and the card delay.
 *
 * Every context keeps reading and watching `settings` in storage.local
 * (utils/settings.ts), as before sync existed: the background mirrors it. Sync
 * storage holds only what differs from the defaults, so a fresh install (all
 * defaults) writes nothing there and cannot overwrite another machine's choices.
 * The first time a machine syncs settings, its own earlier choices are merged
 * with the ones already in sync storage (sites switched off on either stay
 * off); after that, another machine's change replaces the local settings.
 */
import { logError } from '@/utils/log';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '@/utils/settings';
import type { SyncArea } from './area';
import { SETTINGS_KEY } from './wire';

/** The key utils/settings.ts keeps them under in storage.local. */
const LOCAL_KEY = 'settings';
/** In storage.local: the diff this machine last agreed with sync storage (absent before its first settings sync). */
const AGREED_KEY = 'settingsSyncAgreed';

export type SettingsDiff = Partial<Settings>;

/** What differs from the defaults, and nothing else. */
export function settingsDiff(settings: Settings): SettingsDiff {
  const diff: SettingsDiff = {};
  if (settings.enabled !== DEFAULT_SETTINGS.enabled) diff.enabled = settings.enabled;
  if (settings.disabledSites.length > 0) diff.disabledSites = [...settings.disabledSites].sort();
  if (settings.language !== DEFAULT_SETTINGS.language) diff.language = settings.language;
  if (settings.markScope !== DEFAULT_SETTINGS.markScope) diff.markScope = settings.markScope;
  if (settings.markLook !== DEFAULT_SETTINGS.markLook) diff.markLook = settings.markLook;
  if (settings.cardDelayMs !== DEFAULT_SETTINGS.cardDelayMs) diff.cardDelayMs = settings.cardDelayMs;
  return diff;
}

/** A diff from sync storage, checked field by field: a malformed field counts as absent (the default). */
export function parseSettingsDiff(raw: unknown): SettingsDiff | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  return settingsDiff(parseSettings(raw));
}

export function applyDiff(diff: SettingsDiff): Settings {
  return parseSettings({ ...DEFAULT_SETTINGS, ...diff });
}

/** The first merge: sync storage's choices, plus this machine's for what sync storage leaves at the default; switched-off sites of both. */
export function mergeFirstTime(local: Settings, remote: SettingsDiff): Settings {
  const mine = settingsDiff(local);
  return applyDiff({
    ...mine,
    ...remote,
    disabledSites: [...new Set([...(remote.disabledSites ?? []), ...(mine.disabledSites ?? [])])],
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Starts mirroring `settings` between storage.local (`local`) and sync storage
 * (`sync`). The listeners are added before it returns (a service worker is
 * woken only for listeners added at once); every step runs in order after the
 * first merge. `ready` resolves once that merge is written.
 */
export function startSettingsSync(local: SyncArea, sync: SyncArea, writeSlot: () => Promise<void>): { stop(): void; ready: Promise<void> } {
  /** The diff this machine last agreed with sync storage: a local diff that differs was changed here since. */
  const agree = (diff: SettingsDiff) => local.set({ [AGREED_KEY]: diff });
  /**
   * The diffs this machine wrote to sync storage whose change events have not come back yet, oldest first.
   * Sync storage reports our own writes too, and later than our next local change can be made: taken as
   * news, the report of an older write would put that older choice back over the reader's newer one.
   */
  const unreported: string[] = [];
  const isOwnReport = (diff: SettingsDiff) => {
    const at = unreported.indexOf(JSON.stringify(diff));
    if (at < 0) return false;
    unreported.splice(0, at + 1);
    return true;
  };
  const pushDiff = async (settings: Settings) => {
    const diff = settingsDiff(settings);
    const stored = parseSettingsDiff((await sync.get([SETTINGS_KEY]))[SETTINGS_KEY]);
    if (!same(stored, diff)) {
      // All defaults again on a machine that had a diff: an empty diff says so (an absent one would say nothing).
      await writeSlot();
      unreported.push(JSON.stringify(diff));
      await sync.set({ [SETTINGS_KEY]: diff }).catch((cause: unknown) => {
        unreported.pop();
        throw cause;
      });
    }
    await agree(diff);
  };
  const pullDiff = async (incoming: SettingsDiff) => {
    const next = applyDiff(incoming);
    const diff = settingsDiff(next);
    const current = (await local.get([LOCAL_KEY]))[LOCAL_KEY];
    await agree(diff);
    // Compared as diffs, which sort the sites: the same choices in another order are not a change.
    if (current === undefined ? Object.keys(diff).length > 0 : !same(settingsDiff(parseSettings(current)), diff)) {
      await local.set({ [LOCAL_KEY]: next });
    }
  };

  const first = async () => {
    const stored = await local.get([LOCAL_KEY, AGREED_KEY]);
    const remote = parseSettingsDiff((await sync.get([SETTINGS_KEY]))[SETTINGS_KEY]);
    const mine = parseSettings(stored[LOCAL_KEY]);
    const agreed = parseSettingsDiff(stored[AGREED_KEY]);
    if (remote === null) {
      // Nothing in sync storage: this machine's choices go up, unless it has none (a fresh install).
      if (Object.keys(settingsDiff(mine)).length > 0) await pushDiff(mine);
    } else if (agreed === null) {
      // This machine's first sync of settings: nothing of either side is lost.
      const merged = mergeFirstTime(mine, remote);
      if (stored[LOCAL_KEY] !== undefined || !same(merged, DEFAULT_SETTINGS)) await local.set({ [LOCAL_KEY]: merged });
      await pushDiff(merged);
    } else if (!same(settingsDiff(mine), agreed)) {
      // Changed here while the background was not running: the newer choice is this machine's.
      await pushDiff(mine);
    } else {
      await pullDiff(remote);
    }
  };

  let queue: Promise<void> = first();
  const ready = queue;
  const then = (step: () => Promise<void>) => {
    queue = queue.then(step).catch((cause) => logError('settings sync failed', cause));
  };
  const stopLocal = local.watch((changes) => {
    if (LOCAL_KEY in changes) then(() => pushDiff(parseSettings(changes[LOCAL_KEY]?.newValue)));
  });
  const stopSync = sync.watch((changes) => {
    const diff = SETTINGS_KEY in changes ? parseSettingsDiff(changes[SETTINGS_KEY]?.newValue) : null;
    if (diff && !isOwnReport(diff)) then(() => pullDiff(diff));
  });
  return {
    ready,
    stop() {
      stopLocal();
      stopSync();
    },
  };
}
