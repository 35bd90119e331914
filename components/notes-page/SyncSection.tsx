import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import type { SyncStatus } from '@/utils/sync/engine';
import { parseSyncStatus, SYNC_STATUS_KEY, SYNC_SWITCH_KEY, usageKilobytes } from '@/utils/sync/switch';

/** How the page reads and turns the switch: storage.local, which the background watches (background/sync). */
export interface SyncClient {
  read(): Promise<{ on: boolean; status: SyncStatus | null }>;
  setOn(on: boolean): Promise<void>;
  /** Calls back when the switch or the status changed; returns the unsubscribe function. */
  watch(listener: () => void): () => void;
}

export const browserSyncClient: SyncClient = {
  async read() {
    const stored = await browser.storage.local.get([SYNC_SWITCH_KEY, SYNC_STATUS_KEY]);
    return { on: stored[SYNC_SWITCH_KEY] === true, status: parseSyncStatus(stored[SYNC_STATUS_KEY]) };
  },
  setOn: (on) => browser.storage.local.set({ [SYNC_SWITCH_KEY]: on }),
  watch(listener) {
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && (SYNC_SWITCH_KEY in changes || SYNC_STATUS_KEY in changes)) listener();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  },
};

/**
 * "Sync my notes and people": the switch (off until the reader turns it on), what it does in one
 * sentence, and while it is on how much of the browser's sync storage is used, what did not fit,
 * what was edited on two computers at once, and what in sync storage was ignored.
 */
export function SyncSection({ client = browserSyncClient, personName }: { client?: SyncClient; personName: (personId: string) => string }) {
  const [state, setState] = useState<{ on: boolean; status: SyncStatus | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const load = () => client.read().then(setState, (cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
    void load();
    return client.watch(() => void load());
  }, [client]);

  const toggle = (on: boolean) => {
    setError(null);
    setState((current) => (current ? { ...current, on } : current));
    client.setOn(on).catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
  };

  const status = state?.on ? state.status : null;
  const names = (labels: string[]) => [...new Set(labels)].map(personName).join(', ');
  const noRoom = status?.notSynced.filter((item) => item.reason === 'no-room') ?? [];
  const tooLarge = status?.notSynced.filter((item) => item.reason === 'too-large') ?? [];
  const bothEdited = status?.conflicts.filter((c) => c.what === 'both-edited') ?? [];
  const editedDeleted = status?.conflicts.filter((c) => c.what === 'edited-deleted') ?? [];

  return (
    <section class="tl-sync" aria-labelledby="tl-sync-heading" data-testid="sync">
      <h2 id="tl-sync-heading" class="tl-notes-heading">
        {t('syncHeading')}
      </h2>
      <label class="tl-switch">
        <input
          type="checkbox"
          data-testid="sync-switch"
          checked={state?.on ?? false}
          disabled={!state}
          aria-describedby="tl-sync-explained"
          onChange={(event) => toggle((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('syncSwitch')}</span>
      </label>
      <p id="tl-sync-explained" class="tl-muted tl-small">
        {t('syncExplained')}
      </p>
      <div aria-live="polite" class="tl-sync-status">
        {status && (
          <p class="tl-status-line" data-testid="sync-usage">
            {t('syncUsage', [String(usageKilobytes(status).used), String(usageKilobytes(status).quota)])}
          </p>
        )}
        {noRoom.length > 0 && (
          <p class="tl-status-line tl-error" data-testid="sync-no-room">
            {noRoom.length === 1
              ? t('syncNoRoomOne', names(noRoom.map((item) => item.label)))
              : t('syncNoRoom', [String(noRoom.length), names(noRoom.map((item) => item.label))])}
          </p>
        )}
        {tooLarge.length > 0 && (
          <p class="tl-status-line tl-error" data-testid="sync-too-large">
            {tooLarge.length === 1
              ? t('syncTooLargeOne', names(tooLarge.map((item) => item.label)))
              : t('syncTooLarge', [String(tooLarge.length), names(tooLarge.map((item) => item.label))])}
          </p>
        )}
        {bothEdited.length > 0 && (
          <p class="tl-status-line" data-testid="sync-conflicts">
            {t('syncBothEdited', names(bothEdited.map((c) => c.label)))}
          </p>
        )}
        {editedDeleted.length > 0 && (
          <p class="tl-status-line" data-testid="sync-edited-deleted">
            {t('syncEditedDeleted', names(editedDeleted.map((c) => c.label)))}
          </p>
        )}
        {status && status.ignored.length > 0 && (
          <p class="tl-status-line tl-muted" data-testid="sync-ignored">
            {status.ignored.length === 1 ? t('syncIgnoredOne') : t('syncIgnored', String(status.ignored.length))}
          </p>
        )}
        {status?.lastError && (
          <p class="tl-status-line tl-error" role="alert">
            {t('syncRefused', status.lastError)}
          </p>
        )}
        {error && (
          <p class="tl-status-line tl-error" role="alert">
            {t('syncFailed', error)}
          </p>
        )}
      </div>
    </section>
  );
}
