// @vitest-environment happy-dom
/** The notes page's "Sync my notes and people" section, over the browser's storage.local (the fake browser). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { SyncSection } from '@/components/notes-page/SyncSection';
import type { SyncStatus } from '@/utils/sync/engine';
import { SYNC_STATUS_KEY, SYNC_SWITCH_KEY } from '@/utils/sync/switch';
import { useLocale } from './card-fixtures';

const names: Record<string, string> = { 'sam-altman': 'Sam Altman', 'mark-chen': 'Mark Chen' };
const personName = (id: string) => names[id] ?? id;

const status: SyncStatus = {
  bytesInUse: 41 * 1024 - 300,
  itemsInUse: 40,
  notSynced: [
    { kind: 'note', id: 'n1', label: 'sam-altman', reason: 'no-room' },
    { kind: 'note', id: 'n2', label: 'mark-chen', reason: 'no-room' },
    { kind: 'note', id: 'n3', label: 'sam-altman', reason: 'too-large' },
  ],
  ignored: [{ key: 'someone.else', reason: 'foreign', detail: '' }],
  conflicts: [{ kind: 'note', id: 'n4', label: 'mark-chen', what: 'both-edited', keptAs: 'n4-cx', at: 1 }],
  at: 1,
};

beforeEach(() => {
  fakeBrowser.reset();
  useLocale('en');
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the sync section', () => {
  it('is off on a new install, says what it does, and shows no usage while off', async () => {
    await fakeBrowser.storage.local.set({ [SYNC_STATUS_KEY]: status });
    render(<SyncSection personName={personName} />);
    const toggle = (await screen.findByRole('checkbox', { name: 'Sync my notes and people' })) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    expect(toggle.checked).toBe(false);
    expect(screen.getByText(/through your browser account’s sync, as your bookmarks do, and nowhere else/)).toBeTruthy();
    expect(screen.queryByTestId('sync-usage')).toBeNull();
  });

  it('turns sync on through storage.local, then shows the use, what did not fit, conflicts and ignored items', async () => {
    render(<SyncSection personName={personName} />);
    const toggle = (await screen.findByTestId('sync-switch')) as HTMLInputElement;
    await waitFor(() => expect(toggle.disabled).toBe(false));
    fireEvent.click(toggle);
    await waitFor(async () => expect((await fakeBrowser.storage.local.get(SYNC_SWITCH_KEY))[SYNC_SWITCH_KEY]).toBe(true));
    // The background reports back through the status.
    await fakeBrowser.storage.local.set({ [SYNC_STATUS_KEY]: status });
    await waitFor(() => expect(screen.getByTestId('sync-usage').textContent).toBe('41 KB of 100 KB of the browser’s sync storage used'));
    expect(screen.getByTestId('sync-no-room').textContent).toBe(
      'No room left in sync storage: 2 records of Sam Altman, Mark Chen are not synced (they stay on this computer). The rest keeps syncing.',
    );
    expect(screen.getByTestId('sync-too-large').textContent).toBe('Too large to sync: 1 note of Sam Altman (it stays on this computer).');
    expect(screen.getByTestId('sync-conflicts').textContent).toContain('Mark Chen');
    expect(screen.getByTestId('sync-ignored').textContent).toContain('1 item in sync storage was ignored');

    fireEvent.click(toggle);
    await waitFor(async () => expect((await fakeBrowser.storage.local.get(SYNC_SWITCH_KEY))[SYNC_SWITCH_KEY]).toBe(false));
    await waitFor(() => expect(screen.queryByTestId('sync-usage')).toBeNull());
  });

  it('is usable from the keyboard: the switch is a labelled checkbox described by the sentence', async () => {
    render(<SyncSection personName={personName} />);
    const toggle = await screen.findByRole('checkbox', { name: 'Sync my notes and people' });
    expect(toggle.getAttribute('aria-describedby')).toBe('tl-sync-explained');
    expect(document.getElementById('tl-sync-explained')?.textContent).toContain('nowhere else');
  });
});
